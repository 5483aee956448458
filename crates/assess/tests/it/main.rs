//! The engine on whole texts: the built-in rubric, evidence offsets,
//! adverse clauses and negation, in the four languages.

mod engine;
