//! The best hits the caller may see, with tantivy's block-max pruning
//! intact.
//!
//! Visibility could be a clause of the query (`-public:0`), but any
//! exclusion or filter clause turns tantivy's block-WAND union of terms
//! into a plain scorer that scores every match. So the query carries only
//! the words, and this collector drops private documents as they come,
//! reading the `public` fast field of the few candidates that could enter
//! the top.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Weight;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// The `limit` best hits after `offset`, by score, of documents that are
/// public (or of all, with `include_private`).
pub struct TopVisible {
    pub limit: usize,
    pub offset: usize,
    pub include_private: bool,
}

/// A hit in the heap, ordered so that the worst is on top.
#[derive(PartialEq)]
struct Worst(Score, DocAddress);

impl Eq for Worst {}

impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Worst {
    fn cmp(&self, other: &Self) -> Ordering {
        // Higher score is better; on a tie, the lower address is better.
        other
            .0
            .total_cmp(&self.0)
            .then_with(|| self.1.cmp(&other.1))
    }
}

impl Collector for TopVisible {
    type Fruit = Vec<(Score, DocAddress)>;
    type Child = NoChild;

    fn for_segment(&self, _: SegmentOrdinal, _: &SegmentReader) -> tantivy::Result<NoChild> {
        unreachable!("collect_segment is overridden")
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        fruits: Vec<Vec<(Score, DocAddress)>>,
    ) -> tantivy::Result<Vec<(Score, DocAddress)>> {
        let mut all: Vec<(Score, DocAddress)> = fruits.into_iter().flatten().collect();
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok(all.into_iter().skip(self.offset).take(self.limit).collect())
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Vec<(Score, DocAddress)>> {
        let k = self.offset + self.limit;
        let public = if self.include_private {
            None
        } else {
            Some(reader.fast_fields().u64("public")?)
        };
        let alive = reader.alive_bitset();
        let mut heap: BinaryHeap<Worst> = BinaryHeap::with_capacity(k + 1);
        let mut threshold = Score::MIN;
        weight.for_each_pruning(threshold, reader, &mut |doc: DocId, score: Score| {
            let dead = alive.is_some_and(|a| !a.is_alive(doc));
            let hidden = public.as_ref().is_some_and(|p| p.first(doc) != Some(1));
            if dead || hidden {
                return threshold;
            }
            heap.push(Worst(score, DocAddress::new(segment, doc)));
            if heap.len() > k {
                heap.pop();
            }
            if heap.len() == k
                && let Some(worst) = heap.peek()
            {
                threshold = worst.0;
            }
            threshold
        })?;
        Ok(heap.into_iter().map(|Worst(s, a)| (s, a)).collect())
    }
}

/// Never built: [`TopVisible`] collects whole segments itself.
pub struct NoChild;

impl SegmentCollector for NoChild {
    type Fruit = Vec<(Score, DocAddress)>;

    fn collect(&mut self, _: DocId, _: Score) {}

    fn harvest(self) -> Self::Fruit {
        Vec::new()
    }
}
