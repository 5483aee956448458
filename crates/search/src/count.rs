//! Facet counts per record: an agreement whose title and six clauses match
//! counts once under "Morocco", not seven times. The `kind` dimension is the
//! exception: it counts hits, so that `kind:clauses` announces as many hits
//! as the filter gives.
//!
//! A record's index documents (the record and its clauses) are added in one
//! batch, which tantivy keeps contiguous in one segment, and documents are
//! collected in id order; so skipping a document whose record key is the
//! same as the previous one's counts each record once, at the cost of one
//! fast-field read per match. Counting runs without scoring.

use std::collections::BTreeMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::FacetReader;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts per `(dimension, code)`.
pub type Counts = BTreeMap<(String, String), u64>;

/// Collects facet counts, one per record, over the matching documents.
pub struct RecordFacets;

pub struct RecordFacetsSegment {
    facets: FacetReader,
    record: Column<u64>,
    last: Option<u64>,
    counts: Vec<u64>,
    /// Documents skipped as part of a record already counted: clauses,
    /// since a record's own document comes first in its batch.
    skipped_clauses: u64,
}

/// The 64-bit FNV-1a hash of a record key: the value of the `record` fast
/// field that tells which documents belong together.
pub fn record_hash(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Collector for RecordFacets {
    type Fruit = Counts;
    type Child = RecordFacetsSegment;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<RecordFacetsSegment> {
        let facets = reader.facet_reader("facets")?;
        let counts = vec![0; facets.num_facets()];
        Ok(RecordFacetsSegment {
            facets,
            record: reader.fast_fields().u64("record")?,
            last: None,
            counts,
            skipped_clauses: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut all = Counts::new();
        for fruit in fruits {
            for (k, v) in fruit {
                *all.entry(k).or_default() += v;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for RecordFacetsSegment {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let record = self.record.first(doc);
        if record.is_some() && record == self.last {
            self.skipped_clauses += 1;
            return;
        }
        self.last = record;
        for ord in self.facets.facet_ords(doc) {
            self.counts[ord as usize] += 1;
        }
    }

    fn harvest(self) -> Counts {
        let mut out = Counts::new();
        // The facets' names in one sequential read of the dictionary, not a
        // block decode per ordinal.
        let (ords, counts): (Vec<u64>, Vec<u64>) = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(ord, c)| (ord as u64, *c))
            .unzip();
        let mut counts = counts.into_iter();
        let _ = self
            .facets
            .facet_dict()
            .sorted_ords_to_term_cb(&ords, |bytes| {
                let count = counts.next().unwrap_or(0);
                // Encoded facets separate their path segments with a zero byte.
                let mut path = bytes.split(|b| *b == 0);
                if let (Some(dim), Some(code), None) = (path.next(), path.next(), path.next()) {
                    out.insert(
                        (
                            String::from_utf8_lossy(dim).into_owned(),
                            String::from_utf8_lossy(code).into_owned(),
                        ),
                        count,
                    );
                }
            });
        if self.skipped_clauses > 0 {
            *out.entry(("kind".into(), "clauses".into())).or_default() += self.skipped_clauses;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn record_hashes_differ() {
        assert_ne!(
            super::record_hash("agreements:a"),
            super::record_hash("agreements:b")
        );
        assert_eq!(
            super::record_hash("agreements:a"),
            super::record_hash("agreements:a")
        );
    }
}
