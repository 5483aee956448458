//! The command line, run as a user would: demo data, import with bad rows,
//! export and re-import, and serving.

mod cli;
