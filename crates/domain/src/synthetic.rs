//! A deterministic synthetic corpus for benchmarks and load tests:
//! plausible agreements in French, English, Spanish and Arabic with text
//! bodies of realistic length. The same seed always gives the same corpus.

use crate::agreement::{Agreement, AgreementStatus, AgreementType, Party, PartyRole, SkillLevel};
use crate::reference;
use crate::text::{Date, Lang, Localized, Source};

/// SplitMix64: tiny, fast and good enough to pick words; not for secrets.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// One synthetic agreement and the text of its body.
pub struct Synthetic {
    pub agreement: Agreement,
    pub language: Lang,
    pub body: String,
}

const ORIGINS: &[&str] = &[
    "MA", "TN", "EG", "SN", "ML", "NE", "TD", "PH", "NP", "BD", "IN", "LK", "ET", "KE", "UG", "GH",
    "NG", "MX", "GT", "JM", "HN", "SV", "CO", "PE", "GE", "RS", "AL", "MD", "UA", "VN", "ID", "PK",
    "JO", "DZ", "MR", "CM", "CI", "BF", "FJ", "WS", "TO", "VU",
];
const DESTINATIONS: &[&str] = &[
    "FR", "DE", "ES", "IT", "PT", "BE", "NL", "CA", "US", "AU", "NZ", "KR", "JP", "SA", "AE", "QA",
    "KW", "OM", "BH", "MY", "SG", "GB", "IE", "SE", "NO", "FI", "DK", "AT", "CH", "PL", "CZ", "GR",
    "IL", "TR", "LY", "JO",
];
const SECTORS: &[&str] = &["A", "C", "F", "G", "H", "I", "J", "N", "Q", "T"];
const TYPES: &[AgreementType] = &[
    AgreementType::BilateralAgreement,
    AgreementType::BilateralAgreement,
    AgreementType::Mou,
    AgreementType::Mou,
    AgreementType::ImplementingProtocol,
    AgreementType::SkillsMobilityPartnership,
];
const STATUSES: &[AgreementStatus] = &[
    AgreementStatus::InForce,
    AgreementStatus::InForce,
    AgreementStatus::Signed,
    AgreementStatus::Expired,
    AgreementStatus::Terminated,
    AgreementStatus::Suspended,
    AgreementStatus::Draft,
    AgreementStatus::Unknown,
];

struct Language {
    lang: Lang,
    title: &'static [&'static str],
    heading: fn(usize) -> String,
    articles: &'static [&'static str],
}

const FR: Language = Language {
    lang: Lang::Fr,
    title: &[
        "Accord relatif à l'emploi des travailleurs",
        "Mémorandum d'entente sur la migration de main-d'œuvre",
        "Convention de main-d'œuvre",
        "Protocole d'application relatif au recrutement des travailleurs saisonniers",
        "Partenariat pour la mobilité des compétences",
    ],
    heading: |n| {
        if n == 1 {
            "Article premier".into()
        } else {
            format!("Article {n}")
        }
    },
    articles: &[
        "Les Parties coopèrent pour organiser le recrutement des travailleurs par l'intermédiaire des services publics de l'emploi. Aucun frais de recrutement n'est mis à la charge des travailleurs ; l'employeur supporte les frais de voyage et de visa.",
        "Chaque travailleur reçoit, avant son départ, un contrat de travail écrit rédigé dans une langue qu'il comprend. Le contrat précise le salaire, la durée du travail, les congés payés et les conditions de logement.",
        "Les travailleurs bénéficient de l'égalité de traitement avec les nationaux en matière de rémunération, de conditions de travail, de sécurité et de santé au travail et d'accès à la justice.",
        "L'employeur ne peut en aucun cas retenir le passeport ou les documents d'identité du travailleur. Toute retenue sur salaire non prévue par la loi est interdite.",
        "Les travailleurs sont affiliés au régime de sécurité sociale du pays d'emploi. Les Parties s'efforcent de conclure un accord sur la portabilité des droits à pension.",
        "Une commission mixte composée de représentants des deux Parties se réunit au moins une fois par an pour suivre l'application du présent accord et en évaluer les résultats.",
        "Les Parties organisent des sessions d'information et d'orientation avant le départ et à l'arrivée, portant sur les droits des travailleurs, les conditions de vie et les mécanismes de plainte.",
        "Le présent accord entre en vigueur à la date de la dernière notification. Il est conclu pour une durée de trois ans renouvelable par tacite reconduction et peut être dénoncé moyennant un préavis de six mois.",
        "Les Parties facilitent le transfert des économies des travailleurs et leur réintégration à leur retour, notamment par la reconnaissance des compétences acquises.",
        "Les différends relatifs à l'interprétation du présent accord sont réglés par voie de négociation entre les Parties.",
    ],
};

