//! The engine on whole texts: the built-in rubric, evidence offsets,
//! adverse clauses and negation, in the four languages; and its scores on
//! the labelled corpus.

mod corpus;
mod engine;
