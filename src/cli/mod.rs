//! Subcommand implementations; `main.rs` only parses flags and dispatches.

pub mod analyze;
pub mod healthcheck;
pub mod serve;
pub mod train_ner;
