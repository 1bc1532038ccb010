//! Subcommand implementations; `main.rs` only parses flags and dispatches.

pub mod analyze;
pub mod export;
pub mod healthcheck;
pub mod ingest;
pub mod loadtest;
pub mod seed_demo;
pub mod serve;
pub mod train_content;
pub mod train_ner;