const EN: Language = Language {
    lang: Lang::En,
    title: &[
        "Agreement on the employment of workers",
        "Memorandum of Understanding on labour migration",
        "Labour mobility agreement",
        "Implementing protocol on the recruitment of seasonal workers",
        "Skills mobility partnership",
    ],
    heading: |n| format!("Article {n}"),
    articles: &[
        "The Parties shall cooperate to organise recruitment through public employment services and licensed agencies. No recruitment fees or related costs shall be charged to workers; the employer shall bear the cost of travel and visas.",
        "Each worker shall receive, before departure, a written employment contract in a language the worker understands, setting out wages, hours of work, paid leave and housing conditions. Contract substitution is prohibited.",
        "Workers shall enjoy equal treatment with nationals in respect of remuneration, conditions of work, occupational safety and health, and access to justice.",
        "Employers shall not retain the passports or identity documents of workers. No deductions from wages shall be made except as permitted by law.",
        "Workers shall be covered by the social security system of the country of employment. The Parties shall endeavour to ensure the portability of pension rights.",
        "A Joint Committee composed of representatives of both Parties shall meet at least once a year to monitor the implementation of this Agreement and evaluate its results.",
        "The Parties shall provide pre-departure and post-arrival orientation covering workers' rights, living conditions and complaint mechanisms.",
        "This Agreement shall enter into force on the date of the last notification. It shall remain in force for three years and shall be renewed automatically unless terminated by either Party with six months' notice.",
        "The Parties shall facilitate the transfer of workers' savings and their reintegration upon return, including the recognition of skills acquired abroad.",
        "Any dispute concerning the interpretation of this Agreement shall be settled amicably through negotiation between the Parties.",
    ],
};

const ES: Language = Language {
    lang: Lang::Es,
    title: &[
        "Acuerdo relativo a la regulación y ordenación de los flujos migratorios laborales",
        "Memorando de entendimiento en materia de migración laboral",
        "Convenio de contratación de trabajadores",
        "Protocolo de aplicación sobre la contratación de trabajadores de temporada",
        "Asociación de movilidad de competencias",
    ],
    heading: |n| {
        const ORD: [&str; 10] = [
            "primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "séptimo", "octavo",
            "noveno", "décimo",
        ];
        match ORD.get(n - 1) {
            Some(o) => format!("Artículo {o}"),
            None => format!("Artículo {n}"),
        }
    },
    articles: &[
        "Las Partes cooperarán en la selección de los trabajadores a través de los servicios públicos de empleo. Los trabajadores no pagarán ninguna tasa de contratación; el empleador asumirá los gastos de viaje y de visado.",
        "Cada trabajador recibirá, antes de su salida, un contrato de trabajo por escrito en un idioma que comprenda, en el que consten el salario, la jornada laboral, las vacaciones y las condiciones de alojamiento.",
        "Los trabajadores gozarán de igualdad de trato con los nacionales en materia de remuneración, condiciones de trabajo, seguridad y salud en el trabajo y acceso a la justicia.",
        "El empleador no podrá retener el pasaporte ni los documentos de identidad del trabajador. Quedan prohibidas las deducciones salariales no previstas por la ley.",
        "Los trabajadores estarán afiliados al sistema de seguridad social del país de empleo. Las Partes procurarán garantizar la portabilidad de los derechos de pensión.",
        "Una Comisión Mixta integrada por representantes de ambas Partes se reunirá al menos una vez al año para dar seguimiento a la aplicación del presente Acuerdo.",
        "Las Partes organizarán sesiones de información y orientación previas a la salida y a la llegada sobre los derechos laborales y los mecanismos de queja.",
        "El presente Acuerdo entrará en vigor en la fecha de la última notificación. Tendrá una duración de tres años, prorrogable automáticamente, salvo denuncia con seis meses de antelación.",
        "Las Partes facilitarán el envío de remesas y la reintegración de los trabajadores a su regreso, incluido el reconocimiento de las competencias adquiridas.",
        "Las controversias sobre la interpretación del presente Acuerdo se resolverán mediante negociación entre las Partes.",
    ],
};

