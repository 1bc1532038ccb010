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
    /// Run the HTTP service on a SQLite file (created and migrated on start).
    Serve(ServeArgs),
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
        Command::Serve(serve) => cli::serve::run(serve),
        Command::Healthcheck { addr } => cli::healthcheck::run(addr),
    }
}
