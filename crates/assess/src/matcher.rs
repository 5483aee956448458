//! Finding cues in normalised text. The text is walked once, byte by
//! byte, through a trie ([`Lexicon`]) of the words cues are made of (the
//! space between words leads back to its root); a cue is then
//! a join of its words by word index ("fee* ~ charged": a word starting
//! with `fee`, then `charged` within five words), never a string search.
//! The same walk marks the words that negate, forbid or name an
//! institution, so the checks around a match read flags, not text.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::language::Language;
use crate::normalize::{Normalized, normalize};
use crate::rubric::Rubric;

/// How a cue bears on its element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// One is enough: the clause deals with the element.
    Strong,
    /// Topical: two different ones are needed.
    Weak,
    /// The clause does the opposite of what the element protects.
    Adverse,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Word {
    /// A word, or a word prefix when `stem` is true (`recruit*`).
    Literal { text: String, stem: bool },
    /// Up to [`GAP_WORDS`] other words in the same sentence.
    Gap,
}

const GAP_WORDS: usize = 4;

/// Prefixes written attached to Arabic words (after normalisation), by
/// their first letter, so that a word is compared only with those that
/// start like it.
const ARABIC_CLITICS: &[&[&str]] = &[
    &["و", "وال", "ولل", "وب", "ول", "وبال"],
    &["ف", "فال", "فلل"],
    &["ب", "بال"],
    &["ل", "لل"],
    &["ك", "كال"],
    &["ال"],
];

/// The clitics an Arabic word may start with: those of its first letter,
/// told by the letter's second byte (the first is the block's).
fn clitics_of(word: &[u8]) -> &'static [&'static str] {
    let &[first, second, ..] = word else {
        return &[];
    };
    ARABIC_CLITICS
        .iter()
        .find(|group| group[0].as_bytes()[..2] == [first, second])
        .copied()
        .unwrap_or(&[])
}

/// A parsed cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    words: Vec<Word>,
    arabic: bool,
}

impl Pattern {
    /// Parses the cue syntax of `rubric/FORMAT.md`.
    pub fn parse(cue: &str) -> Result<Pattern, String> {
        let mut words = Vec::new();
        for raw in cue.split_whitespace() {
            if raw == "~" {
                if words.is_empty() || words.last() == Some(&Word::Gap) {
                    return Err("`~` must stand between two words".into());
                }
                words.push(Word::Gap);
                continue;
            }
            let stem = raw.ends_with('*');
            let body = raw.trim_end_matches('*');
            if body.contains('*') || body.contains('~') {
                return Err(format!(
                    "`{raw}`: `*` goes at the end of a word, `~` stands alone"
                ));
            }
            let text = normalize(body).into_text();
            if text.is_empty() || text.contains(' ') {
                // Apostrophes and hyphens split words: `d'origine` is two.
                for part in text.split(' ').filter(|p| !p.is_empty() && *p != ".") {
                    words.push(Word::Literal {
                        text: part.to_string(),
                        stem: false,
                    });
                }
                if let Some(Word::Literal { stem: s, .. }) = words.last_mut() {
                    *s = stem;
                }
                if text.is_empty() {
                    return Err(format!("`{raw}` has no letters"));
                }
                continue;
            }
            words.push(Word::Literal { text, stem });
        }
        match (words.first(), words.last()) {
            (Some(Word::Literal { .. }), Some(Word::Literal { .. })) => {}
            (None, _) => return Err("the cue is empty".into()),
            _ => return Err("`~` must stand between two words".into()),
        }
        let arabic = cue.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        Ok(Pattern { words, arabic })
    }
}

/// Flags of a word of the text.
pub(crate) mod flag {
    pub const SENTENCE_END: u8 = 1;
    pub const NEGATION: u8 = 2;
    pub const PROHIBITION: u8 = 4;
    pub const INSTITUTION: u8 = 8;
    /// Ends with an Arabic institution word, as a word with clitics does.
    pub const ARABIC_INSTITUTION: u8 = 16;
}

/// Words that open the name of an institution, as normalised.
const INSTITUTIONS: &[&str] = &[
    "ministry",
    "ministries",
    "department",
    "ministere",
    "ministeres",
    "ministerio",
    "ministerios",
    "secretaria",
    "secretariat",
    "وزاره",
    "وزير",
];
const ARABIC_INSTITUTIONS: &[&str] = &["وزاره", "وزير"];

/// What reaching a node of the [`Lexicon`] means.
#[derive(Clone, Copy, Debug, Default)]
struct Node {
    /// The cue word spelled by the path to this node, plus one (0: none).
    literal: u32,
    /// Some cue uses the word as a stem, so it counts inside a longer word.
    stem: bool,
    /// Flags of a word that is exactly this path.
    whole: u8,
    /// Flags of a word that starts with this path.
    prefix: u8,
}

/// A trie over the bytes of every word the cues of one language are made
/// of, plus the negation, prohibition and institution words. Its table is
/// read for every byte of every word, so it is kept small (about 3,500
/// nodes of 45 columns of two bytes per language) to stay in cache.
struct Lexicon {
    /// Byte to column; column 0 is every byte no word holds.
    columns: [u8; 256],
    width: usize,
    /// log2 of `width`.
    shift: u32,
    /// `next[node * width + column]`: the child, with [`MEANS`] set when
    /// its [`Node`] has something to say; [`DEAD`] when no word goes on.
    next: Vec<u16>,
    nodes: Vec<Node>,
}

/// Where each literal occurs in a text: its first cue word in `found`
/// (valid when stamped with `call`), and the next of each.
struct Occurrences<'s> {
    head: &'s [(u32, u32)],
    next: &'s [u32],
    call: u32,
    /// Empty for a short text; see [`Scratch::grouped`].
    grouped: &'s [(u32, u32)],
}

/// Texts with more cue words than this are searched through
/// [`Occurrences::grouped`]; in shorter ones walking a list is cheaper.
const GROUPED_FROM: usize = 512;

impl Occurrences<'_> {
    /// The places in `found` of `literal`'s occurrences after word `w`,
    /// in text order.
    fn after<'a>(&'a self, literal: u32, found: &'a [Found], w: usize) -> After<'a> {
        if self.grouped.is_empty() {
            return After::List {
                at: self.first(literal),
                next: self.next,
            };
        }
        let from = self.grouped.partition_point(|&(l, k)| {
            l < literal || (l == literal && found[k as usize].word as usize <= w)
        });
        let rest = &self.grouped[from..];
        let to = rest.partition_point(|&(l, _)| l == literal);
        After::Slice(rest[..to].iter())
    }

    fn first(&self, literal: u32) -> u32 {
        match self.head[literal as usize] {
            (stamp, first) if stamp == self.call => first,
            _ => NONE,
        }
    }
}

