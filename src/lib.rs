//! Verbatim: who said what, about whom.
//!
//! Data flows one way: HTTP (`api`) → ingest → `pipeline` → `store` → query → HTTP.

pub mod cli;
pub mod pipeline;
