use passerelle_assess::{Assessor, Language, Rubric, Status, Strength};

fn assessor() -> Assessor {
    Assessor::new(Rubric::builtin())
}

#[test]
fn the_builtin_rubric_has_every_element() {
    let r = Rubric::builtin();
    assert_eq!(r.id, "blma-guidance-2022");
    let ids: Vec<&str> = r.elements.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), 31);
    for id in [
        "international_standards",
        "recruitment_costs",
        "identity_documents",
        "social_security",
        "dispute_settlement",
        "data_protection",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
}

#[test]
fn evidence_points_at_the_words_in_the_original_text() {
    let text = "Accord\n\nArticle premier\nAucun FRAIS DE RECRUTEMENT n'est mis à la charge des travailleurs ; l'employeur les supporte.\n\nArticle 2\nLes Parties désignent l'Agence nationale de l'emploi comme autorité compétente.\n";
    let report = assessor().assess(text, None);
    assert_eq!(report.language, Language::Fr);
    let costs = report.element("recruitment_costs").unwrap();
    assert_eq!(costs.status, Status::Covered, "{costs:?}");
    assert_eq!(
        report
            .clauses
            .iter()
            .find(|c| c.id == costs.clauses[0])
            .unwrap()
            .label,
        "Article premier"
    );
    for e in &costs.evidence {
        assert_eq!(&text[e.start..e.end], e.text());
    }
    assert!(
        costs
            .evidence
            .iter()
            .any(|e| e.text().to_lowercase().contains("frais de recrutement")),
        "{costs:?}"
    );
    assert_eq!(report.element("housing").unwrap().status, Status::Absent);
}

#[test]
fn cost_shifting_is_not_a_protection() {
    let text = "Article 4\nThe worker shall pay the recruitment fees to the agency, and the costs shall be deducted from the worker's wages.";
    let report = assessor().assess(text, Some(Language::En));
    let costs = report.element("recruitment_costs").unwrap();
    assert_ne!(costs.status, Status::Covered, "{costs:?}");
    assert!(
        !costs.concerns.is_empty(),
        "the clause is flagged: {costs:?}"
    );
    assert!(
        costs
            .concerns
            .iter()
            .all(|c| c.strength == Strength::Adverse)
    );
}

#[test]
fn passport_retention_is_flagged_in_arabic() {
    let text = "المادة الخامسة\nيحتفظ صاحب العمل بجواز سفر العامل طوال مدة العقد.";
    let report = assessor().assess(text, None);
    assert_eq!(report.language, Language::Ar);
    let id = report.element("identity_documents").unwrap();
    assert_ne!(id.status, Status::Covered, "{id:?}");
    assert!(!id.concerns.is_empty(), "{id:?}");
    let protective = "المادة الخامسة\nلا يجوز لصاحب العمل الاحتفاظ بجواز سفر العامل أو وثائق هويته.";
    let report = assessor().assess(protective, None);
    assert_eq!(
        report.element("identity_documents").unwrap().status,
        Status::Covered,
        "{:?}",
        report.element("identity_documents")
    );
}

#[test]
fn spanish_articles_by_ordinal() {
    let text = "Artículo primero\nObjeto del Acuerdo.\n\nArtículo cuarto\nLos trabajadores estarán afiliados al sistema de seguridad social del país de empleo.";
    let report = assessor().assess(text, None);
    assert_eq!(report.language, Language::Es);
    let ss = report.element("social_security").unwrap();
    assert_eq!(ss.status, Status::Covered, "{ss:?}");
    let clause = report
        .clauses
        .iter()
        .find(|c| c.id == ss.clauses[0])
        .unwrap();
    assert_eq!(clause.label, "Artículo cuarto");
}

