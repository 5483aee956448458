//! The store's integration suite: every test runs on SQLite, and on
//! PostgreSQL too when PASSERELLE_TEST_DATABASE_URL is set.

mod documents;
mod import;
mod lists;
mod records;

use passerelle_domain::Agreement;
use serde_json::json;

/// A valid agreement between `dest` and `origin`, signed in `year`.
pub fn agreement(id: &str, dest: &str, origin: &str, year: i32) -> Agreement {
    serde_json::from_value(json!({
        "id": id,
        "title": format!("Labour agreement {id}"),
        "titles": {"fr": format!("Accord de main-d'œuvre {id}")},
        "type": "bilateral_agreement",
        "status": "in_force",
        "parties": [
            {"country": dest, "role": "destination"},
            {"country": origin, "role": "origin"}
        ],
        "signed_on": format!("{year}-06-01"),
        "objectives": [5, 6],
        "sectors": ["A"],
        "sources": [{"url": "https://example.org/source"}]
    }))
    .expect("fixture is valid")
}