/// A clause as read for matching: its normalised bytes, its words, the cue
/// words found in them and where each occurs.
#[derive(Clone, Copy)]
struct Read<'r> {
    text: &'r [u8],
    words: &'r [TextWord],
    found: &'r [Found],
    at: &'r Occurrences<'r>,
}

/// Occurrences of a literal, from a list or a sorted slice.
enum After<'a> {
    List { at: u32, next: &'a [u32] },
    Slice(std::slice::Iter<'a, (u32, u32)>),
}

impl Iterator for After<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        match self {
            After::List { at, next } => {
                let here = *at;
                if here == NONE {
                    return None;
                }
                *at = next[here as usize];
                Some(here)
            }
            After::Slice(it) => it.next().map(|&(_, k)| k),
        }
    }
}

/// No occurrence: the end of a list in [`Scratch::next`].
const NONE: u32 = u32::MAX;

/// The bit of a [`Lexicon`] transition that marks a node worth reading.
const MEANS: u16 = 0x8000;

/// The node a walk goes to when no word goes on. Every transition out of
/// it leads back to it, but for the space.
const DEAD: usize = 1;

/// The column of the space between words: from every node it leads back
/// to the root, so that one walk reads a whole text.
const SPACE: usize = 1;

impl Lexicon {
    fn new(words: &[&str]) -> Lexicon {
        let mut columns = [0u8; 256];
        columns[b' ' as usize] = SPACE as u8;
        let mut width: usize = SPACE + 1;
        for w in words {
            for &b in w.as_bytes() {
                if columns[b as usize] == 0 {
                    columns[b as usize] = u8::try_from(width).expect("at most 255 distinct bytes");
                    width += 1;
                }
            }
        }
        Lexicon {
            columns,
            // A power of two, so that a row is a shift away, not a
            // multiplication, on the walk's chain of dependent loads.
            width: width.next_power_of_two(),
            shift: width.next_power_of_two().trailing_zeros(),
            // The root, then the dead node.
            next: vec![0; 2 * width.next_power_of_two()],
            nodes: vec![Node::default(); 2],
        }
    }

    /// The node of `word`, made if need be.
    fn insert(&mut self, word: &str) -> usize {
        let mut node = 0;
        for &b in word.as_bytes() {
            let column = self.columns[b as usize] as usize;
            assert!(column != 0, "the lexicon was made with every word");
            let at = node * self.width + column;
            if self.next[at] == 0 {
                self.next[at] = u16::try_from(self.nodes.len())
                    .ok()
                    .filter(|n| n & MEANS == 0)
                    .expect("cue words fit in 32,767 trie nodes");
                self.nodes.push(Node::default());
                self.next.extend(std::iter::repeat_n(0, self.width));
            }
            node = (self.next[at] & !MEANS) as usize;
        }
        node
    }

    /// Marks the transitions into nodes that have something to say, so
    /// that the walk reads a node only there. Done once every word is in.
    fn seal(&mut self) {
        for t in &mut self.next {
            if *t == 0 {
                *t = DEAD as u16;
                continue;
            }
            let n = &self.nodes[*t as usize];
            if n.literal != 0 || n.whole != 0 || n.prefix != 0 {
                *t |= MEANS;
            }
        }
        for row in self.next.chunks_mut(self.width) {
            row[SPACE] = 0;
        }
        // A power of two long, so that a walk masks its index into the
        // table instead of checking it.
        self.next
            .resize(self.next.len().next_power_of_two(), DEAD as u16);
    }

    /// Walks `word` from byte `from`; calls `found` with the end of each
    /// path that means something.
    #[inline]
    fn walk(&self, word: &[u8], from: usize, mut found: impl FnMut(usize, &Node)) {
        let mut node = 0;
        for (k, &b) in word[from..].iter().enumerate() {
            let column = self.columns[b as usize] as usize;
            if column == 0 {
                return;
            }
            let t = self.next[(node << self.shift) | column];
            node = (t & !MEANS) as usize;
            if node == DEAD {
                return;
            }
            if t & MEANS != 0 {
                found(from + k + 1, &self.nodes[node]);
            }
        }
    }
}

/// A node of the walk that means something: where it ends, in which word.
#[derive(Clone, Copy, Default)]
struct Meant {
    end: u32,
    word: u32,
    node: u16,
}

/// Parts of a text walked side by side: each walk is a chain of
/// dependent loads, one per byte, and the chains of the two parts overlap.
/// (Four parts did no better: their state no longer fits in registers.)
const STREAMS: usize = 2;

/// One part of a text being walked.
struct Stream<'m> {
    node: usize,
    word: u32,
    /// How many nodes that mean something it has noted in `out`.
    n: usize,
    out: &'m mut [Meant],
}

impl Stream<'_> {
    /// One byte, ending at `end`, of the walk.
    #[inline(always)]
    fn step(&mut self, lexicon: &Lexicon, b: u8, end: usize) {
        let column = lexicon.columns[b as usize] as usize;
        let next = &lexicon.next;
        let t = next[((self.node << lexicon.shift) | column) & (next.len() - 1)];
        self.node = (t & !MEANS) as usize;
        self.word += u32::from(column == SPACE);
        self.out[self.n] = Meant {
            end: end as u32,
            word: self.word,
            node: self.node as u16,
        };
        self.n += usize::from(t >> 15);
    }
}

