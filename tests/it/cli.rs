use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn passerelle(data: &Path, args: &[&str]) -> Output {
    with_password(data, args, None)
}

/// Runs passerelle with `PASSERELLE_PASSWORD` set, for the user commands.
fn with_password(data: &Path, args: &[&str], password: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_passerelle"));
    command
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("PASSERELLE_DATABASE_URL")
        .env_remove("PASSERELLE_CONFIG")
        .env_remove("PASSERELLE_PASSWORD");
    if let Some(p) = password {
        command.env("PASSERELLE_PASSWORD", p);
    }
    command.output().expect("run passerelle")
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn export(data: &Path, kind: &str, format: &str) -> String {
    ok(passerelle(
        data,
        &["export", "--kind", kind, "--format", format],
    ))
}

const KINDS: [&str; 6] = [
    "agreements",
    "practices",
    "events",
    "commitments",
    "resources",
    "indicators",
];

#[test]
fn export_then_import_gives_identical_data() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    ok(passerelle(a.path(), &["demo"]));
    for format in ["csv", "json"] {
        let target = tempfile::tempdir().unwrap();
        for kind in KINDS {
            let file = target.path().join(format!("{kind}.{format}"));
            ok(passerelle(
                a.path(),
                &[
                    "export",
                    "--kind",
                    kind,
                    "--format",
                    format,
                    "--output",
                    file.to_str().unwrap(),
                ],
            ));
        }
        // Import in reference order: agreements and practices before the
        // events and commitments that point to them.
        for kind in KINDS {
            let file = target.path().join(format!("{kind}.{format}"));
            ok(passerelle(b.path(), &["import", file.to_str().unwrap()]));
        }
        for kind in KINDS {
            assert_eq!(
                export(a.path(), kind, "json"),
                export(b.path(), kind, "json"),
                "{kind} via {format}"
            );
        }
    }
    // Loading the demo again changes nothing.
    let out = passerelle(a.path(), &["demo"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("0 created, 0 updated"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_csv_with_one_bad_row_is_rejected_whole() {
    let data = tempfile::tempdir().unwrap();
    ok(passerelle(data.path(), &["demo"]));
    let before = export(data.path(), "agreements", "json");
    let csv = data.path().join("new.csv");
    std::fs::write(
        &csv,
        "id,title,type,status,parties,signed_on\n\
         new-1,Good one,mou,signed,ES:destination|SN:origin,2024-07-01\n\
         new-2,Bad one,mou,signed,ES:destination|SN:origin,2024-02-30\n\
         new-3,Good too,mou,signed,IT:destination|TN:origin,2023-10-20\n",
    )
    .unwrap();
    let out = passerelle(data.path(), &["import", csv.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 3: signed_on"), "{err}");
    assert!(err.contains("2024-02-30"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(
        export(data.path(), "agreements", "json"),
        before,
        "database unchanged"
    );
}

#[test]
fn serve_with_demo_answers_the_api() {
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .arg("--data-dir")
        .arg(data.path())
        .args(["serve", "--demo", "--bind", "127.0.0.1:0"])
        .env("PASSERELLE_ADMIN_TOKEN", "cli-test-token")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    let get = |path: &str| -> String {
        let mut s = TcpStream::connect(&addr).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut body = String::new();
        s.read_to_string(&mut body).unwrap();
        body
    };
    let morocco = get("/api/v1/agreements?country=MA&per_page=100");
    let search = get("/api/v1/search?q=fraises&lang=fr");
    // An upload is read by a worker process and assessed.
    let text =
        "Article premier\nAucun frais de recrutement n'est mis à la charge des travailleurs.\n";
    let upload = {
        let mut s = TcpStream::connect(&addr).unwrap();
        write!(
            s,
            "POST /api/v1/agreements/agr-fr-ma-1963/documents?file_name=texte.txt HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer cli-test-token\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
            text.len()
        )
        .unwrap();
        let mut body = String::new();
        s.read_to_string(&mut body).unwrap();
        body
    };
    // The command line reads the index the server holds.
    let cli = passerelle(data.path(), &["search", "Huelva", "--json"]);
    child.kill().ok();
    assert!(search.contains("agr-es-ma-huelva-seasonal"), "{search}");
    assert!(upload.starts_with("HTTP/1.1 201"), "{upload}");
    assert!(upload.contains(r#""assessment":{"coverage":"#), "{upload}");
    assert!(upload.contains("Aucun frais de recrutement"), "{upload}");
    assert!(ok(cli).contains("agr-es-ma-huelva-seasonal"));
    child.wait().ok();
    let json: serde_json::Value =
        serde_json::from_str(morocco.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    let ids: Vec<&str> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    for expected in [
        "agr-fr-ma-1963",
        "agr-de-ma-1963",
        "agr-es-ma-2001",
        "agr-pt-ma-2022",
        "agr-ma-qa-1981",
    ] {
        assert!(ids.contains(&expected), "{expected} missing from {ids:?}");
    }
    assert!(
        ids.iter().all(|id| !id.contains("ph-sa")),
        "only Morocco's agreements"
    );
}

#[test]
fn reindex_and_search_from_the_command_line() {
    let data = tempfile::tempdir().unwrap();
    ok(passerelle(data.path(), &["demo"]));
    let out = passerelle(data.path(), &["reindex"]);
    assert!(out.status.success());
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(log.contains("search index built: 51 records"), "{log}");
    let found = ok(passerelle(
        data.path(),
        &["search", "fraise", "--lang", "fr"],
    ));
    assert!(found.contains("agr-es-ma-huelva-seasonal"), "{found}");
    assert!(found.contains("«fraises»"), "{found}");
    let bad = passerelle(data.path(), &["search", "year:20x1"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a year"));
}

#[test]
fn the_extract_worker_reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args([
            "extract-worker",
            "--max-bytes",
            "1000",
            "--file-name",
            "a.txt",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Artículo primero".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "ok text UTF-8\nArtículo primero"
    );
}

/// A scan is refused as one by a worker not asked to read scans, and read
/// by OCR, under the worker's memory cap, by one that is (`--ocr`).
#[test]
fn the_extract_worker_reads_scans_when_asked() {
    let pdf = include_bytes!("../../crates/extract/tests/fixtures/french-scan.pdf");
    let run = |ocr: Option<&str>| {
        let mut args = vec!["extract-worker", "--max-bytes", "1000000"];
        args.extend(ocr);
        let mut child = Command::new(env!("CARGO_BIN_EXE_passerelle"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(pdf).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run(None).starts_with("err scan\n"));
    let read = run(Some("--ocr=fr"));
    let (head, text) = read.split_once('\n').unwrap();
    assert!(head.starts_with("ok pdf - ocr=fra;1@0:"), "{head}");
    assert!(text.contains("Article 3"), "{text}");
}

/// A PDF whose one content stream is small compressed and `inflated`
/// bytes of page text once read.
fn pdf_bomb(inflated: usize) -> Vec<u8> {
    use flate2::{Compression, write::ZlibEncoder};
    let line = b"BT /F1 12 Tf 72 720 Td (recruitment fees) Tj ET\n";
    let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
    let block = line.repeat(4096);
    for _ in 0..inflated / block.len() {
        z.write_all(&block).unwrap();
    }
    let stream = z.finish().unwrap();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
    ];
    let mut content = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        stream.len()
    )
    .into_bytes();
    content.extend(&stream);
    content.extend(b"\nendstream");
    objects.push(content);
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec());
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend(o);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// A file that inflates to more than a reader may hold ends the worker at
/// its memory cap, with a failed allocation said on its standard error
/// (the server turns that into "too large to read"), instead of taking the
/// machine's memory.
#[test]
fn the_extract_worker_stops_at_its_memory_cap() {
    let bomb = pdf_bomb(64 << 20);
    assert!(bomb.len() < 1 << 20, "small on the wire: {}", bomb.len());
    let mut child = Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args([
            "extract-worker",
            "--max-bytes",
            "20000000",
            "--file-name=bomb.pdf",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&bomb);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(!out.status.success(), "the worker should not survive it");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("memory allocation"), "{said}");
}

#[test]
fn tokens_are_made_for_users_on_the_command_line() {
    let data = tempfile::tempdir().unwrap();
    let add = with_password(
        data.path(),
        &[
            "user",
            "add",
            "--email",
            "Ed@Example.org",
            "--name",
            "Ed",
            "--role",
            "editor",
            "--lang",
            "fr",
        ],
        Some("correct horse battery"),
    );
    assert!(ok(add).contains("ed@example.org"));
    let token = ok(passerelle(
        data.path(),
        &[
            "token",
            "--email",
            "ed@example.org",
            "--name",
            "nightly import",
        ],
    ));
    assert!(token.trim().starts_with("pas_"), "{token}");
    let operator = ok(passerelle(data.path(), &["token"]));
    assert!(operator.trim().starts_with("pas_"), "{operator}");
    assert_ne!(token, operator);
    let list = ok(passerelle(data.path(), &["user", "list"]));
    assert!(list.contains("ed@example.org\teditor"), "{list}");
    assert!(
        list.contains("operator@passerelle.invalid\tadmin"),
        "{list}"
    );
    // A forgotten password is set again from the command line.
    let reset_to = |password: &str| {
        with_password(
            data.path(),
            &["user", "password", "--email", "ed@example.org"],
            Some(password),
        )
    };
    let reset = reset_to("another long password");
    assert!(ok(reset).contains("new password set"));
    let short = reset_to("short");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("too short"));
    let unknown = passerelle(data.path(), &["token", "--email", "nobody@example.org"]);
    assert!(!unknown.status.success());
    assert!(
        String::from_utf8_lossy(&unknown.stderr)
            .contains("no user with e-mail `nobody@example.org`")
    );
}

#[test]
fn a_backup_holds_everything_and_never_overwrites() {
    let data = tempfile::tempdir().unwrap();
    ok(passerelle(data.path(), &["demo"]));
    ok(with_password(
        data.path(),
        &[
            "user",
            "add",
            "--email",
            "amina@example.org",
            "--name",
            "Amina",
            "--role",
            "admin",
        ],
        Some("correct horse battery"),
    ));
    let file = data.path().join("copy.db");
    let out = ok(passerelle(data.path(), &["backup", file.to_str().unwrap()]));
    assert!(out.contains("backed up to"), "{out}");
    // The copy is a database of its own with the same records.
    let url = format!("sqlite://{}", file.display());
    for kind in KINDS {
        let copy = ok(passerelle(
            data.path(),
            &[
                "--database-url",
                &url,
                "export",
                "--kind",
                kind,
                "--format",
                "json",
            ],
        ));
        assert_eq!(copy, export(data.path(), kind, "json"), "{kind}");
    }
    let users = ok(passerelle(
        data.path(),
        &["--database-url", &url, "user", "list"],
    ));
    assert!(users.contains("amina@example.org\tadmin"), "{users}");
    // A second backup to the same file is refused, and the file is kept.
    let before = std::fs::metadata(&file).unwrap().len();
    let again = passerelle(data.path(), &["backup", file.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("never overwrites"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(std::fs::metadata(&file).unwrap().len(), before);
}

#[test]
fn eval_scores_a_set_of_clauses_without_documents() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("clauses")).unwrap();
    let texts = [
        (
            "fr",
            "Les frais de recrutement sont à la charge de l'employeur.",
        ),
        ("en", "Recruitment fees shall be borne by the employer."),
        (
            "es",
            "Los gastos de contratación correrán a cargo del empleador.",
        ),
        ("ar", "يتحمل صاحب العمل رسوم الاستقدام."),
    ];
    for (lang, text) in texts {
        let clauses = serde_json::json!([
            {"id": format!("{lang}-1"), "text": text, "elements": ["recruitment_costs"]}
        ]);
        std::fs::write(
            corpus.join("clauses").join(format!("{lang}.json")),
            clauses.to_string(),
        )
        .unwrap();
    }
    let out = ok(passerelle(
        dir.path(),
        &["eval", "--corpus", corpus.to_str().unwrap(), "--misses"],
    ));
    // No documents: their scores are dashes, not a perfect 1.00.
    for lang in ["fr", "en", "es", "ar"] {
        assert!(
            out.contains(&format!("| {lang} | 1 | 0 | ")),
            "{lang} row in {out}"
        );
    }
    assert!(out.contains("| — | — | — |"), "{out}");
    let version = passerelle_assess::rubric::Rubric::builtin().version;
    assert!(
        out.contains(&format!("Rubric blma-guidance-2022 (version {version})")),
        "{out}"
    );

    let missing = passerelle(dir.path(), &["eval", "--corpus", "/nonexistent/corpus"]);
    assert!(!missing.status.success());
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("no corpus at /nonexistent/corpus"),
        "{}",
        String::from_utf8_lossy(&missing.stderr)
    );
}

#[test]
fn assess_adds_the_expectations_of_a_sector() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.txt");
    std::fs::write(
        &file,
        "Article 1\nThe employer shall provide decent accommodation.\n\nArticle 2\nWorkers shall keep their passports.\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let json: serde_json::Value = serde_json::from_str(&ok(passerelle(
        dir.path(),
        &[
            "assess",
            path,
            "--sector",
            "seasonal_work",
            "--sector",
            "domestic_workers",
        ],
    )))
    .unwrap();
    let sectors: Vec<&str> = json["sectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["sector"].as_str().unwrap())
        .collect();
    assert_eq!(sectors, ["seasonal_work", "domestic_workers"]);
    let md = ok(passerelle(
        dir.path(),
        &[
            "assess",
            path,
            "--sector",
            "domestic_workers",
            "--format",
            "md",
            "--lang",
            "en",
        ],
    ));
    assert!(
        md.contains("## Sector expectations: Domestic workers"),
        "{md}"
    );
    assert!(
        md.contains("(ILO Domestic Workers Convention, 2011 (No. 189))"),
        "{md}"
    );

    // An unknown sector is refused before the file is read.
    let out = passerelle(
        dir.path(),
        &["assess", "/nonexistent", "--sector", "nurses"],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown sector `nurses`; the rubric has: seasonal_work, health_workers, domestic_workers"),
        "{err}"
    );
}

#[test]
fn a_trusted_proxy_that_is_not_an_address_is_refused_at_start() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(
        data.path().join("passerelle.toml"),
        "trusted_proxies = [\"10.0.0.0/8\", \"proxy.local\"]\n",
    )
    .unwrap();
    let out = passerelle(data.path(), &["reindex"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("trusted_proxies[1]") && said.contains("proxy.local"),
        "{said}"
    );
    std::fs::write(
        data.path().join("passerelle.toml"),
        "trusted_proxies = [\"10.0.0.0/8\", \"::1\"]\n",
    )
    .unwrap();
    ok(passerelle(data.path(), &["reindex"]));
}

/// `demo --synthetic` stores an assessment of every text it generates,
/// through the application layer, as an upload would.
#[test]
fn a_synthetic_corpus_has_every_text_assessed() {
    let data = tempfile::tempdir().unwrap();
    ok(passerelle(data.path(), &["demo", "--synthetic", "40"]));
    let db = format!("sqlite://{}", data.path().join("passerelle.db").display());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let store = passerelle_store::Store::open(&db).await.unwrap();
        let query = passerelle_store::ListQuery {
            per_page: 100,
            ..passerelle_store::ListQuery::default()
        };
        let page = store
            .list_json(passerelle_domain::Kind::Agreements, &query)
            .await
            .unwrap();
        assert_eq!(page.total, 40);
        for a in &page.items {
            let id = a["id"].as_str().unwrap();
            let assessment = store.assessment(id).await.unwrap();
            assert!(
                assessment.is_some_and(|x| x.findings.len() > 20),
                "{id} has no assessment"
            );
        }
    });
}