#[test]
fn the_report_json_is_the_documented_contract() {
    let report = assessor().assess(
        "Article 1\nThis Agreement shall enter into force on the date of the last notification.",
        None,
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["rubric"], "blma-guidance-2022");
    assert_eq!(json["language"], "en");
    assert!(json["clauses"][0]["start"].is_u64());
    let fc = json["elements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "final_clauses")
        .unwrap();
    assert_eq!(fc["status"], "covered");
    assert!(fc["score"].as_f64().unwrap() > 0.0);
    assert!(fc["evidence"][0]["cue"].is_string());
    assert!(json["coverage"].as_f64().unwrap() > 0.0);
}

#[test]
fn institution_names_are_not_provisions() {
    let named = "Article 3\nThe Ministry of Labour, Employment and Social Security of Nepal shall be the competent authority.";
    let report = assessor().assess(named, Some(Language::En));
    assert_ne!(
        report.element("social_security").unwrap().status,
        Status::Covered,
        "{:?}",
        report.element("social_security")
    );
    let provision =
        "Article 4\nWorkers shall be covered by the social security system of the host country.";
    let report = assessor().assess(provision, Some(Language::En));
    assert_eq!(
        report.element("social_security").unwrap().status,
        Status::Covered
    );
}

#[test]
fn sector_notes_add_their_expectations_with_the_reports_statuses() {
    let rubric = Rubric::builtin();
    let ids: Vec<&str> = rubric.sectors.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["seasonal_work", "health_workers", "domestic_workers"]);
    let text = "Article 1\nThe employer shall provide decent accommodation free of charge.\n\nArticle 2\nThe worker shall keep his passport.\n";
    let a = assessor();
    let mut report = a.assess(text, Some(Language::En));
    assert!(report.sectors.is_empty());
    report
        .add_sectors(
            a.rubric(),
            &["seasonal_work", "domestic_workers", "seasonal_work"],
        )
        .unwrap();
    let seasonal: Vec<&str> = report.sectors.iter().map(|s| s.sector.as_str()).collect();
    assert_eq!(seasonal, ["seasonal_work", "domestic_workers"], "once each");
    for finding in &report.sectors {
        let sector = a.rubric().sector(&finding.sector).unwrap();
        assert_eq!(finding.expectations.len(), sector.expects.len());
        for x in &finding.expectations {
            assert_eq!(x.status, report.element(&x.element).unwrap().status);
        }
    }
    let housing = report.sectors[0]
        .expectations
        .iter()
        .find(|x| x.element == "housing")
        .unwrap();
    assert_eq!(housing.status, Status::Covered);
    let n = report.sectors[0].expectations.len() as f64;
    let covered = report.sectors[0]
        .expectations
        .iter()
        .filter(|x| x.status == Status::Covered)
        .count() as f64;
    assert!(report.sectors[0].coverage >= covered / n);

    let err = report.add_sectors(a.rubric(), &["nurses"]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown sector `nurses`; the rubric has: seasonal_work, health_workers, domestic_workers"
    );
    // The JSON carries them; a report without any leaves the key out.
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["sectors"][1]["sector"], "domestic_workers");
    let plain = serde_json::to_value(a.assess(text, None)).unwrap();
    assert!(plain.get("sectors").is_none());
    // Markdown shows the note and each expectation.
    let md = passerelle_assess::render::markdown(&report, a.rubric(), Language::Fr);
    assert!(
        md.contains("## Attentes propres au secteur : Travail saisonnier"),
        "{md}"
    );
}

#[test]
fn a_sector_note_must_name_elements_in_four_languages() {
    let builtin = passerelle_assess::rubric::BLMA_2022;
    let wrong = builtin.replacen(
        "[[sectors.expects]]\nelement = \"housing\"",
        "[[sectors.expects]]\nelement = \"lodging\"",
        1,
    );
    assert_ne!(wrong, builtin);
    let err = Rubric::parse(&wrong).unwrap_err().to_string();
    assert_eq!(
        err,
        "rubric: sector `seasonal_work`: unknown element `lodging`"
    );
    let no_arabic = builtin.replacen(
        "title = { en = \"Health workers\", fr = \"Personnel de santé\", es = \"Personal de salud\", ar = \"العاملون في مجال الصحة\" }",
        "title = { en = \"Health workers\", fr = \"Personnel de santé\", es = \"Personal de salud\" }",
        1,
    );
    assert_ne!(no_arabic, builtin);
    let err = Rubric::parse(&no_arabic).unwrap_err().to_string();
    assert_eq!(err, "rubric: sector `health_workers`: no ar title");
}