impl Lexicon {
    /// Walks `text` (words separated by one space) in two parts, each
    /// `(start, end, first word)` with the first starting the text and
    /// the second starting on a word after it, side by side. Notes the
    /// nodes that mean something, with the word (counted from the part's
    /// first) and where they end, from `meant[start]` on for each part;
    /// returns how many each part has. One load per byte, and no branch on
    /// what the text holds: a word that leaves the trie walks on in the
    /// dead node to the space.
    fn walk_text(
        &self,
        text: &[u8],
        parts: [(usize, usize, u32); STREAMS],
        meant: &mut Vec<Meant>,
    ) -> [usize; STREAMS] {
        if meant.len() < text.len() {
            meant.resize(text.len(), Meant::default());
        }
        let [(a0, a1, aw), (b0, b1, bw)] = parts;
        let (first, second) = meant.split_at_mut(b0);
        let mut a = Stream {
            node: 0,
            word: aw,
            n: 0,
            out: &mut first[a0..],
        };
        let mut b = Stream {
            node: 0,
            word: bw,
            n: 0,
            out: second,
        };
        let (ta, tb) = (&text[a0..a1], &text[b0..b1]);
        let common = ta.len().min(tb.len());
        for (k, (&x, &y)) in ta[..common].iter().zip(&tb[..common]).enumerate() {
            a.step(self, x, a0 + k + 1);
            b.step(self, y, b0 + k + 1);
        }
        for (k, &x) in ta.iter().enumerate().skip(common) {
            a.step(self, x, a0 + k + 1);
        }
        for (k, &y) in tb.iter().enumerate().skip(common) {
            b.step(self, y, b0 + k + 1);
        }
        [a.n, b.n]
    }
}

/// A cue word found in a word of the text.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Found {
    literal: u32,
    /// The index of its text word.
    word: u32,
    /// Where the cue word ends, and its length (for the order of hits).
    end: u32,
    len: u32,
    /// The cue word is the whole rest of the text word.
    whole: bool,
    /// It follows an Arabic clitic ("وال" + "ضمان").
    clitic: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct TextWord {
    start: u32,
    end: u32,
    flags: u8,
    /// How many sentence ends come before it: two words are in one
    /// sentence when they count the same.
    sentence: u32,
}

impl Scratch {
    /// Whether a word of `range` (word indices of the last text matched,
    /// as [`Hit::words`] counts them) carries one of the `mask` flags.
    pub(crate) fn flagged(&self, range: std::ops::Range<usize>, mask: u8) -> bool {
        let end = range.end.min(self.words.len());
        self.words[range.start.min(end)..end]
            .iter()
            .any(|w| w.flags & mask != 0)
    }
}

/// Buffers for [`Matcher::find_into`], kept across clauses.
#[derive(Default)]
pub struct Scratch {
    words: Vec<TextWord>,
    found: Vec<Found>,
    /// The nodes of a walk that mean something.
    meant: Vec<Meant>,
    /// The literals the text holds, once each, and for each its
    /// occurrences in `found` as a list: the first in `head` (valid when
    /// stamped with the current `call`), the next of each in `next`.
    present_list: Vec<u32>,
    head: Vec<(u32, u32)>,
    next: Vec<u32>,
    call: u32,
    /// In a long text, the occurrences again as (literal, place in
    /// `found`), sorted: a cue's next word is then found by a binary
    /// search from where the cue stands, not by walking every earlier
    /// occurrence (which made a text without line breaks quadratic).
    grouped: Vec<(u32, u32)>,
    /// The order of each hit: its cue word in `found`, then its cue.
    order: Vec<(u32, u32, u32)>,
    sorted: Vec<Hit>,
    pub hits: Vec<Hit>,
}

/// A cue found in a text (offsets into the normalised text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub element: usize,
    pub cue: usize,
    pub strength: Strength,
    pub start: usize,
    pub end: usize,
    /// The first and last words of the match (words of the normalised
    /// text, `.` tokens included, as [`Normalized`](crate::normalize::Normalized) counts them).
    pub words: (usize, usize),
    /// A negation shortly before or inside the match.
    pub negated: bool,
    /// One of the five words before is an institution word ("Ministry"),
    /// exactly or, for Arabic, at the end of a word with clitics.
    pub after_institution: bool,
    pub after_arabic_institution: bool,
}

/// One step of a compiled cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// A word of the lexicon (its literal id), whole or as a stem.
    Word { literal: u32, stem: bool },
    /// A short whole word, compared with the text's word where the cue
    /// needs it, not looked for by the walk: see [`keep_in_place`].
    Exact(Exact),
    /// Up to [`GAP_WORDS`] other words in the same sentence.
    Gap,
}

/// A cue of the rubric, compiled.
#[derive(Clone, Debug)]
pub struct Cue {
    pub element: usize,
    pub strength: Strength,
    /// As written in the rubric, for evidence; and as evidence shows it
    /// when a negation turns an adverse cue into a protection.
    pub text: Arc<str>,
    pub reversed: Arc<str>,
    /// Where `text` is in [`Matcher::quoted`] (`reversed` follows it).
    pub quoted: u32,
    /// For an adverse cue, the rubric's concern that explains it (an index
    /// into [`Rubric::concerns`]).
    pub concern: Option<u32>,
    /// Where `text` falls among the language's cue texts: comparing ranks
    /// compares texts (equal texts share one) without reading them.
    pub rank: u32,
    steps: Vec<Step>,
    /// Its words may follow an Arabic clitic.
    arabic: bool,
    /// The cue's own words include a negation ("may not change employer"):
    /// then a negation in the match is the cue's, not a reversal of it.
    negative: bool,
    /// See [`Cue::says`].
    says: bool,
}

/// A cue as seen from its first word: enough to reject it without reading
/// the cue itself.
#[derive(Clone, Copy, Debug)]
struct Start {
    /// Its first literal, and whether that is a stem.
    first: u32,
    stem: bool,
    arabic: bool,
    /// All its literals, in [`LanguageMatcher::literals_of`].
    literals: (u32, u32),
}

/// Cues are tried in two steps. First the cues whose every word is in the
/// clause are picked, reached from their rarest word (the "anchor": the
/// literal in the fewest cues), so that common words such as "workers",
/// which start dozens of cues, cost nothing when the rest is not there.
/// Then each of those is matched at every occurrence of its first word,
/// and the hits are put in text order.
struct LanguageMatcher {
    lexicon: Lexicon,
    /// Per cue, in rubric order.
    starts: Vec<Start>,
    literals_of: Vec<u32>,
    /// Per literal, the cues it anchors.
    anchored: Vec<Vec<u32>>,
    literals: usize,
    cues: Vec<Cue>,
    /// Some cue is Arabic: words are also walked after their clitics.
    arabic: bool,
}

/// A short word as a number (its bytes, little-endian) and its length, so
/// that comparing it with a word of the text is two comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Exact {
    len: u32,
    bytes: u64,
}

