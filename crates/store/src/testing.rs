//! Fresh stores for tests: one on SQLite in a temporary folder, and one on
//! PostgreSQL in a schema of its own (created here, dropped when the
//! [`TestStore`] is dropped) when `PASSERELLE_TEST_DATABASE_URL` is set.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::Store;

/// The environment variable naming the PostgreSQL server for tests.
pub const DATABASE_URL_VAR: &str = "PASSERELLE_TEST_DATABASE_URL";

pub struct TestStore {
    pub store: Store,
    /// `sqlite` or `postgres`, for assertion messages.
    pub backend: &'static str,
    cleanup: Cleanup,
}

enum Cleanup {
    Folder(#[allow(dead_code)] tempfile::TempDir),
    Schema { url: String, schema: String },
}

impl Drop for TestStore {
    fn drop(&mut self) {
        if let Cleanup::Schema { url, schema } = &self.cleanup {
            let (url, schema) = (url.clone(), schema.clone());
            // Drop runs outside async code: a short-lived runtime on its own
            // thread removes the schema even when the test panicked.
            let done = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()?;
                rt.block_on(async {
                    let pool = sqlx::PgPool::connect(&url).await?;
                    sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP SCHEMA IF EXISTS {schema} CASCADE"
                    )))
                    .execute(&pool)
                    .await?;
                    pool.close().await;
                    Ok::<_, sqlx::Error>(())
                })
                .map_err(std::io::Error::other)
            })
            .join();
            if !matches!(done, Ok(Ok(()))) {
                eprintln!("could not drop test schema {}", self.backend);
            }
        }
    }
}

/// A store on SQLite in a fresh temporary folder.
pub async fn sqlite() -> TestStore {
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = Store::open_sqlite(&dir.path().join("passerelle.db"))
        .await
        .expect("open SQLite");
    TestStore {
        store,
        backend: "sqlite",
        cleanup: Cleanup::Folder(dir),
    }
}

/// A store on PostgreSQL in a fresh schema, or `None` when no test
/// database is configured. A configured but unreachable server is an error,
/// not a skip.
pub async fn postgres() -> Option<TestStore> {
    let url = std::env::var(DATABASE_URL_VAR)
        .ok()
        .filter(|u| !u.is_empty())?;
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    let schema = format!(
        "passerelle_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        &nonce[..8]
    );
    let admin = sqlx::PgPool::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("{DATABASE_URL_VAR} is set but PostgreSQL is unreachable: {e}"));
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
        .execute(&admin)
        .await
        .expect("create test schema");
    admin.close().await;
    let cleanup = Cleanup::Schema {
        url: url.clone(),
        schema: schema.clone(),
    };
    let store = Store::open_postgres(&url, Some(&schema))
        .await
        .expect("open PostgreSQL");
    Some(TestStore {
        store,
        backend: "postgres",
        cleanup,
    })
}

/// A store on every backend available: SQLite always, PostgreSQL when
/// configured.
pub async fn all() -> Vec<TestStore> {
    let mut stores = vec![sqlite().await];
    stores.extend(postgres().await);
    stores
}

/// A second store on the same database as `first` (another app node).
pub async fn another_node(first: &TestStore) -> Store {
    match &first.cleanup {
        Cleanup::Folder(dir) => Store::open_sqlite(&dir.path().join("passerelle.db"))
            .await
            .expect("reopen SQLite"),
        Cleanup::Schema { url, schema } => Store::open_postgres(url, Some(schema))
            .await
            .expect("reconnect PostgreSQL"),
    }
}

/// Runs SQL straight on the database, past the store's API: for tests that
/// check what the database itself refuses.
pub async fn execute_sql(store: &Store, sql: &'static str) -> Result<u64, sqlx::Error> {
    Ok(match &store.backend {
        crate::Backend::Sqlite(p) => sqlx::query(sql).execute(p).await?.rows_affected(),
        crate::Backend::Postgres(p) => sqlx::query(sql).execute(p).await?.rows_affected(),
    })
}
