//! What a list request asks for: filters, sort and page.

use passerelle_domain::{Facet, Invalid, Kind};
use serde::Serialize;

pub const DEFAULT_PER_PAGE: u32 = 50;
pub const MAX_PER_PAGE: u32 = 500;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest first (by signature, start or publication date).
    #[default]
    DateDesc,
    DateAsc,
    TitleAsc,
    TitleDesc,
    UpdatedDesc,
    UpdatedAsc,
}

impl Sort {
    pub fn parse(s: &str) -> Result<Sort, Invalid> {
        Ok(match s {
            "-date" | "date_desc" => Sort::DateDesc,
            "date" | "date_asc" => Sort::DateAsc,
            "title" => Sort::TitleAsc,
            "-title" => Sort::TitleDesc,
            "-updated" => Sort::UpdatedDesc,
            "updated" => Sort::UpdatedAsc,
            other => {
                return Err(Invalid::one(
                    "sort",
                    format!(
                        "`{other}` is not a sort order: use date, -date, title, -title, updated or -updated"
                    ),
                ));
            }
        })
    }

    pub(crate) fn sql(self) -> &'static str {
        match self {
            // Ties break by id in the same direction, so each order is one
            // index read forwards or backwards.
            Sort::DateDesc => "r.sort_date DESC, r.id DESC",
            Sort::DateAsc => "r.sort_date ASC, r.id ASC",
            Sort::TitleAsc => "r.title ASC, r.id ASC",
            Sort::TitleDesc => "r.title DESC, r.id DESC",
            Sort::UpdatedDesc => "r.updated_at DESC, r.id DESC",
            Sort::UpdatedAsc => "r.updated_at ASC, r.id ASC",
        }
    }
}

/// Filters for a list. Values of one facet are alternatives (any of them);
/// different filters must all hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    /// Each entry a condition: the record is filed under one of its
    /// values (`country=MA,ES`: Morocco or Spain).
    pub facets: Vec<(Facet, Vec<String>)>,
    /// Conditions the record must all meet (`between=MA,ES`: Morocco and
    /// Spain both).
    pub all_of: Vec<(Facet, String)>,
    pub types: Vec<String>,
    pub statuses: Vec<String>,
    pub year_from: Option<i32>,
    pub year_to: Option<i32>,
    /// Free text matched against every title (accents and case folded).
    pub text: Option<String>,
    /// Include records the public may not see (drafts, submissions).
    pub include_private: bool,
    pub sort: Sort,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
}

impl Default for ListQuery {
    fn default() -> ListQuery {
        ListQuery {
            facets: Vec::new(),
            all_of: Vec::new(),
            types: Vec::new(),
            statuses: Vec::new(),
            year_from: None,
            year_to: None,
            text: None,
            include_private: false,
            sort: Sort::default(),
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

impl ListQuery {
    /// Every record, in pages of the largest size.
    pub fn all() -> ListQuery {
        ListQuery {
            include_private: true,
            sort: Sort::DateAsc,
            per_page: MAX_PER_PAGE,
            ..ListQuery::default()
        }
    }

    pub fn with(mut self, facet: Facet, value: impl Into<String>) -> ListQuery {
        match self.facets.iter_mut().find(|(f, _)| *f == facet) {
            Some((_, values)) => values.push(value.into()),
            None => self.facets.push((facet, vec![value.into()])),
        }
        self
    }

    /// Adds a condition the record must meet besides the others: filed
    /// under `value` too (where [`with`](ListQuery::with) adds an
    /// alternative).
    pub fn all_of(mut self, facet: Facet, value: impl Into<String>) -> ListQuery {
        self.all_of.push((facet, value.into()));
        self
    }

    pub fn check(&self) -> Result<(), Invalid> {
        if self.page == 0 {
            return Err(Invalid::one("page", "pages are numbered from 1"));
        }
        if self.per_page == 0 || self.per_page > MAX_PER_PAGE {
            return Err(Invalid::one(
                "per_page",
                format!(
                    "must be between 1 and {MAX_PER_PAGE}; got {}",
                    self.per_page
                ),
            ));
        }
        if let (Some(a), Some(b)) = (self.year_from, self.year_to)
            && b < a
        {
            return Err(Invalid::one("year", format!("the range {a}..{b} is empty")));
        }
        Ok(())
    }
}

/// One page of a list.
#[derive(Clone, Debug, Serialize)]
pub struct Page<T> {
    pub kind: Kind,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<T>,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// An audit log query.
#[derive(Clone, Debug, Default)]
pub struct AuditQuery {
    /// A kind of record, `users` or `tokens`.
    pub kind: Option<String>,
    pub record_id: Option<String>,
    pub actor: Option<String>,
    /// Entries after this sequence number.
    pub after: Option<i64>,
    /// Entries before this sequence number (for paging back from the newest).
    pub before: Option<i64>,
    /// Newest first (a page for people) rather than oldest first (a feed
    /// for programs that follow the log).
    pub newest_first: bool,
    pub limit: u32,
}

/// One change a search node must apply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutboxEntry {
    pub seq: i64,
    pub kind: Kind,
    pub record_id: String,
    /// `upsert` or `delete`.
    pub op: String,
}