/// Bytes of the longest word [`keep_in_place`] checks in place; at most
/// eight, the bytes of an [`Exact`].
const SHORT_WORD: usize = 3;
const _: () = assert!(SHORT_WORD <= 8);

/// `len` bytes (one to eight) of `bytes` from `at`, as a number.
#[inline]
fn number_of(bytes: &[u8], at: usize, len: usize) -> u64 {
    debug_assert!((1..=8).contains(&len));
    match bytes.get(at..at + 8) {
        Some(eight) => {
            let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            x & (u64::MAX >> (64 - 8 * len))
        }
        None => bytes[at..at + len]
            .iter()
            .rev()
            .fold(0, |n, &b| (n << 8) | u64::from(b)),
    }
}

impl Exact {
    fn new(word: &[u8]) -> Exact {
        Exact {
            len: word.len() as u32,
            bytes: number_of(word, 0, word.len()),
        }
    }

    /// Whether `text[start..end]` is this word.
    #[inline]
    fn is(self, text: &[u8], start: usize, end: usize) -> bool {
        end - start == self.len as usize && number_of(text, start, end - start) == self.bytes
    }
}

/// Turns the steps of short words that no cue starts with and none uses as
/// a stem into [`Step::Exact`], and takes those words out of the walk's
/// findings (flags such as a negation's stay). Short words are the common
/// ones ("de", "the", "of", "y"), about a third of the cue words a text holds;
/// a cue reaches them from the word before, so nothing needs to list where
/// they are. Longer words stay in the walk: a rarer word lets the test
/// that a cue's every word is in the clause reject the cue before it is
/// tried. `literal_words` gives each literal's word and node.
fn keep_in_place(cues: &mut [Cue], lexicon: &mut Lexicon, literal_words: &[(String, usize)]) {
    let mut starts = vec![false; literal_words.len()];
    for cue in cues.iter() {
        if let Step::Word { literal, .. } = cue.steps[0] {
            starts[literal as usize] = true;
        }
    }
    let in_place = |l: u32| {
        let (ref word, node) = literal_words[l as usize];
        word.len() <= SHORT_WORD && !starts[l as usize] && !lexicon.nodes[node].stem
    };
    let mut placed = vec![false; literal_words.len()];
    for cue in cues.iter_mut() {
        for step in &mut cue.steps {
            let Step::Word { literal, .. } = *step else {
                continue;
            };
            if !in_place(literal) {
                continue;
            }
            placed[literal as usize] = true;
            *step = Step::Exact(Exact::new(literal_words[literal as usize].0.as_bytes()));
        }
    }
    for (&(_, node), _) in literal_words.iter().zip(placed).filter(|(_, p)| *p) {
        lexicon.nodes[node].literal = 0;
    }
}

impl LanguageMatcher {
    /// Compiles `cues` (element, strength, text) with the language's
    /// negation words and prohibition stems.
    fn new(
        cues: Vec<(usize, Strength, String)>,
        negations: &[String],
        prohibitions: &[String],
    ) -> LanguageMatcher {
        let patterns: Vec<Pattern> = cues
            .iter()
            .map(|(_, _, text)| Pattern::parse(text).expect("rubric cues are checked when read"))
            .collect();
        let mut all_words: Vec<&str> = INSTITUTIONS.to_vec();
        all_words.extend(negations.iter().map(String::as_str));
        all_words.extend(prohibitions.iter().map(String::as_str));
        for p in &patterns {
            for w in &p.words {
                if let Word::Literal { text, .. } = w {
                    all_words.push(text);
                }
            }
        }
        let mut lexicon = Lexicon::new(&all_words);
        // A negation or prohibition written as two words never matched one
        // word, and still does not.
        for n in negations.iter().filter(|n| !n.contains(' ')) {
            let node = lexicon.insert(n);
            lexicon.nodes[node].whole |= flag::NEGATION;
        }
        for p in prohibitions.iter().filter(|p| !p.contains(' ')) {
            let node = lexicon.insert(p);
            lexicon.nodes[node].prefix |= flag::PROHIBITION;
        }
        for i in INSTITUTIONS {
            let node = lexicon.insert(i);
            lexicon.nodes[node].whole |= flag::INSTITUTION;
        }
        let mut literals = 0u32;
        // Per literal, its word and its node.
        let mut literal_words: Vec<(String, usize)> = Vec::new();
        let mut compiled = Vec::with_capacity(cues.len());
        for ((element, strength, text), pattern) in cues.into_iter().zip(patterns) {
            let steps = pattern
                .words
                .iter()
                .map(|w| match w {
                    Word::Gap => Step::Gap,
                    Word::Literal { text, stem } => {
                        let node = lexicon.insert(text);
                        let n = &mut lexicon.nodes[node];
                        if n.literal == 0 {
                            literals += 1;
                            n.literal = literals;
                            literal_words.push((text.clone(), node));
                        }
                        n.stem |= *stem;
                        Step::Word {
                            literal: n.literal - 1,
                            stem: *stem,
                        }
                    }
                })
                .collect();
            let negative = pattern
                .words
                .iter()
                .any(|w| matches!(w, Word::Literal { text, .. } if negations.contains(text)));
            // Links do not make a name a sentence.
            const LINKS: &[&str] = &[
                "de", "du", "des", "d", "la", "le", "les", "l", "of", "the", "a", "an", "del",
                "el", "los", "las", "y", "et", "and", "en", "in", "al", "a", "à",
            ];
            let words = text.split(' ').filter(|w| !LINKS.contains(w)).count();
            let says = text.contains('~') || words >= 3 || (words >= 2 && pattern.arabic);
            compiled.push(Cue {
                element,
                strength,
                concern: None,
                says,
                reversed: format!("not: {text}").into(),
                quoted: 0,
                text: text.into(),
                rank: 0,
                steps,
                arabic: pattern.arabic,
                negative,
            });
        }
        let arabic = compiled.iter().any(|c| c.arabic);
        // A word after a clitic is not the text's word: Arabic cues keep
        // every word in the walk.
        if !arabic {
            keep_in_place(&mut compiled, &mut lexicon, &literal_words);
        }
        lexicon.seal();
        let mut texts: Vec<&str> = compiled.iter().map(|c| &*c.text).collect();
        texts.sort_unstable();
        texts.dedup();
        let ranks: Vec<u32> = compiled
            .iter()
            .map(|c| {
                texts
                    .binary_search(&&*c.text)
                    .expect("every text is listed") as u32
            })
            .collect();
        for (cue, rank) in compiled.iter_mut().zip(ranks) {
            cue.rank = rank;
        }
        let mut starts = Vec::with_capacity(compiled.len());
        let mut literals_of = Vec::new();
        let mut cues_with = vec![0u32; literals as usize];
        for cue in &compiled {
            let Step::Word { literal, stem } = cue.steps[0] else {
                unreachable!("parse refuses a leading gap");
            };
            let from = literals_of.len();
            for step in &cue.steps {
                if let Step::Word { literal: l, .. } = step
                    && !literals_of[from..].contains(l)
                {
                    literals_of.push(*l);
                    cues_with[*l as usize] += 1;
                }
            }
            starts.push(Start {
                first: literal,
                stem,
                arabic: cue.arabic,
                literals: (from as u32, literals_of.len() as u32),
            });
        }
        let mut anchored = vec![Vec::new(); literals as usize];
        for (i, start) in starts.iter().enumerate() {
            let own = &literals_of[start.literals.0 as usize..start.literals.1 as usize];
            let anchor = own
                .iter()
                .min_by_key(|&&l| cues_with[l as usize])
                .expect("a cue has a word");
            anchored[*anchor as usize].push(i as u32);
        }
        LanguageMatcher {
            lexicon,
            starts,
            literals_of,
            anchored,
            literals: literals as usize,
            arabic,
            cues: compiled,
        }
    }

