//! Service settings from flags and environment (see `verbatim serve --help`).

use std::net::SocketAddr;
use std::path::PathBuf;

pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
pub const DEFAULT_DB: &str = "verbatim.db";
pub const DEFAULT_MAX_BODY: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "VERBATIM_ADDR", default_value = DEFAULT_ADDR)]
    pub addr: SocketAddr,
    /// SQLite database file; created and migrated on start.
    #[arg(long, env = "VERBATIM_DB", default_value = DEFAULT_DB)]
    pub db: PathBuf,
    /// Largest request body, in bytes.
    #[arg(long, env = "VERBATIM_MAX_BODY", default_value_t = DEFAULT_MAX_BODY)]
    pub max_body: usize,
    /// Whole-request time limit, in seconds.
    #[arg(long, env = "VERBATIM_TIMEOUT_SECS", default_value_t = 60)]
    pub timeout_secs: u64,
    /// When set, POST and DELETE need `Authorization: Bearer <key>`.
    #[arg(long, env = "VERBATIM_API_KEY", hide_env_values = true)]
    pub api_key: Option<String>,
    /// When set, GET routes need this key (or the API key); /health and /ready stay open.
    #[arg(long, env = "VERBATIM_READ_KEY", hide_env_values = true)]
    pub read_key: Option<String>,
    /// Origins allowed to call the API from a browser, comma-separated (`*` for any).
    /// Unset: CORS is off.
    #[arg(long, env = "VERBATIM_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,
    /// fsync every group commit (`synchronous=FULL`): acknowledged articles survive a
    /// power loss too. Off: `synchronous=NORMAL`, safe against process crashes.
    #[arg(long, env = "VERBATIM_FULL_SYNC")]
    pub full_sync: bool,
    /// Log lines as JSON (same as `--log-format json`).
    #[arg(long, env = "VERBATIM_LOG_JSON")]
    pub log_json: bool,
    /// Log format: `text`, or `json` (one object per line; lines logged while answering a
    /// request carry its `request_id`, as sent back in `x-request-id`).
    #[arg(long, env = "VERBATIM_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}
