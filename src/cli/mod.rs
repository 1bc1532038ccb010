//! Subcommand implementations; `main.rs` only parses flags and dispatches.

pub mod analyze;
pub mod train_ner;
