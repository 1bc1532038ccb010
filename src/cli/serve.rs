//! `verbatim serve`: the HTTP service.

use crate::api::{self, ApiConfig, AppState};
use crate::config::{LogFormat, ServeArgs};
use crate::ingest::PipelinePool;
use crate::pipeline::Pipeline;
use crate::store::{Store, StoreOptions};
use anyhow::Context;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub fn run(args: ServeArgs) -> anyhow::Result<()> {
    init_tracing(args.log_json || args.log_format == LogFormat::Json);
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(args))
}

fn init_tracing(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    // Colours only for someone reading at a terminal: in a log file or a collector's
    // input the escape codes are noise to every reader and every grep.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()));
    let _ = if json {
        builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .try_init()
    } else {
        builder.try_init()
    };
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let pipeline = tokio::task::spawn_blocking(Pipeline::load);
    let store = Store::open_with(
        &args.db,
        StoreOptions {
            full_sync: args.full_sync,
            ..StoreOptions::default()
        },
    )
    .await
    .with_context(|| format!("opening the database {}", args.db.display()))?;
    let store = Arc::new(store);
    let pipeline = PipelinePool::per_core(Arc::new(pipeline.await?))
        .context("starting the pipeline threads")?;
    let state = AppState {
        store: store.clone(),
        pipeline,
        config: Arc::new(ApiConfig {
            max_body: args.max_body,
            timeout: Duration::from_secs(args.timeout_secs.max(1)),
            api_key: args.api_key.filter(|k| !k.is_empty()),
            read_key: args.read_key.filter(|k| !k.is_empty()),
            cors_origins: args.cors_origins,
        }),
    };
    let app = api::router(state);
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("binding {}", args.addr))?;
    tracing::info!(
        addr = %listener.local_addr()?,
        db = %args.db.display(),
        startup_ms = started.elapsed().as_millis() as u64,
        "verbatim is listening"
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("no more requests; committing what is queued");
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutdown signal received");
}