    /// The cue words of an Arabic `word` (at `start` in the text, the
    /// `index`-th word) after its clitics; returns its flags.
    fn read_clitics(&self, word: &[u8], start: usize, index: u32, found: &mut Vec<Found>) -> u8 {
        let whole_end = word.len();
        // A negation or prohibition after a clitic ("ولا", "ويحظر") is one.
        let mut flags = 0;
        for c in clitics_of(word) {
            let c = c.as_bytes();
            if word.len() > c.len() && word.starts_with(c) {
                self.lexicon.walk(word, c.len(), |e, n| {
                    if e == whole_end {
                        flags |= n.whole & flag::NEGATION;
                    }
                    flags |= n.prefix & flag::PROHIBITION;
                    if n.literal != 0 && (n.stem || e == whole_end) {
                        found.push(Found {
                            literal: n.literal - 1,
                            word: index,
                            end: (start + e) as u32,
                            len: (e - c.len()) as u32,
                            whole: e == whole_end,
                            clitic: true,
                        });
                    }
                });
            }
        }
        if ARABIC_INSTITUTIONS
            .iter()
            .any(|i| word.ends_with(i.as_bytes()))
        {
            flags |= flag::ARABIC_INSTITUTION;
        }
        flags
    }

    /// The words of `text`, each with its flags and cue words. The walk
    /// reads the whole text at once; only the nodes that mean something
    /// are then looked at, word by word, and Arabic words are walked again
    /// after each clitic they start with.
    fn read_words(
        &self,
        text: &Normalized,
        words: &mut Vec<TextWord>,
        found: &mut Vec<Found>,
        meant: &mut Vec<Meant>,
    ) {
        words.clear();
        found.clear();
        let bytes = text.as_bytes();
        let mut sentence = 0;
        for k in 0..text.word_count() {
            let (start, end) = text.word_span(k);
            let dot = (end == start + 1) & (bytes.get(start) == Some(&b'.'));
            words.push(TextWord {
                start: start as u32,
                end: end as u32,
                flags: if dot { flag::SENTENCE_END } else { 0 },
                sentence,
            });
            sentence += u32::from(dot);
        }
        // Two parts of about as many words, the second starting on a word.
        let count = text.word_count();
        let parts = if count > 1 {
            let half = text.word_span(count / 2).0;
            [(0, half - 1, 0), (half, bytes.len(), (count / 2) as u32)]
        } else {
            [(0, bytes.len(), 0), (bytes.len(), bytes.len(), 0)]
        };
        let n = self.lexicon.walk_text(bytes, parts, meant);
        let events = parts.iter().zip(n).flat_map(|(p, n)| &meant[p.0..p.0 + n]);
        if !self.arabic {
            for m in events {
                self.note(m, words, found);
            }
            return;
        }
        let mut events = events.peekable();
        for k in 0..count {
            let first = found.len();
            while let Some(m) = events.next_if(|m| m.word as usize == k) {
                self.note(m, words, found);
            }
            let (start, end) = (words[k].start as usize, words[k].end as usize);
            let word = &bytes[start..end];
            if word.first().is_some_and(|b| (0xD8..=0xDB).contains(b)) {
                words[k].flags |= self.read_clitics(word, start, k as u32, found);
                // Cue words found after different clitics, in the order of
                // their ends (the longer first at one end).
                found[first..].sort_by_key(|f| (f.end, std::cmp::Reverse(f.len)));
            }
        }
    }

    /// What a node of the walk that means something says of its word.
    #[inline]
    fn note(&self, m: &Meant, words: &mut [TextWord], found: &mut Vec<Found>) {
        let w = &mut words[m.word as usize];
        let (start, end) = (w.start as usize, w.end as usize);
        let e = m.end as usize - start;
        let whole = m.end as usize == end;
        let node = &self.lexicon.nodes[m.node as usize];
        if whole {
            w.flags |= node.whole;
        }
        w.flags |= node.prefix;
        if node.literal != 0 && (node.stem || whole) {
            found.push(Found {
                literal: node.literal - 1,
                word: m.word,
                end: m.end,
                len: e as u32,
                whole,
                clitic: false,
            });
        }
    }