const AR: Language = Language {
    lang: Lang::Ar,
    title: &[
        "اتفاقية بشأن تشغيل العمال",
        "مذكرة تفاهم في مجال هجرة اليد العاملة",
        "اتفاقية اليد العاملة",
        "بروتوكول تنفيذي بشأن استقدام العمال الموسميين",
        "شراكة لتنقل المهارات",
    ],
    heading: |n| {
        const ORD: [&str; 10] = [
            "الأولى",
            "الثانية",
            "الثالثة",
            "الرابعة",
            "الخامسة",
            "السادسة",
            "السابعة",
            "الثامنة",
            "التاسعة",
            "العاشرة",
        ];
        match ORD.get(n - 1) {
            Some(o) => format!("المادة {o}"),
            None => format!("المادة {n}"),
        }
    },
    articles: &[
        "يتعاون الطرفان في تنظيم استقدام العمال عن طريق مصالح التشغيل العمومية. ولا يتحمل العامل أي رسوم أو تكاليف توظيف، ويتحمل صاحب العمل نفقات السفر والتأشيرة.",
        "يتسلم كل عامل قبل مغادرته عقد عمل مكتوبا بلغة يفهمها، يحدد الأجر وساعات العمل والإجازات السنوية وشروط السكن.",
        "يتمتع العمال بالمساواة في المعاملة مع المواطنين فيما يتعلق بالأجور وظروف العمل والسلامة والصحة المهنيتين واللجوء إلى القضاء.",
        "لا يجوز لصاحب العمل الاحتفاظ بجواز سفر العامل أو وثائق هويته. ويحظر أي اقتطاع من الأجر غير منصوص عليه في القانون.",
        "يستفيد العمال من نظام الضمان الاجتماعي في بلد العمل، ويسعى الطرفان إلى ضمان نقل الحقوق في المعاشات.",
        "تجتمع لجنة مشتركة تضم ممثلين عن الطرفين مرة واحدة في السنة على الأقل لمتابعة تنفيذ هذه الاتفاقية وتقييم نتائجها.",
        "ينظم الطرفان دورات إعلام وتوجيه قبل المغادرة وبعد الوصول حول حقوق العمال وظروف العيش وآليات تقديم الشكاوى.",
        "تدخل هذه الاتفاقية حيز التنفيذ من تاريخ آخر إشعار، وتسري لمدة ثلاث سنوات قابلة للتجديد تلقائيا ما لم يخطر أحد الطرفين الآخر برغبته في إنهائها قبل ستة أشهر.",
        "يسهل الطرفان تحويل مدخرات العمال وإعادة إدماجهم عند عودتهم، بما في ذلك الاعتراف بالمهارات المكتسبة.",
        "تسوى الخلافات المتعلقة بتفسير هذه الاتفاقية بالتفاوض بين الطرفين.",
    ],
};

fn language(rng: &mut Rng) -> &'static Language {
    match rng.below(10) {
        0..=3 => &FR,
        4..=6 => &EN,
        7..=8 => &ES,
        _ => &AR,
    }
}

