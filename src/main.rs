//! The `verbatim` command line: `serve`, `analyze`, and friends.

use clap::{Parser, Subcommand};

// mimalloc instead of glibc malloc: a profile of `GET /quotes` under load spent ~17% of
// the server's CPU in glibc's malloc, free and malloc_consolidate (SQLite's page cache,
// row strings, JSON buffers), across threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
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
    /// Train the reported-content tagger on PolNeAR-style JSONL (code-point quote offsets).
    TrainContent(cli::train_content::Args),
    /// Run the HTTP service on a SQLite file (created and migrated on start).
    Serve(ServeArgs),
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
    /// Load-test a running service on loopback (bounded count and time).
    Loadtest(cli::loadtest::LoadtestArgs),
    /// Fill a database with synthetic quotes and actors for the query load test.
    SeedDemo {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 1_000_000)]
        quotes: usize,
        #[arg(long, default_value_t = 50_000)]
        actors: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
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
        Command::TrainContent(args) => cli::train_content::run(args),
        Command::Serve(serve) => cli::serve::run(serve),
        Command::Ingest(args) => cli::ingest::run(args),
        Command::Export(args) => cli::export::run(args),
        Command::Healthcheck { addr } => cli::healthcheck::run(addr),
        Command::Loadtest(args) => cli::loadtest::run(args),
        Command::SeedDemo {
            db,
            quotes,
            actors,
            seed,
        } => cli::seed_demo::run(db, quotes, actors, seed),
    }
}
