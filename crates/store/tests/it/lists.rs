use passerelle_domain::{Facet, Kind};
use passerelle_store::testing;
use passerelle_store::{ListQuery, Sort};

use crate::agreement;

async fn ids(s: &passerelle_store::Store, q: ListQuery) -> Vec<String> {
    let page = s.list_json(Kind::Agreements, &q).await.unwrap();
    page.items
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn lists_filter_sort_and_paginate() {
    for t in testing::all().await {
        let s = &t.store;
        for (id, d, o, y) in [
            ("fr-ma", "FR", "MA", 1963),
            ("es-ma", "ES", "MA", 2001),
            ("es-sn", "ES", "SN", 2006),
            ("ca-mx", "CA", "MX", 1974),
        ] {
            s.create("x", agreement(id, d, o, y)).await.unwrap();
        }
        let q = ListQuery::default;
        assert_eq!(
            ids(s, q().with(Facet::Country, "MA")).await,
            ["es-ma", "fr-ma"],
            "{}",
            t.backend
        );
        assert_eq!(
            ids(
                s,
                q().with(Facet::Origin, "MA").with(Facet::Destination, "ES")
            )
            .await,
            ["es-ma"]
        );
        assert_eq!(
            ids(s, q().with(Facet::Country, "MA").with(Facet::Country, "MX")).await,
            ["es-ma", "ca-mx", "fr-ma"]
        );
        // Africa (002) holds MA and SN; Northern Africa (015) only MA.
        assert_eq!(
            ids(s, q().with(Facet::Region, "015")).await,
            ["es-ma", "fr-ma"]
        );
        assert_eq!(ids(s, q().with(Facet::Region, "002")).await.len(), 3);
        assert_eq!(
            ids(
                s,
                ListQuery {
                    year_from: Some(1970),
                    year_to: Some(2001),
                    ..q()
                }
            )
            .await,
            ["es-ma", "ca-mx"]
        );
        assert_eq!(
            ids(
                s,
                ListQuery {
                    sort: Sort::DateAsc,
                    ..q()
                }
            )
            .await,
            ["fr-ma", "ca-mx", "es-ma", "es-sn"]
        );
        assert_eq!(
            ids(
                s,
                ListQuery {
                    text: Some("MAIN-D'ŒUVRE ES-SN".into()),
                    ..q()
                }
            )
            .await,
            ["es-sn"],
            "accents and case folded on {}",
            t.backend
        );
        assert!(
            ids(
                s,
                ListQuery {
                    text: Some("100%".into()),
                    ..q()
                }
            )
            .await
            .is_empty(),
            "LIKE wildcards are escaped"
        );
        assert_eq!(
            ids(
                s,
                ListQuery {
                    statuses: vec!["in_force".into()],
                    types: vec!["bilateral_agreement".into()],
                    ..q()
                }
            )
            .await
            .len(),
            4
        );
        assert!(
            ids(
                s,
                ListQuery {
                    statuses: vec!["draft".into()],
                    ..q()
                }
            )
            .await
            .is_empty()
        );
        assert_eq!(
            ids(s, q().with(Facet::Objective, "6").with(Facet::Sector, "A"))
                .await
                .len(),
            4
        );

        let page = s
            .list_json(
                Kind::Agreements,
                &ListQuery {
                    per_page: 3,
                    page: 2,
                    sort: Sort::TitleAsc,
                    ..q()
                },
            )
            .await
            .unwrap();
        assert_eq!(page.total, 4);
        assert_eq!(page.items.len(), 1);
        assert!(
            s.list_json(
                Kind::Agreements,
                &ListQuery {
                    per_page: 501,
                    ..q()
                }
            )
            .await
            .is_err()
        );
    }
}

#[tokio::test]
async fn drafts_are_not_public() {
    for t in testing::all().await {
        let s = &t.store;
        let practice: passerelle_domain::Practice = serde_json::from_value(serde_json::json!({
            "id": "p", "title": "Pre-departure orientation", "type": "programme", "countries": ["PH"]
        }))
        .unwrap();
        s.create("x", practice).await.unwrap();
        let public = s
            .list_json(Kind::Practices, &ListQuery::default())
            .await
            .unwrap();
        assert_eq!(public.total, 0, "{}", t.backend);
        assert!(
            s.get_json(Kind::Practices, "p", false)
                .await
                .unwrap()
                .is_none()
        );
        let all = s
            .list_json(
                Kind::Practices,
                &ListQuery {
                    include_private: true,
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(all.total, 1);
    }
}

/// Records written before a projection changed (here: their facets and
/// year wiped, as a facet added in code would find them) are filtered
/// like new ones once `reproject` has run; a store stays outdated until
/// then, and reprojecting changes no record and writes no audit entry.
#[tokio::test]
async fn records_written_before_a_new_projection_are_filtered_after_reproject() {
    for t in testing::all().await {
        let s = &t.store;
        for (id, d, o, y) in [("fr-ma", "FR", "MA", 1963), ("es-ma", "ES", "MA", 2001)] {
            s.create("x", agreement(id, d, o, y)).await.unwrap();
        }
        // A new store is current.
        assert!(!s.projection_outdated().await.unwrap(), "{}", t.backend);
        let before = s.get_json(Kind::Agreements, "fr-ma", true).await.unwrap();
        let audit = s.audit_head().await.unwrap();
        // As an older version of the code would have left them.
        testing::execute_sql(s, "DELETE FROM facets").await.unwrap();
        testing::execute_sql(s, "UPDATE records SET year = NULL")
            .await
            .unwrap();
        s.set_setting("projection_version", "0").await.unwrap();
        let q = ListQuery::default;
        assert!(ids(s, q().with(Facet::Country, "MA")).await.is_empty());
        assert!(s.projection_outdated().await.unwrap());
        let mut seen = Vec::new();
        let n = s
            .reproject(|done, total| seen.push((done, total)))
            .await
            .unwrap();
        assert_eq!(n, 2);
        assert_eq!(seen.last(), Some(&(2, 2)));
        assert!(!s.projection_outdated().await.unwrap());
        assert_eq!(
            ids(s, q().with(Facet::Country, "MA")).await,
            ["es-ma", "fr-ma"],
            "{}",
            t.backend
        );
        assert_eq!(ids(s, q().with(Facet::Sector, "A")).await.len(), 2);
        let since_2000 = ListQuery {
            year_from: Some(2000),
            ..q()
        };
        assert_eq!(ids(s, since_2000).await, ["es-ma"]);
        assert_eq!(
            s.get_json(Kind::Agreements, "fr-ma", true).await.unwrap(),
            before
        );
        assert_eq!(s.audit_head().await.unwrap(), audit);
    }
}