    /// The last word of `cue` matched from step `k` on, after word `w`:
    /// the next word, or up to [`GAP_WORDS`] further after a gap, in the
    /// same sentence, the nearest first. The candidates are read from the
    /// occurrences of the step's literal, not from the words in between.
    fn complete(&self, cue: &Cue, read: &Read, k: usize, w: usize) -> Option<usize> {
        let Read {
            text,
            words,
            found,
            at,
        } = *read;
        if k == cue.steps.len() {
            return Some(w);
        }
        let (gap, k) = match cue.steps[k] {
            Step::Gap => (GAP_WORDS, k + 1),
            _ => (0, k),
        };
        let (literal, stem) = match cue.steps[k] {
            Step::Word { literal, stem } => (literal, stem),
            Step::Exact(word) => {
                let last = (w + 1 + gap).min(words.len() - 1);
                for v in w + 1..=last {
                    if words[v].sentence != words[w].sentence {
                        return None;
                    }
                    if word.is(text, words[v].start as usize, words[v].end as usize)
                        && let Some(done) = self.complete(cue, read, k + 1, v)
                    {
                        return Some(done);
                    }
                }
                return None;
            }
            Step::Gap => unreachable!("parse refuses two gaps in a row and a trailing gap"),
        };
        let mut tried = usize::MAX;
        for r in at.after(literal, found, w) {
            let f = &found[r as usize];
            let v = f.word as usize;
            if v <= w {
                continue;
            }
            if v > w + 1 + gap || words[v].sentence != words[w].sentence {
                return None;
            }
            if v == tried || !(stem || f.whole) || (f.clitic && !cue.arabic) {
                continue;
            }
            tried = v;
            if let Some(done) = self.complete(cue, read, k + 1, v) {
                return Some(done);
            }
        }
        None
    }

    fn find(&self, text: &Normalized, scratch: &mut Scratch) {
        let Scratch {
            words,
            found,
            meant,
            present_list,
            head,
            next,
            call,
            grouped,
            order,
            sorted,
            hits,
        } = scratch;
        hits.clear();
        self.read_words(text, words, found, meant);
        *call = call.wrapping_add(1);
        if *call == 0 {
            // Wrapped: no old stamp may pass for this call.
            head.clear();
            *call = 1;
        }
        if head.len() < self.literals {
            head.resize(self.literals, (0, 0));
        }
        // The literals in the text, each with its occurrences in text
        // order (built back to front).
        present_list.clear();
        next.clear();
        next.resize(found.len(), NONE);
        for (k, f) in found.iter().enumerate().rev() {
            let h = &mut head[f.literal as usize];
            if h.0 != *call {
                *h = (*call, NONE);
                present_list.push(f.literal);
            }
            next[k] = h.1;
            h.1 = k as u32;
        }
        grouped.clear();
        if found.len() > GROUPED_FROM {
            grouped.extend(found.iter().enumerate().map(|(k, f)| (f.literal, k as u32)));
            grouped.sort_unstable();
        }
        let at = Occurrences {
            head,
            next,
            call: *call,
            grouped,
        };
        let read = Read {
            text: text.as_bytes(),
            words,
            found,
            at: &at,
        };
        let holds = |l: &u32| at.first(*l) != NONE;
        let any = |range: std::ops::Range<usize>, mask: u8| -> bool {
            words[range].iter().any(|w| w.flags & mask != 0)
        };
        // Up to `n` words before `i`, back to a sentence end.
        let before = |i: usize, n: usize, mask: u8| -> bool {
            words[i.saturating_sub(n)..i]
                .iter()
                .rev()
                .take_while(|w| w.flags & flag::SENTENCE_END == 0)
                .any(|w| w.flags & mask != 0)
        };
        // Up to five words after `j`, to a sentence end.
        let after = |j: usize| -> bool {
            words[j + 1..(j + 6).min(words.len())]
                .iter()
                .take_while(|w| w.flags & flag::SENTENCE_END == 0)
                .any(|w| w.flags & flag::PROHIBITION != 0)
        };
        // The cues whose every word is in the text, reached from their
        // anchors, each tried at every occurrence of its first word; the
        // hits then take the text's order (cue word, then cue).
        order.clear();
        for &l in present_list.iter() {
            for &c in &self.anchored[l as usize] {
                let start = &self.starts[c as usize];
                let own = &self.literals_of[start.literals.0 as usize..start.literals.1 as usize];
                if !own.iter().all(holds) {
                    continue;
                }
                let cue = &self.cues[c as usize];
                let mut k = at.first(start.first);
                while k != NONE {
                    let here = k;
                    let f = &found[here as usize];
                    k = at.next[here as usize];
                    if !(start.stem || f.whole) || (f.clitic && !start.arabic) {
                        continue;
                    }
                    let i = f.word as usize;
                    let Some(j) = self.complete(cue, &read, 1, i) else {
                        continue;
                    };
                    order.push((here, c, hits.len() as u32));
                    hits.push(Hit {
                        element: cue.element,
                        cue: c as usize,
                        strength: cue.strength,
                        start: words[i].start as usize,
                        end: words[j].end as usize,
                        words: (i, j),
                        negated: !cue.negative
                            && (any(i..j + 1, flag::NEGATION)
                                || before(i, 3, flag::NEGATION)
                                || after(j)),
                        after_institution: before(i, 5, flag::INSTITUTION),
                        after_arabic_institution: before(i, 5, flag::ARABIC_INSTITUTION),
                    });
                }
            }
        }
        if hits.len() > 1 {
            order.sort_unstable();
            sorted.clear();
            sorted.extend(order.iter().map(|o| hits[o.2 as usize].clone()));
            std::mem::swap(hits, sorted);
        }
    }
}

/// Every cue of a rubric, ready to scan texts in the four languages.
pub struct Matcher {
    languages: Vec<(Language, LanguageMatcher)>,
    /// The text of every cue, then as a negation reverses it, language
    /// after language: what evidence quotes as its cue.
    quoted: Arc<[Arc<str>]>,
}

impl Matcher {
    /// A matcher of the concerns' topic words alone: a hit's element is
    /// the concern's index.
    pub fn topics(rubric: &Rubric) -> Matcher {
        let mut languages = Vec::new();
        for lang in Language::RUBRIC {
            let cues: Vec<(usize, Strength, String)> = rubric
                .concerns
                .iter()
                .enumerate()
                .flat_map(|(k, c)| {
                    c.topic
                        .get(lang.code())
                        .into_iter()
                        .flatten()
                        .map(move |t| (k, Strength::Weak, t.clone()))
                })
                .collect();
            languages.push((lang, LanguageMatcher::new(cues, &[], &[])));
        }
        Matcher {
            languages,
            quoted: Arc::new([]),
        }
    }
}

/// What a hit is: a cue of an element, the act of a concern's frame (its
/// index), or a word that shapes the sentence (a listing, an intent, a
/// hedge, a definition).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Element(usize),
    Stance(usize),
    Listing,
    Intent,
    Hedge,
    Definition,
}

impl Cue {
    /// Its own words include a negation ("may not change employer").
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// It says something, not only names a thing: words apart, or three
    /// words or more besides links ("titre de séjour" names a thing; in
    /// Arabic, which writes articles and prepositions into its words, two).
    pub fn says(&self) -> bool {
        self.says
    }
}

