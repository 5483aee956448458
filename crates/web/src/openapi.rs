//! The OpenAPI 3.1 document, generated from the code: record schemas come
//! from the domain types (schemars), paths from the same route and
//! parameter tables the handlers use.

use std::sync::OnceLock;

use passerelle_domain::reference::{
    Classification, Country, Objective, PrincipleInfo, Region, Sdg,
};
use passerelle_domain::{
    Agreement, AuditEntry, Commitment, Document, Event, FieldError, Indicator, Kind, Practice,
    Resource, StatusUpdate,
};
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use crate::params::LIST_PARAMS;

/// The document, built once.
pub fn document() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| serde_json::to_string_pretty(&build()).expect("OpenAPI serializes"))
}

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn problem(description: &str) -> Value {
    json!({ "description": description, "content": { "application/problem+json": { "schema": schema_ref("Problem") } } })
}

fn ok(schema: Value, description: &str) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": schema } } })
}

fn build() -> Value {
    let mut settings = SchemaSettings::draft2020_12();
    settings.definitions_path = "/components/schemas".into();
    let mut generator = settings.into_generator();
    fn add<T: JsonSchema>(generator: &mut schemars::SchemaGenerator) -> Value {
        generator.subschema_for::<T>().to_value()
    }
    let records: Vec<(Kind, Value)> = vec![
        (Kind::Agreements, add::<Agreement>(&mut generator)),
        (Kind::Practices, add::<Practice>(&mut generator)),
        (Kind::Events, add::<Event>(&mut generator)),
        (Kind::Commitments, add::<Commitment>(&mut generator)),
        (Kind::Resources, add::<Resource>(&mut generator)),
        (Kind::Indicators, add::<Indicator>(&mut generator)),
    ];
    let status_update = add::<StatusUpdate>(&mut generator);
    let submission_review = add::<crate::api::SubmissionReview>(&mut generator);
    let fetch_request = add::<crate::api::FetchRequest>(&mut generator);
    let proposal = add::<passerelle_domain::correction::Proposal>(&mut generator);
    let correction = add::<passerelle_domain::correction::Correction>(&mut generator);
    let correction_decision = add::<crate::corrections::CorrectionDecision>(&mut generator);
    let document = add::<Document>(&mut generator);
    let audit = add::<AuditEntry>(&mut generator);
    let field_error = add::<FieldError>(&mut generator);
    let report = add::<passerelle_assess::Report>(&mut generator);
    let stored_assessment = add::<passerelle_domain::assessment::Assessment>(&mut generator);
    let sector_finding = add::<passerelle_assess::SectorFinding>(&mut generator);
    // Read, not stored: the expectations of the agreement's sector notes,
    // with the statuses in force.
    let assessment_read = json!({"allOf": [stored_assessment.clone(), {"type": "object", "properties": {
        "sectors": {"type": "array", "items": sector_finding,
            "description": "What the Guidance expects of agreements for the sectors in the agreement's sector_notes, with the statuses in force"}}}]});
    let review = add::<passerelle_domain::assessment::Review>(&mut generator);
    let search_page = add::<crate::search::SearchPage>(&mut generator);
    let reference: Vec<(&str, &str, Value)> = vec![
        (
            "countries",
            "ISO 3166-1 countries with names in fr/en/es/ar and UN M49 regions (filter with ?region=)",
            add::<Vec<Country>>(&mut generator),
        ),
        (
            "regions",
            "UN M49 regions, sub-regions and intermediate regions",
            add::<Vec<Region>>(&mut generator),
        ),
        (
            "objectives",
            "The 23 objectives of the Global Compact for Migration",
            add::<Vec<Objective>>(&mut generator),
        ),
        (
            "principles",
            "The 10 guiding principles of the Global Compact for Migration",
            add::<Vec<PrincipleInfo>>(&mut generator),
        ),
        (
            "sdgs",
            "The 17 Sustainable Development Goals",
            add::<Vec<Sdg>>(&mut generator),
        ),
        (
            "sectors",
            "ISIC Rev.4 sections",
            add::<Vec<Classification>>(&mut generator),
        ),
        (
            "occupations",
            "ISCO-08 major groups",
            add::<Vec<Classification>>(&mut generator),
        ),
    ];
    let mut schemas = generator.take_definitions(true);
    schemas.insert(
        "Problem".into(),
        json!({
            "type": "object",
            "description": "RFC 9457 problem details; `code` is stable and meant for programs",
            "required": ["type", "title", "status", "code"],
            "properties": {
                "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                "code": {"type": "string", "enum": crate::error::Code::ALL.map(|c| c.as_str())},
                "detail": {"type": "string"},
                "errors": {"type": "array", "items": field_error}
            }
        }),
    );

    let list_params: Vec<Value> = LIST_PARAMS
        .iter()
        .map(|(name, description)| json!({"name": name, "in": "query", "required": false, "description": description, "schema": {"type": "string"}}))
        .collect();
    let key_param = json!({"name": "key", "in": "path", "required": true, "description": "id or slug", "schema": {"type": "string"}});
    let security = json!([{"bearer": []}]);
    let mut paths = Map::new();
    for (kind, schema) in &records {
        let noun = kind.noun();
        let tag = kind.as_str();
        paths.insert(
            format!("/api/v1/{kind}"),
            json!({
                "get": {
                    "tags": [tag], "summary": format!("List {kind}, filtered, sorted and paginated"),
                    "parameters": list_params,
                    "responses": {
                        "200": ok(json!({"type": "object", "required": ["kind", "total", "page", "per_page", "items"], "properties": {
                            "kind": {"type": "string"}, "total": {"type": "integer"}, "page": {"type": "integer"},
                            "per_page": {"type": "integer"}, "items": {"type": "array", "items": schema}}}), "One page and the total that match"),
                        "422": problem("A query parameter is invalid")
                    }
                },
                "post": {
                    "tags": [tag], "summary": format!("Create a {noun}"), "security": security,
                    "requestBody": {"required": true, "content": {"application/json": {"schema": schema}}},
                    "responses": {
                        "201": ok(schema.clone(), "Created; Location names the new record"),
                        "400": problem("Malformed JSON"), "401": problem("No valid token"),
                        "403": problem("The role may not write this kind (contributors send practices, stored as drafts or submissions)"),
                        "409": problem("The id already exists"), "422": problem("Invalid fields; nothing was stored")
                    }
                }
            }),
        );
        paths.insert(
            format!("/api/v1/{kind}/{{key}}"),
            json!({
                "parameters": [key_param],
                "get": {"tags": [tag], "summary": format!("Get a {noun} by id or slug"),
                        "responses": {"200": ok(schema.clone(), noun), "404": problem("Not found")}},
                "put": {"tags": [tag], "summary": format!("Replace a {noun}"), "security": security,
                        "requestBody": {"required": true, "content": {"application/json": {"schema": schema}}},
                        "responses": {"200": ok(schema.clone(), "Updated"), "401": problem("No valid token"),
                                      "403": problem("The role may not write this kind (contributors: only their own practice, while a draft, submitted or rejected)"),
                                      "404": problem("Not found"), "422": problem("Invalid fields, or the practice is in review; nothing was changed")}},
                "delete": {"tags": [tag], "summary": format!("Delete a {noun}"), "security": security,
                           "responses": {"204": {"description": "Deleted"}, "401": problem("No valid token"),
                                         "403": problem("The role may not delete this kind (contributors: only their own practice before review)"),
                                         "404": problem("Not found"), "409": problem("Other records refer to it")}}
            }),
        );
        let mut export_params = list_params.clone();
        export_params.push(json!({"name": "format", "in": "query", "description": "csv and json are for machines and re-import; datapackage is a zip of the CSV and its Frictionless descriptor (datapackage.json, with a Table Schema); xlsx and csv-excel (UTF-8 with a byte order mark, `;` outside English) are for spreadsheets, labelled in `lang`",
            "schema": {"type": "string", "enum": ["csv", "json", "datapackage", "xlsx", "csv-excel"]}}));
        export_params.push(json!({"name": "lang", "in": "query", "description": "the language of a spreadsheet's headers and values (default en)",
            "schema": {"type": "string", "enum": passerelle_domain::Lang::ALL.map(|l| l.code())}}));
        paths.insert(
            format!("/api/v1/export/{kind}"),
            json!({"get": {"tags": [tag], "summary": format!("Download every matching {noun} as CSV, JSON or a spreadsheet"),
                "parameters": export_params,
                "responses": {"200": {"description": "The file", "content": {"text/csv": {}, "application/json": {},
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}, "application/zip": {}}}, "422": problem("Invalid parameter")}}}),
        );
    }
    paths.insert(
        "/api/v1/{kind}/{id}/cite".into(),
        json!({"get": {"tags": ["reference"], "summary": "A record as a citation for reference managers",
            "parameters": [
                {"name": "kind", "in": "path", "required": true, "schema": {"type": "string", "enum": Kind::ALL.map(|k| k.as_str())}},
                {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["csl", "ris", "bibtex"]}}],
            "responses": {"200": {"description": "The citation", "content": {"application/vnd.citationstyles.csl+json": {},
                "application/x-research-info-systems": {}, "application/x-bibtex": {}}},
                "404": problem("No such record"), "422": problem("Invalid parameter")}}}),
    );
    paths.insert(
        "/api/v1/catalog".into(),
        json!({"get": {"tags": ["reference"], "summary": "The open data catalogue (DCAT 3, JSON-LD): one dataset per kind of record with its distributions, licence, last change and time covered",
            "responses": {"200": {"description": "The catalogue", "content": {"application/ld+json": {}}}}}}),
    );
    let mut search_params: Vec<Value> = crate::search::SEARCH_PARAMS
        .iter()
        .map(|(name, description)| json!({"name": name, "in": "query", "required": false, "description": description, "schema": {"type": "string"}}))
        .collect();
    search_params.extend(
        list_params
            .iter()
            .filter(|p| {
                !["q", "sort", "page", "per_page"].contains(&p["name"].as_str().unwrap_or(""))
            })
            .cloned(),
    );
    paths.insert(
        "/api/v1/search".into(),
        json!({"get": {"tags": ["search"], "summary": "Full-text search in four languages over agreements, their clauses, practices, events, commitments and resources",
            "description": "Hits carry snippets whose highlights are byte ranges in the snippet text; `snippet.start` is the snippet's byte offset in the source text (for a clause, the document's extracted text). Facet counts are for the current query and filters.",
            "parameters": search_params,
            "responses": {"200": ok(search_page, "Hits, facet counts and, when nothing matched, suggestions"), "422": problem("A parameter or the query syntax is invalid")}}}),
    );
    paths.insert(
        "/api/v1/commitments/{key}/status".into(),
        json!({"parameters": [key_param], "post": {"tags": ["commitments"], "summary": "Append a status update to a commitment's history",
            "security": security, "requestBody": {"required": true, "content": {"application/json": {"schema": status_update}}},
            "responses": {"200": ok(schema_ref("Commitment"), "The commitment with its history"), "404": problem("Not found"), "422": problem("Invalid update")}}}),
    );
    paths.insert(
        "/api/v1/practices/{key}/review".into(),
        json!({"parameters": [key_param], "post": {"tags": ["practices"], "summary": "Decide on a submitted practice: take it into review, publish it, or reject it with a comment",
            "description": "Contributors send practices with `POST /api/v1/practices`: stored under their name as a `draft` if they say so, as `submitted` otherwise, never published. They revise (`PUT`) or withdraw (`DELETE`) their own practice while it is a draft, submitted or rejected. Reviewers, editors and admins then decide here; each step is kept in the practice's `reviews`.",
            "security": security, "requestBody": {"required": true, "content": {"application/json": {"schema": submission_review}}},
            "responses": {"200": ok(schema_ref("Practice"), "The practice with its new status and review step"), "403": problem("The role may not review"), "404": problem("Not found"), "422": problem("The decision does not apply to the practice's status, or a rejection has no comment")}}}),
    );
    let id_param =
        json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string"}});
    paths.insert(
        "/api/v1/corrections".into(),
        json!({
            "post": {"tags": ["corrections"], "summary": "Propose a correction to a published record, with an http(s) source; no account needed",
                "requestBody": {"required": true, "content": {"application/json": {"schema": proposal}}},
                "responses": {"201": ok(correction.clone(), "The proposal, open"), "404": problem("No published record with that id"),
                              "422": problem("A field is missing or invalid"), "429": problem("Too many proposals from this address (10 an hour) or account (30 an hour)")}},
            "get": {"tags": ["corrections"], "summary": "Proposed corrections, oldest first (editors and admins)", "security": security,
                "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["open", "accepted", "declined"]}}],
                "responses": {"200": ok(json!({"type": "array", "items": correction.clone()}), "Corrections"), "401": problem("No valid token"), "403": problem("The role may not decide on corrections")}}}),
    );
    paths.insert(
        "/api/v1/corrections/{id}/decision".into(),
        json!({"parameters": [id_param], "post": {"tags": ["corrections"], "summary": "Accept or decline an open correction (editors and admins)",
            "security": security, "requestBody": {"required": true, "content": {"application/json": {"schema": correction_decision}}},
            "responses": {"200": ok(correction, "The decided correction"), "404": problem("Not found"), "409": problem("Already decided"), "422": problem("Invalid decision")}}}),
    );
    paths.insert(
        "/api/v1/agreements/{key}/documents".into(),
        json!({"parameters": [key_param],
            "get": {"tags": ["documents"], "summary": "Documents attached to an agreement",
                    "responses": {"200": ok(json!({"type": "array", "items": document}), "Documents")}},
            "post": {"tags": ["documents"], "summary": "Attach a file (PDF, DOCX, HTML, text, or a scan read by OCR) as the raw request body",
                     "security": security,
                     "parameters": [{"name": "file_name", "in": "query", "required": true, "schema": {"type": "string"}},
                                    {"name": "language", "in": "query", "schema": {"type": "string"}}],
                     "requestBody": {"required": true, "content": media_types()},
                     "responses": {"201": ok(document.clone(), "Stored"), "413": problem("Too large"), "415": problem("Type not accepted"),
                                   "422": problem("Content does not match its type")}}}),
    );
    paths.insert(
        "/api/v1/agreements/{key}/documents/fetch".into(),
        json!({"parameters": [key_param],
            "post": {"tags": ["documents"], "summary": "Attach a text fetched from its official address (http or https; only public addresses, after every redirect; at most 5 redirects, 50 MB and 30 s); the address is kept as the document's source_url",
                     "security": security, "requestBody": {"required": true, "content": {"application/json": {"schema": fetch_request}}},
                     "responses": {"201": ok(document.clone(), "Fetched and stored"), "401": problem("No valid token"), "403": problem("The role may not attach texts"),
                                   "404": problem("No such agreement"), "413": problem("Too large"), "415": problem("Not a text Passerelle reads"),
                                   "422": problem("Not an http(s) address, or one that is not public"), "502": problem("The address could not be fetched")}}}),
    );
    paths.insert(
        "/api/v1/documents/{id}".into(),
        json!({"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "get": {"tags": ["documents"], "summary": "A document's metadata and extracted text", "responses": {"200": ok(document.clone(), "Document"), "403": problem("The agreement's text is not public: a token is needed"), "404": problem("Not found")}},
            "delete": {"tags": ["documents"], "summary": "Detach a document", "security": security, "responses": {"204": {"description": "Detached"}, "404": problem("Not found")}}}),
    );
    paths.insert(
        "/api/v1/documents/{id}/content".into(),
        json!({"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "get": {"tags": ["documents"], "summary": "A document's bytes", "responses": {"200": {"description": "The file"}, "403": problem("The agreement's text is not public: a token is needed"), "404": problem("Not found")}}}),
    );
    paths.insert(
        "/api/v1/documents/{id}/text".into(),
        json!({"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "get": {"tags": ["documents"], "summary": "The text read from a document, as UTF-8 plain text",
                    "responses": {"200": {"description": "The text", "content": {"text/plain": {"schema": {"type": "string"}}}},
                                  "403": problem("The agreement's text is not public: a token is needed"),
                                  "404": problem("No such document, or no text read from it yet")}}}),
    );
    let audit_params: Vec<Value> = ["kind", "record_id", "actor", "after", "limit"]
        .iter()
        .map(|n| json!({"name": n, "in": "query", "schema": {"type": "string"}}))
        .collect();
    paths.insert(
        "/api/v1/audit".into(),
        json!({"get": {"tags": ["audit"], "summary": "The audit log, oldest first", "security": security,
            "parameters": audit_params,
            "responses": {"200": ok(json!({"type": "array", "items": audit}), "Entries"), "401": problem("No valid token")}}}),
    );
    paths.insert(
        "/api/v1/agreements/{key}/assessment".into(),
        json!({"parameters": [key_param], "get": {"tags": ["assessment"],
            "summary": "The stored assessment of the agreement's text: one finding per element, with provenance (machine, human, machine_confirmed); without a token, the evidence of a text that is not public is left out",
            "responses": {"200": ok(assessment_read.clone(), "The assessment"), "404": problem("No agreement, or no assessed text")}}}),
    );
    paths.insert(
        "/api/v1/agreements/{key}/assessment/findings/{element}".into(),
        json!({"parameters": [key_param, {"name": "element", "in": "path", "required": true, "schema": {"type": "string"}}],
            "post": {"tags": ["assessment"], "summary": "A reviewer confirms, rejects (with a note) or adds (with a note) a finding",
            "security": security, "requestBody": {"required": true, "content": {"application/json": {"schema": review}}},
            "responses": {"200": ok(assessment_read.clone(), "The assessment with the decision"), "401": problem("No valid token"),
                          "409": problem("No assessment yet"), "422": problem("Invalid decision")}}}),
    );
    paths.insert(
        "/api/v1/agreements/{key}/assessment/recompute".into(),
        json!({"parameters": [key_param], "post": {"tags": ["assessment"],
            "summary": "Re-run the machine with the current rubric; reviewers' decisions are kept",
            "security": security, "responses": {"200": ok(assessment_read, "The assessment"), "401": problem("No valid token"), "404": problem("Nothing to recompute")}}}),
    );
    paths.insert(
        "/api/v1/assess".into(),
        json!({"post": {"tags": ["assessment"],
            "summary": "Assess an agreement against the BLMA Guidance (2022); nothing is stored",
            "description": "The body is the file (PDF with a text layer, DOCX, HTML or plain text) or pasted text. Evidence offsets are bytes into the extracted text.",
            "parameters": [
                {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["auto", "fr", "en", "es", "ar"]}},
                {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "md", "html"]}},
                {"name": "file_name", "in": "query", "description": "helps tell HTML from text", "schema": {"type": "string"}},
                {"name": "sector", "in": "query", "description": "add what the Guidance expects of agreements for a sector (repeatable)",
                    "schema": {"type": "string", "enum": passerelle_domain::SectorNote::ALL.map(|n| n.as_str())}}],
            "requestBody": {"required": true, "content": media_types()},
            "responses": {"200": ok(report, "The report"), "413": problem("Too large"),
                          "415": problem("Format not read"), "422": problem("The file cannot be read")}}}),
    );
    paths.insert(
        "/api/v1/stats".into(),
        json!({"get": {"tags": ["reference"], "summary": "Number of public records of each kind", "responses": {"200": ok(json!({"type": "object"}), "Counts")}}}),
    );
    for (name, summary, schema) in reference {
        paths.insert(format!("/api/v1/{name}"), json!({"get": {"tags": ["reference"], "summary": summary, "responses": {"200": ok(schema, summary)}}}));
    }
    paths.insert(
        "/api/v1/countries/{code}".into(),
        json!({"get": {"tags": ["reference"], "summary": "One country by alpha-2 code, with its regions",
            "parameters": [{"name": "code", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": ok(schema_ref("Country"), "Country"), "404": problem("Unknown code")}}}),
    );
    paths.insert(
        "/api/v1/objectives/{number}".into(),
        json!({"get": {"tags": ["reference"], "summary": "One GCM objective",
            "parameters": [{"name": "number", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1, "maximum": 23}}],
            "responses": {"200": ok(schema_ref("Objective"), "Objective"), "404": problem("No such objective")}}}),
    );

    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Passerelle API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Registry of labour migration agreements, practices, events, commitments, resources and indicators. Reads are public; writes need `Authorization: Bearer TOKEN` with a user's API token (its user's role decides what it may do) or the admin token; a revoked token or a disabled user's token gets 401, a role that may not gets 403 `forbidden`. Errors are RFC 9457 problem details with a stable `code`."
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}
        }
    })
}

/// The media types a text may be sent as, from the one list the server
/// checks uploads against.
fn media_types() -> Value {
    passerelle_domain::document::MEDIA_TYPES
        .iter()
        .map(|m| (m.to_string(), json!({})))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_reference_resolves() {
        let doc: serde_json::Value = serde_json::from_str(super::document()).unwrap();
        let text = doc.to_string();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        for part in text.split("\"#/components/schemas/").skip(1) {
            let name = &part[..part.find('"').unwrap()];
            assert!(schemas.contains_key(name), "dangling $ref to {name}");
        }
        assert!(schemas.contains_key("Agreement"));
        assert!(doc["paths"]["/api/v1/agreements"]["get"].is_object());
    }
}
