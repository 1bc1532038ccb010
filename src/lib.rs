//! Verbatim: who said what, about whom.
//!
//! Data flows one way: HTTP (`api`) → `ingest` → `pipeline` → `store` → query → HTTP.

pub mod api;
pub mod cli;
pub mod config;
pub mod ingest;
pub mod pipeline;
pub mod store;