impl Matcher {
    /// The role of a hit's element index, for a rubric of `elements`
    /// elements and `concerns` concerns: elements first, then each
    /// concern's stance, then listings, intents, hedges and definitions.
    pub fn role(elements: usize, concerns: usize, element: usize) -> Role {
        let Some(k) = element.checked_sub(elements) else {
            return Role::Element(element);
        };
        if k < concerns {
            return Role::Stance(k);
        }
        match k - concerns {
            0 => Role::Listing,
            1 => Role::Intent,
            2 => Role::Hedge,
            _ => Role::Definition,
        }
    }

    pub fn new(rubric: &Rubric) -> Matcher {
        let mut languages = Vec::new();
        for lang in Language::RUBRIC {
            let mut cues = Vec::new();
            for (e, element) in rubric.elements.iter().enumerate() {
                let Some(c) = element.cues.get(lang.code()) else {
                    continue;
                };
                let all = c
                    .strong
                    .iter()
                    .map(|t| (Strength::Strong, t))
                    .chain(c.weak.iter().map(|t| (Strength::Weak, t)))
                    .chain(c.adverse.iter().map(|t| (Strength::Adverse, t)));
                cues.extend(all.map(|(s, t)| (e, s, t.clone())));
            }
            // Frames: concern k's stance words as "element" n + k (see
            // `Matcher::role`). Its topic words are looked for only in
            // the sentence of a stance, by `Matcher::topics`: they are
            // common words, and the walk would meet them everywhere.
            let n = rubric.elements.len();
            for (k, c) in rubric.concerns.iter().enumerate() {
                let code = lang.code();
                for t in c.stance.get(code).into_iter().flatten() {
                    cues.push((n + k, Strength::Adverse, t.clone()));
                }
            }
            let shaping = n + rubric.concerns.len();
            for t in rubric.listings.get(lang.code()).into_iter().flatten() {
                cues.push((shaping, Strength::Weak, t.clone()));
            }
            for t in rubric.intents.get(lang.code()).into_iter().flatten() {
                cues.push((shaping + 1, Strength::Weak, t.clone()));
            }
            for t in rubric.hedges.get(lang.code()).into_iter().flatten() {
                cues.push((shaping + 2, Strength::Weak, t.clone()));
            }
            for t in rubric.definitions.get(lang.code()).into_iter().flatten() {
                cues.push((shaping + 3, Strength::Weak, t.clone()));
            }
            let negations: Vec<String> = rubric
                .negations
                .get(lang.code())
                .map(|n| n.iter().map(|w| normalize(w).into_text()).collect())
                .unwrap_or_default();
            let prohibitions: Vec<String> = rubric
                .prohibitions
                .get(lang.code())
                .map(|n| {
                    n.iter()
                        .map(|w| normalize(w.trim_end_matches('*')).into_text())
                        .collect()
                })
                .unwrap_or_default();
            languages.push((lang, LanguageMatcher::new(cues, &negations, &prohibitions)));
        }
        let mut quoted = Vec::new();
        for (lang, m) in &mut languages {
            for cue in &mut m.cues {
                let n = rubric.elements.len();
                if let Role::Stance(k) = Matcher::role(n, rubric.concerns.len(), cue.element) {
                    cue.concern = Some(k as u32);
                } else if cue.element < n && cue.strength == Strength::Adverse {
                    let element = &rubric.elements[cue.element].id;
                    cue.concern = rubric
                        .concern_of(element, lang.code(), &cue.text)
                        .map(|c| c as u32);
                }
                cue.quoted = quoted.len() as u32;
                quoted.extend([cue.text.clone(), cue.reversed.clone()]);
            }
        }
        Matcher {
            languages,
            quoted: quoted.into(),
        }
    }

    /// The texts evidence quotes as its cue, which [`Cue::quoted`] indexes.
    pub fn quoted(&self) -> &Arc<[Arc<str>]> {
        &self.quoted
    }

