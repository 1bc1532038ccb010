//! `verbatim export`: the stored quotes as JSON lines or CSV, newest first, with speaker,
//! article URL, title and date.

use crate::ingest::parse_date;
use crate::store::model::QuoteView;
use crate::store::{QuoteFilter, Store};
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Only quotes by this speaker (name, surname or alias; case and accents ignored).
    #[arg(long)]
    pub speaker: Option<String>,
    /// Only quotes from articles dated on or after this (YYYY-MM-DD or RFC 3339).
    #[arg(long)]
    pub since: Option<String>,
    /// Only quotes from articles dated on or before this (a whole day for YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// SQLite database file (must exist).
    #[arg(long, env = "VERBATIM_DB", default_value = crate::config::DEFAULT_DB)]
    pub db: PathBuf,
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// The columns, in CSV order; JSON lines use the same names.
pub const COLUMNS: [&str; 15] = [
    "quote_id",
    "date",
    "kind",
    "text",
    "speaker",
    "speaker_actor_id",
    "speaker_text",
    "role",
    "affiliation",
    "confidence",
    "cue",
    "article_id",
    "article_title",
    "article_url",
    "source",
];

fn row(q: &QuoteView) -> serde_json::Value {
    let sp = q.speaker.as_ref();
    serde_json::json!({
        "quote_id": q.id,
        "date": q.date,
        "kind": q.kind,
        "text": q.text,
        "speaker": sp.and_then(|s| s.canonical_name.clone().or_else(|| s.name.clone())),
        "speaker_actor_id": sp.and_then(|s| s.actor_id),
        "speaker_text": sp.and_then(|s| s.text.clone()),
        "role": sp.and_then(|s| s.role.clone()),
        "affiliation": sp.and_then(|s| s.affiliation.clone()),
        "confidence": q.confidence,
        "cue": q.cue.as_ref().map(|c| c.text.clone()),
        "article_id": q.article_id,
        "article_title": q.article_title,
        "article_url": q.article_url,
        "source": q.source,
    })
}

/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
/// A leading `=`, `+`, `-` or `@` gets a `'` so spreadsheets do not run it as a formula.
pub fn csv_field(v: &serde_json::Value) -> String {
    let s = match v {
        serde_json::Value::Null => return String::new(),
        serde_json::Value::String(s) => {
            if s.starts_with(['=', '+', '-', '@']) {
                format!("'{s}")
            } else {
                s.clone()
            }
        }
        other => other.to_string(),
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

pub fn run(args: ExportArgs) -> anyhow::Result<()> {
    if !args.db.exists() {
        anyhow::bail!("no database at {}", args.db.display());
    }
    let since = args
        .since
        .as_deref()
        .map(|s| parse_date(s, false).with_context(|| format!("--since {s:?}")))
        .transpose()?;
    let until = args
        .until
        .as_deref()
        .map(|s| parse_date(s, true).with_context(|| format!("--until {s:?}")))
        .transpose()?;
    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::new(out);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let n = runtime.block_on(async {
        let store = Store::open(&args.db)
            .await
            .with_context(|| format!("opening the database {}", args.db.display()))?;
        let mut filter = QuoteFilter {
            speaker: args.speaker.clone(),
            since,
            until,
            limit: 500,
            ..Default::default()
        };
        if args.format == Format::Csv {
            write!(out, "{}\r\n", COLUMNS.join(","))?;
        }
        let mut n = 0u64;
        loop {
            let page = store.quotes(&filter).await?;
            for q in &page.items {
                let r = row(q);
                match args.format {
                    Format::Jsonl => writeln!(out, "{r}")?,
                    Format::Csv => {
                        let fields: Vec<String> =
                            COLUMNS.iter().map(|c| csv_field(&r[*c])).collect();
                        write!(out, "{}\r\n", fields.join(","))?;
                    }
                }
                n += 1;
            }
            match (page.next_cursor, page.items.last()) {
                (Some(_), Some(last)) => filter.after = Some((last.date.clone(), last.id)),
                _ => break,
            }
        }
        store.close().await;
        anyhow::Ok(n)
    })?;
    out.flush()?;
    eprintln!("{n} quotes exported");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::csv_field;
    use serde_json::json;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field(&json!(null)), "");
        assert_eq!(csv_field(&json!(3)), "3");
        assert_eq!(csv_field(&json!("plain")), "plain");
        assert_eq!(csv_field(&json!("a, b")), "\"a, b\"");
        assert_eq!(csv_field(&json!("say \"no\"")), "\"say \"\"no\"\"\"");
        assert_eq!(csv_field(&json!("two\nlines")), "\"two\nlines\"");
        assert_eq!(csv_field(&json!("=cmd()")), "'=cmd()");
    }
}