#[test]
fn evidence_reads_and_round_trips_as_the_words_it_quotes() {
    let text = "Article 1\nNo recruitment fees shall be charged to workers.\n";
    let report = assessor().assess(text, None);
    let e = &report.element("recruitment_costs").unwrap().evidence[0];
    let quoted = &text[e.start..e.end];
    assert_eq!(e.text(), quoted);
    assert_eq!(e.clause(), &*report.clauses[0].id);
    assert_eq!(e.cue(), "no ~ fee* ~ charged");
    // The JSON is what it always was, keys in the same order.
    let json = serde_json::to_string(e).unwrap();
    assert_eq!(
        json,
        format!(
            r#"{{"clause":"c0","start":{},"end":{},"text":{quoted:?},"cue":"no ~ fee* ~ charged","strength":"strong"}}"#,
            e.start, e.end
        )
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let back: passerelle_assess::Evidence = serde_json::from_value(json).unwrap();
    assert_eq!(&back, e);
    assert_eq!(
        (back.text(), back.clause(), back.cue()),
        (e.text(), e.clause(), e.cue())
    );
    assert!(format!("{e:?}").contains(&format!("text: {quoted:?}")));
    // A negation that turns an adverse cue into a protection shows as such.
    let report = assessor().assess(
        "Article 1\nThe employer shall not withhold any part of the wage.\n",
        None,
    );
    let wages = &report.element("wages").unwrap().evidence;
    assert!(
        wages.iter().any(|e| e.cue() == "not: withhold* ~ wage*"),
        "{wages:?}"
    );
}

/// A headed article says what it is about: an element named only in its
/// body, by one strong cue, is an aside (partial, its words shown), unless
/// two different strong cues say it. Without a title nothing changes.
#[test]
fn an_element_named_in_passing_under_another_title_is_only_mentioned() {
    let body = "The employer shall bear the cost of the worker's work permit.";
    let status = |text: &str| {
        let report = assessor().assess(text, Some(Language::En));
        let f = report.element("migration_status").unwrap().clone();
        (
            f.status,
            f.evidence
                .iter()
                .map(|e| e.text().to_string())
                .collect::<Vec<_>>(),
        )
    };
    let (titled, words) = status(&format!("Article 5 – Recruitment costs. {body}\n"));
    assert_eq!(titled, Status::Mentioned);
    assert!(words.contains(&"work permit".to_string()), "{words:?}");
    assert_eq!(
        assessor()
            .assess(
                &format!("Article 5 – Recruitment costs. {body}\n"),
                Some(Language::En)
            )
            .element("recruitment_costs")
            .unwrap()
            .status,
        Status::Covered
    );
    // Without a title the permit is still only what the cost prices
    // (the assessment-trust issue: a clause whose subject is a cost lends
    // at most `mentioned` to what it names).
    assert_eq!(status(&format!("Article 5\n{body}\n")).0, Status::Mentioned);
    // Words that say something of their own are no price's object: the
    // renewal is a provision on migration status.
    let two = "The employer shall bear the cost of the work permit and the receiving Party shall renew the residence permit.";
    assert_eq!(
        status(&format!("Article 5 – Recruitment costs. {two}\n")).0,
        Status::Covered
    );
    // A sentence on permits that is not about their cost: covered.
    let issued = "Article 5\nThe receiving Party shall issue a work permit to each selected worker within thirty days.\n";
    assert_eq!(status(issued).0, Status::Covered);
}

/// A cost belongs to what it prices: the return journey paid by the
/// employer provides for return, not for recruitment costs; visa fees
/// borne by the employer are recruitment costs and name the visa in
/// passing; a round trip ("aller et retour") alone does not take the cost.
#[test]
fn a_cost_belongs_to_what_it_prices() {
    let statuses = |text: &str, lang: Language| {
        let report = assessor().assess(text, Some(lang));
        [
            "recruitment_costs",
            "return_reintegration",
            "migration_status",
        ]
        .map(|id| report.element(id).unwrap().status)
    };
    let [costs, ret, _] = statuses(
        "At the end of the contract the employer shall bear the cost of the worker's return journey to the country of origin.",
        Language::En,
    );
    assert_eq!((costs, ret), (Status::Mentioned, Status::Covered));
    let [costs, _, permit] = statuses(
        "The employer shall bear the cost of the entry visa and of the work permit.",
        Language::En,
    );
    assert_eq!((costs, permit), (Status::Covered, Status::Mentioned));
    let [costs, _, _] = statuses(
        "L'employeur supporte le prix du billet d'avion aller et retour du travailleur ainsi que les frais de voyage.",
        Language::Fr,
    );
    assert_eq!(costs, Status::Covered);
}

/// A definition names its terms: a definitions article provides none of
/// the elements its terms belong to, in any language, except the
/// competent authorities a definition designates.
#[test]
fn a_definition_names_its_terms() {
    let cases = [
        (
            Language::En,
            "Article 1 – Definitions\nFor the purposes of this Agreement:\n(a) \"competent authority\" means, for each Party, its Ministry of Labour;\n(b) \"private employment agency\" means an agency licensed to recruit workers for employment abroad;\n(c) \"family members\" means the spouse and dependent children of a worker.\n",
        ),
        (
            Language::Fr,
            "Article premier\nAux fins du présent accord, on entend par :\na) « autorité compétente » : le ministère chargé du travail de chaque Partie ;\nb) « agence privée de placement » : toute agence agréée pour recruter des travailleurs ;\nc) « membres de la famille » : le conjoint et les enfants à charge du travailleur.\n",
        ),
        (
            Language::Es,
            "Artículo 1\nA los efectos del presente Acuerdo se entenderá por:\na) «autoridad competente»: el ministerio de trabajo de cada Parte;\nb) «agencia privada de empleo»: la entidad autorizada para la contratación de trabajadores;\nc) «familiares»: el cónyuge y los hijos menores a cargo del trabajador.\n",
        ),
        (
            Language::Ar,
            "المادة الأولى\nيُقصد بالعبارات الآتية المعاني المبينة قرين كل منها:\n- الجهة المختصة: وزارة العمل لدى كل طرف.\n- مكتب الاستقدام: كل جهة مرخص لها بتوظيف العمال في الخارج.\n- أفراد الأسرة: زوج العامل وأولاده القصر.\n",
        ),
    ];
    for (lang, text) in cases {
        let report = assessor().assess(text, Some(lang));
        for id in ["recruitment_process", "family_children"] {
            assert!(
                !report.element(id).unwrap().status.provides(),
                "{lang:?} {id}: {:?}",
                report.element(id).unwrap()
            );
        }
    }
    // Without the definition, the same items are provisions; and the list
    // ends where its items end: a later paragraph counts.
    let recruits = |text: &str| {
        assessor()
            .assess(text, Some(Language::En))
            .element("recruitment_process")
            .unwrap()
            .status
            .provides()
    };
    assert!(recruits(
        "The Parties shall ensure that private employment agencies are licensed to recruit workers for employment abroad, and that family members may join the worker."
    ));
    assert!(recruits(
        "Article 1\nFor the purposes of this Agreement:\n(a) \"agency\" means a licensed private employment agency.\nThe Parties shall ensure that recruitment is carried out only by public employment services or by licensed private agencies.\n"
    ));
}

/// Topics a body may take up are named, not provided for: "it may take up
/// any question arising in connection with wages or accommodation".
#[test]
fn topics_a_committee_may_take_up_are_mentions() {
    let text = "The Parties hereby establish a Joint Committee of four representatives of each Party, which shall meet at least once a year. It may take up any question arising in connection with the payment of wages, accommodation or the return of workers.";
    let report = assessor().assess(text, Some(Language::En));
    assert_eq!(
        report.element("joint_committee").unwrap().status,
        Status::Covered
    );
    for id in ["wages", "housing", "return_reintegration"] {
        assert!(
            !report.element(id).unwrap().status.provides(),
            "{id}: {:?}",
            report.element(id).unwrap()
        );
    }
}

/// The draft a negotiator pasted (the assessment-trust issue): the fee
/// clause and the passport clause work against the worker, and nothing
/// lends credit from "commission mixte", "sans frais excessifs", "entrée
/// en vigueur" or the title.
#[test]
fn a_draft_that_works_against_the_worker_says_so() {
    let text = include_str!("../drafts/fr-worker-pays.txt");
    let report = assessor().assess(text, Some(Language::Fr));
    let status = |id: &str| report.element(id).unwrap().status;
    assert_eq!(
        status("recruitment_costs"),
        Status::Contrary,
        "{:?}",
        report.element("recruitment_costs")
    );
    assert_eq!(status("identity_documents"), Status::Contrary);
    let why: Vec<&str> = report
        .element("identity_documents")
        .unwrap()
        .concerns
        .iter()
        .filter_map(|e| e.concern())
        .collect();
    assert_eq!(
        why,
        ["documents_retained"],
        "no fee wording on a passport clause"
    );
    for id in ["migration_status", "return_reintegration"] {
        assert!(!status(id).provides(), "{id}: {:?}", report.element(id));
    }
    // The fee clause lends nothing to wages or recruitment procedure.
    for id in ["wages", "recruitment_process"] {
        let f = report.element(id).unwrap();
        assert!(
            !f.clauses.iter().any(|c| c.as_ref() == "c5"),
            "{id} credited from the fee clause: {f:?}"
        );
    }
    assert!(status("joint_committee").provides());
    assert!(status("housing").provides());
    assert!(report.coverage < 0.2, "{}", report.coverage);
}

/// The statuses as the JSON names them, and what counts as coverage.
#[test]
fn only_covered_and_partial_count_as_coverage() {
    let names: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    assert_eq!(
        names,
        ["contrary", "absent", "mentioned", "partial", "covered"]
    );
    for s in Status::ALL {
        assert_eq!(Status::parse(s.as_str()), Some(s));
        assert_eq!(s.provides(), s.weight() > 0.0);
    }
    // One generic word is a mention, never coverage.
    let report = assessor().assess(
        "Article 7\nLes frais de fonctionnement sont partagés.",
        Some(Language::Fr),
    );
    let costs = report.element("recruitment_costs").unwrap();
    assert_eq!(costs.status, Status::Mentioned, "{costs:?}");
    assert!(
        !costs.evidence.is_empty(),
        "the words are shown to reviewers"
    );
}

/// What a sentence is about decides what its words lend: the items of a
/// listing, an aim, a hedge and a term in complement position name
/// things in passing; a negation far back in the sentence still makes an
/// act a protection.
#[test]
fn sentence_structure_decides_what_words_lend() {
    let en = |text: &str, id: &str| {
        assessor()
            .assess(text, Some(Language::En))
            .element(id)
            .unwrap()
            .clone()
    };
    // A document's contents: the contract is provided for, wages named.
    let listed = "The employment contract shall specify the basic wage, hours of work, rest days and the place of work.";
    assert!(en(listed, "employment_contract").status.provides());
    assert!(!en(listed, "working_time_leave").status.provides());
    // An aim in a preamble.
    let aim = "The Parties, convinced of the importance of social protection for workers employed abroad, have agreed as follows:";
    assert!(!en(aim, "social_security").status.provides());
    // A hedge.
    let hedge = "The Parties may consider at a later stage the possibility of concluding a social security agreement.";
    assert!(!en(hedge, "social_security").status.provides());
    // The same words as a provision.
    let provided = "Workers shall be covered by the social security system of the host country.";
    assert_eq!(en(provided, "social_security").status, Status::Covered);
    // A term as the complement of another noun.
    let fr = assessor().assess(
        "L'employeur prend en charge le coût de la délivrance du titre de séjour.",
        Some(Language::Fr),
    );
    assert!(!fr.element("migration_status").unwrap().status.provides());
    // A negation at the head of a long sentence.
    let protective = "No recruitment fee or related cost may, directly or indirectly, in whole or in part, be charged to the worker.";
    let costs = en(protective, "recruitment_costs");
    assert_eq!(costs.status, Status::Covered, "{costs:?}");
    assert!(costs.concerns.is_empty());
    // The act, with its topic, anywhere in one sentence.
    let kept = "Upon arrival, for safekeeping, the worker's passport shall be deposited with the employer.";
    let documents = en(kept, "identity_documents");
    assert_eq!(documents.status, Status::Contrary, "{documents:?}");
    assert_eq!(documents.concerns[0].concern(), Some("documents_retained"));
    let arabic = assessor().assess(
        "يحتفظ العامل بجواز سفره ووثائقه الشخصية، ويُحظر على صاحب العمل أو الوكيل حجزها.",
        Some(Language::Ar),
    );
    let id = arabic.element("identity_documents").unwrap();
    assert!(
        id.concerns.is_empty(),
        "a prohibition with its clitic: {id:?}"
    );
}

/// The downloads read as the pages do: contrary clauses first, then what
/// is missing, in the report's language, with no rubric syntax in the
/// Markdown and the Arabic comma between Arabic items.
#[test]
fn reports_put_contrary_clauses_first_in_the_readers_language() {
    use passerelle_assess::render;
    let a = assessor();
    let fr = a.assess(
        include_str!("../drafts/fr-worker-pays.txt"),
        Some(Language::Fr),
    );
    let md = render::markdown(&fr, a.rubric(), Language::Fr);
    let against = md
        .find("## Clauses contraires aux Orientations")
        .expect("{md}");
    let missing = md.find("## Éléments absents").expect("{md}");
    assert!(against < missing, "{md}");
    assert!(md.contains("- **Article 4** «travailleur verse"), "{md}");
    assert!(
        !md.contains(" ~ ") && !md.contains("*]"),
        "rubric syntax: {md}"
    );
    assert!(
        md.contains("travail forcé"),
        "the passport clause is explained: {md}"
    );
    let ar = a.assess(
        include_str!("../drafts/ar-worker-pays.txt"),
        Some(Language::Ar),
    );
    let html = render::html(&ar, a.rubric(), Language::Ar);
    assert!(html.contains("dir=\"rtl\""));
    assert!(
        html.contains("، "),
        "Arabic comma between the elements a clause works against"
    );
    assert!(!html.contains(", "), "no Latin comma in the Arabic report");
}

/// The sample drafts offered on the assess-a-draft page were written from
/// the element definitions by someone who never saw the rubric's cues.
/// What the engine misses on them is written down here, so that a fix and
/// a regression both show.
#[test]
fn the_sample_drafts_flag_what_works_against_the_worker() {
    let rubric = Rubric::builtin();
    let mut flagged = 0;
    let mut missed = Vec::new();
    for sample in passerelle_assess::samples::samples() {
        let x = &sample.expected;
        let mut all: Vec<&String> = x
            .contrary
            .iter()
            .chain(&x.covered)
            .chain(&x.absent)
            .chain(&x.mentioned)
            .collect();
        all.sort();
        let mut ids: Vec<&String> = rubric.elements.iter().map(|e| &e.id).collect();
        ids.sort();
        assert_eq!(all, ids, "{}: every element once", sample.language.code());
        assert_eq!(x.articles.len(), x.contrary.len());
        let report = assessor().assess(sample.text, Some(sample.language));
        for id in &x.contrary {
            if report.element(id).unwrap().status == Status::Contrary {
                flagged += 1;
            } else {
                missed.push(format!("{}:{id}", sample.language.code()));
            }
        }
    }
    assert_eq!(flagged, 9, "clauses against the worker found, of 12");
    assert_eq!(
        missed,
        ["en:wages", "en:working_time_leave", "es:housing"],
        "known misses"
    );
}

/// A server that has given up on a request stops its assessment: with the
/// flag set the engine gives no report (it looks at the flag every few
/// clauses; how soon it stops is measured by no test, machines being noisy).
#[test]
fn an_assessment_stops_when_asked() {
    use std::sync::atomic::AtomicBool;
    let text = "Article 1. The employer shall bear recruitment fees.\n\n".repeat(2_000);
    let a = assessor();
    let go_on = a.assess_unless(&text, Some(Language::En), &AtomicBool::new(false));
    assert_eq!(
        go_on.map(|r| r.element("recruitment_costs").unwrap().status),
        Some(Status::Covered)
    );
    assert!(
        a.assess_unless(&text, Some(Language::En), &AtomicBool::new(true))
            .is_none()
    );
}