    fn language(&self, lang: Language) -> Option<&LanguageMatcher> {
        self.languages
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, m)| m)
    }

    /// The cues of `lang`, which [`Hit::cue`] indexes.
    pub fn cues(&self, lang: Language) -> &[Cue] {
        self.language(lang).map_or(&[], |m| &m.cues)
    }

    /// Every cue of `lang` in `text` (normalised), into `scratch.hits`, in
    /// the order of the words they start at.
    pub fn find_into(&self, lang: Language, text: &Normalized, scratch: &mut Scratch) {
        match self.language(lang) {
            Some(m) => m.find(text, scratch),
            None => scratch.hits.clear(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long clause (past [`GROUPED_FROM`] cue words) is searched through
    /// sorted occurrences: it finds what the short path finds, piece by
    /// piece.
    #[test]
    fn a_long_clause_finds_what_its_pieces_find() {
        let rubric = Rubric::builtin();
        let m = Matcher::new(&rubric);
        let unit = "Article 1. The employer shall bear the recruitment fees and the worker shall not pay any fee. ";
        let mut scratch = Scratch::default();
        let one = {
            m.find_into(Language::En, &normalize(unit), &mut scratch);
            scratch
                .hits
                .iter()
                .map(|h| (h.cue, h.words.1 - h.words.0))
                .collect::<Vec<_>>()
        };
        assert!(!one.is_empty());
        let long = unit.repeat(400);
        m.find_into(Language::En, &normalize(&long), &mut scratch);
        assert!(
            scratch.found.len() > GROUPED_FROM,
            "{}",
            scratch.found.len()
        );
        let all: Vec<(usize, usize)> = scratch
            .hits
            .iter()
            .map(|h| (h.cue, h.words.1 - h.words.0))
            .collect();
        assert_eq!(all.len(), one.len() * 400);
        for piece in all.chunks(one.len()) {
            let mut piece = piece.to_vec();
            let mut expected = one.clone();
            piece.sort_unstable();
            expected.sort_unstable();
            assert_eq!(piece, expected);
        }
    }

    fn matches(cue: &str, text: &str) -> bool {
        let m = LanguageMatcher::new(vec![(0, Strength::Strong, cue.to_string())], &[], &[]);
        let mut scratch = Scratch::default();
        m.find(&normalize(text), &mut scratch);
        !scratch.hits.is_empty()
    }

    #[test]
    fn stems_gaps_and_sentences() {
        assert!(matches(
            "recruitment fee*",
            "No recruitment fees shall be charged"
        ));
        assert!(!matches("recruitment fee", "recruitment feeds"));
        assert!(matches(
            "fee* ~ charged",
            "fees shall not be charged to workers"
        ));
        assert!(!matches(
            "fee* ~ charged",
            "fees shall not, under any circumstances whatsoever, be charged"
        ));
        assert!(!matches("fee* ~ charged", "the fees. It is charged"));
        assert!(matches(
            "frais de recrutement",
            "Les FRAIS DE RECRUTEMENT sont à la charge"
        ));
        assert!(matches("d origine", "pays d'origine"));
        assert!(!matches("cost*", "accost"));
    }

    #[test]
    fn arabic_clitics_and_forms() {
        assert!(matches("ضمان اجتماعي", "يستفيد العمال من الضمان الاجتماعي"));
        assert!(matches("ضمان اجتماعي", "وبالضمان الاجتماعي"));
        assert!(matches("جواز سفر", "لا يجوز الاحتفاظ بجواز السفر"));
        assert!(matches("اقامه", "تصريح الإقامة"));
        assert!(!matches("سفر", "سفراء"));
        assert!(matches("سفر*", "سفراء"));
    }

    /// The hits of `cues` (strong, in order) in `text`, as (cue index,
    /// matched normalised words, negated, after an institution word).
    fn hits(cues: &[&str], text: &str) -> Vec<(usize, String, bool, bool)> {
        let m = LanguageMatcher::new(
            cues.iter()
                .map(|c| (0, Strength::Strong, c.to_string()))
                .collect(),
            &["not".to_string(), "no".to_string()],
            &["prohibit".to_string()],
        );
        let n = normalize(text);
        let mut scratch = Scratch::default();
        m.find(&n, &mut scratch);
        scratch
            .hits
            .iter()
            .map(|h| {
                (
                    h.cue,
                    n.text()[h.start..h.end].to_string(),
                    h.negated,
                    h.after_institution,
                )
            })
            .collect()
    }

    #[test]
    fn hits_come_in_text_order_then_rubric_order() {
        let found = hits(
            &["wage*", "recruitment fee*", "recruitment", "fee*"],
            "Wages are paid monthly; recruitment fees are borne by the employer.",
        );
        let cues: Vec<usize> = found.iter().map(|h| h.0).collect();
        assert_eq!(cues, [0, 1, 2, 3]);
        assert_eq!(found[1].1, "recruitment fees");
        // A cue whose words are all in the text, but not in its order,
        // does not fire.
        assert!(hits(&["fee* ~ employer"], "the employer pays the fees").is_empty());
        // The same cue at each place it stands.
        assert_eq!(hits(&["fee*"], "fees, fees and fees").len(), 3);
    }

    #[test]
    fn negation_prohibition_and_institution_windows() {
        // Up to three words before, or inside; not across a sentence end.
        assert!(hits(&["fee*"], "workers shall not pay any fees")[0].2);
        assert!(!hits(&["fee*"], "not one of the four listed fees")[0].2);
        assert!(!hits(&["fee*"], "It is not so. Fees apply")[0].2);
        // A prohibition up to five words after.
        assert!(hits(&["fee*"], "fees charged to workers are prohibited")[0].2);
        assert!(!hits(&["fee*"], "fees are charged. This is prohibited")[0].2);
        // An institution word up to five words before.
        assert!(
            hits(
                &["social security"],
                "the Ministry of Labour and Social Security"
            )[0]
            .3
        );
        assert!(!hits(&["social security"], "workers have social security")[0].3);
    }

    /// The walk reads a clause in parts side by side: a cue is found in
    /// whichever part its words fall, and across the parts' bounds.
    #[test]
    fn cues_are_found_in_every_part_of_the_walk() {
        let filler = [
            "the", "parties", "shall", "meet", "each", "year", "in", "turn", "x",
        ];
        for at in 0..filler.len() {
            let mut words = filler.to_vec();
            words[at] = "fees";
            let text = words.join(" ");
            let found = hits(&["fee*"], &text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].1, "fees", "{text}");
            // A two-word cue across any two neighbouring words.
            if at + 1 < filler.len() {
                words[at + 1] = "charged";
                let text = words.join(" ");
                let found = hits(&["fee* charged"], &text);
                assert_eq!(found.len(), 1, "{text}");
                assert_eq!(found[0].1, "fees charged", "{text}");
            }
        }
        // Arabic words, walked in parts, then after their clitics.
        let found = hits(
            &["ضمان اجتماعي"],
            "ان العمال يستفيدون من الضمان الاجتماعي وبالضمان الاجتماعي",
        );
        assert_eq!(found.len(), 2);
    }

    /// Short words that no cue starts with are compared where a cue needs
    /// them, not found by the walk: whole words only, after a gap too,
    /// within the sentence, up to the text's last byte; and a negation
    /// among them still negates.
    #[test]
    fn short_words_are_compared_in_place() {
        let words = |cues: &[&str], text: &str| -> Vec<String> {
            hits(cues, text).into_iter().map(|h| h.1).collect()
        };
        assert_eq!(
            words(&["fee* ~ to worker*"], "fees charged to workers"),
            ["fees charged to workers"]
        );
        assert!(words(&["fee* ~ to worker*"], "fees paid by workers").is_empty());
        assert!(words(&["fee* to"], "fees toward").is_empty());
        assert!(words(&["fee* ~ of"], "fees. Of").is_empty());
        assert_eq!(words(&["paid by"], "paid by"), ["paid by"]);
        assert_eq!(
            words(&["paid by"], "wages are paid by the employer"),
            ["paid by"]
        );
        // "of" starts a cue here, so both cues find it through the walk.
        assert_eq!(
            words(&["of origin", "country of origin"], "country of origin").len(),
            2
        );
        let found = hits(&["pay no fee*", "fee*"], "workers pay no fees");
        assert_eq!((found[0].0, found[0].2), (0, false));
        assert_eq!((found[1].0, found[1].2), (1, true));
    }

    #[test]
    fn bad_cues_are_refused() {
        assert!(Pattern::parse("~ fee").is_err());
        assert!(Pattern::parse("fee ~").is_err());
        assert!(Pattern::parse("re*cruit").is_err());
        assert!(Pattern::parse("  ").is_err());
    }
}
