//! The `verbatim` command line: `serve`, `analyze`, and friends.

use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use verbatim::cli;
use verbatim::config::{ServeArgs, DEFAULT_ADDR};

#[derive(Parser)]
#[command(
    name = "verbatim",
    version,
    about = "Who said what, about whom: quotes, speakers and entities from news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and print the analysis as JSON, storing nothing.
    Analyze {
        /// A text or HTML file, or `-` for standard input.
        file: Option<PathBuf>,
        /// Read `{"id","text"|"html","title"?}` lines and write one scorer line per article.
        #[arg(long, conflicts_with = "file")]
        jsonl: Option<PathBuf>,
        /// Worker threads for `--jsonl` (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Train the named-entity model on CoNLL-style JSONL (code-point entity offsets).
    TrainNer {
        #[arg(long)]
        train: PathBuf,
        /// Optional JSONL to report F1 on after each epoch (measuring only).
        #[arg(long)]
        dev: Option<PathBuf>,
        /// JSONL files whose "text" (labels ignored) adds to the word-cluster corpus.
        #[arg(long)]
        unlabeled: Vec<PathBuf>,
        #[arg(long, default_value = "data/ner.model")]
        out: PathBuf,
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        #[arg(long, default_value_t = 20031)]
        seed: u64,
    },
    /// Run the HTTP service on a SQLite file (created and migrated on start).
    Serve(ServeArgs),
    /// Fill a database with synthetic articles, quotes and actors (for query benchmarks).
    SeedDemo {
        #[arg(long, env = "VERBATIM_DB", default_value = verbatim::config::DEFAULT_DB)]
        db: PathBuf,
        /// Number of quotes to create.
        #[arg(long, default_value_t = 100_000)]
        quotes: usize,
        /// Number of distinct people speaking and spoken about (at most 79,872).
        #[arg(long, default_value_t = 50_000)]
        actors: usize,
        /// Quotes per article.
        #[arg(long, default_value_t = 8)]
        per_article: usize,
    },
    /// Load a running service over loopback; prints throughput and p50/p95/p99.
    Loadtest {
        #[arg(long, env = "VERBATIM_ADDR", default_value = DEFAULT_ADDR)]
        addr: SocketAddr,
        #[arg(long, value_enum, default_value = "ingest")]
        mode: cli::loadtest::Mode,
        #[arg(long, default_value_t = 32)]
        clients: usize,
        /// Stop after this many requests...
        #[arg(long, default_value_t = 20_000)]
        requests: usize,
        /// ...or after this many seconds.
        #[arg(long, default_value_t = 30)]
        max_secs: u64,
        /// How many seed-demo actors the query modes pick names from.
        #[arg(long, default_value_t = 50_000)]
        actors: usize,
    },
    /// Load files and folders (.txt, .html, .json, .jsonl, .ndjson) into the database,
    /// or into a running service with --server.
    Ingest(cli::ingest::IngestArgs),
    /// Write the stored quotes as JSON lines or CSV.
    Export(cli::export::ExportArgs),
    /// Check that a running service answers GET /health (exit code 0 or 1).
    Healthcheck {
        /// Address of the running service.
        #[arg(long, env = "VERBATIM_ADDR", default_value = DEFAULT_ADDR)]
        addr: SocketAddr,
    },
}

fn main() -> anyhow::Result<()> {
    let args = Cli::parse();
    match args.command {
        Command::Analyze {
            file,
            jsonl,
            threads,
        } => cli::analyze::run(file, jsonl, threads),
        Command::TrainNer {
            train,
            dev,
            unlabeled,
            out,
            epochs,
            seed,
        } => cli::train_ner::run(train, dev, unlabeled, out, epochs, seed),
        Command::Serve(serve) => cli::serve::run(serve),
        Command::SeedDemo {
            db,
            quotes,
            actors,
            per_article,
        } => cli::seed_demo::run(db, quotes, actors, per_article),
        Command::Loadtest {
            addr,
            mode,
            clients,
            requests,
            max_secs,
            actors,
        } => cli::loadtest::run(cli::loadtest::Args {
            addr,
            mode,
            clients,
            requests,
            max_secs,
            actors,
        }),
        Command::Healthcheck { addr } => cli::healthcheck::run(addr),
        Command::Ingest(args) => cli::ingest::run(args),
        Command::Export(args) => cli::export::run(args),
    }
}