fn country_name(code: &str, lang: Lang) -> String {
    reference::country(code)
        .map(|c| c.names.get(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// Generates agreement number `n` of the corpus for `seed`. Records are
/// independent, so a corpus can be generated in any order or in parallel.
pub fn agreement(seed: u64, n: u64) -> Synthetic {
    let mut rng = Rng::new(seed ^ n.wrapping_mul(0x2545_F491_4F6C_DD1D));
    let lang = language(&mut rng);
    let origin = *rng.pick(ORIGINS);
    let mut destination = *rng.pick(DESTINATIONS);
    if destination == origin {
        destination = "FR";
    }
    let kind = rng.below(lang.title.len());
    let title = format!(
        "{} — {} / {} ({n})",
        lang.title[kind],
        country_name(destination, lang.lang),
        country_name(origin, lang.lang)
    );
    let year = 1960 + rng.below(66) as i32;
    let signed = Date::from_ymd(year, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8);
    let in_force = signed
        .and_then(|d| {
            Date::from_ymd(
                d.year() + rng.below(2) as i32,
                1 + rng.below(12) as u8,
                1 + rng.below(28) as u8,
            )
        })
        .filter(|f| Some(*f) >= signed);
    let expires = if rng.chance(40) {
        in_force.and_then(|d| Date::from_ymd(d.year() + 3 + rng.below(8) as i32, 1, 1))
    } else {
        None
    };
    let mut sectors: Vec<String> = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let s = rng.pick(SECTORS).to_string();
        if !sectors.contains(&s) {
            sectors.push(s);
        }
    }
    let mut objectives = vec![5u8];
    for o in [6u8, 18, 20, 21, 22] {
        if rng.chance(50) {
            objectives.push(o);
        }
    }
    let mut summary = Localized::default();
    summary.0.insert(
        Lang::En,
        format!(
            "Synthetic agreement {n} between {} and {} for benchmarks.",
            country_name(destination, Lang::En),
            country_name(origin, Lang::En)
        ),
    );
    // 8 to 16 articles of one to three provisions: 2 to 8 KB, the length
    // of a short MoU to a mid-sized agreement.
    let articles = 8 + rng.below(9);
    let mut body = format!("{title}\n\n");
    for i in 1..=articles {
        body.push_str(&(lang.heading)(i));
        body.push('\n');
        let provisions = 1 + rng.below(3);
        for p in 0..provisions {
            if provisions > 1 {
                body.push_str(&format!("{}. ", p + 1));
            }
            let provision = lang.articles[rng.below(lang.articles.len())];
            body.push_str(provision);
            body.push('\n');
        }
        body.push('\n');
    }
    let agreement = Agreement {
        id: Some(format!("syn-{seed}-{n}")),
        slug: Some(format!("synthetic-{seed}-{n}")),
        title,
        title_language: Some(lang.lang.code().to_string()),
        titles: Localized::default(),
        agreement_type: *rng.pick(TYPES),
        status: *rng.pick(STATUSES),
        parties: vec![
            Party {
                country: destination.to_string(),
                role: PartyRole::Destination,
            },
            Party {
                country: origin.to_string(),
                role: PartyRole::Origin,
            },
        ],
        signed_on: signed,
        in_force_on: in_force,
        expires_on: expires,
        place_signed: None,
        languages: vec![lang.lang.code().to_string()],
        sectors,
        occupations: vec![rng.below(10).to_string()],
        skill_level: Some(*rng.pick(&[
            SkillLevel::Low,
            SkillLevel::Medium,
            SkillLevel::High,
            SkillLevel::Mixed,
        ])),
        sector_notes: Vec::new(),
        quotas: Vec::new(),
        implementing_agencies: Vec::new(),
        objectives,
        text_public: rng.chance(60),
        sources: vec![Source {
            url: format!("https://example.org/synthetic/{seed}/{n}"),
            title: None,
            accessed_on: None,
        }],
        summary,
        notes: Some("Synthetic record generated by `passerelle demo --synthetic`.".into()),
        coding: None,
        created_at: None,
        updated_at: None,
    };
    Synthetic {
        agreement,
        language: lang.lang,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Entity;

    #[test]
    fn synthetic_agreements_are_valid_and_deterministic() {
        let mut langs = std::collections::BTreeSet::new();
        for n in 0..500 {
            let s = agreement(7, n);
            s.agreement
                .validate()
                .unwrap_or_else(|e| panic!("record {n}: {e}"));
            assert!(
                (1500..20_000).contains(&s.body.len()),
                "body of {n} is {} bytes",
                s.body.len()
            );
            langs.insert(s.language);
        }
        assert_eq!(langs.len(), 4);
        assert_eq!(agreement(7, 42).body, agreement(7, 42).body);
        assert_ne!(agreement(7, 42).body, agreement(8, 42).body);
    }
}
