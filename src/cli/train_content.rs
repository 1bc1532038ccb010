//! `verbatim train-content`: train the content-span tagger on PolNeAR-style JSONL.

use crate::pipeline::content_model::ContentModel;
use crate::pipeline::content_train::{self, TrainOptions};
use crate::pipeline::entities::NerModel;
use crate::pipeline::{ArticleInput, Pipeline};
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    pub train: PathBuf,
    #[arg(long, default_value = "data/content.model")]
    pub out: PathBuf,
    #[arg(long, default_value_t = 8)]
    pub epochs: usize,
    #[arg(long, default_value_t = 2018)]
    pub seed: u64,
    /// Gold quote kinds to learn, comma-separated (default: all).
    #[arg(long)]
    pub kinds: Option<String>,
    /// Optional JSONL to measure on after training (the weights never see it).
    #[arg(long)]
    pub eval: Option<PathBuf>,
    /// Write scorer lines for `--eval` here (run through the whole pipeline).
    #[arg(long, requires = "eval")]
    pub eval_out: Option<PathBuf>,
    /// Measuring only: skip the reported-content gate for `--eval` (keep every proposal
    /// the rules did not find, without a speaker).
    #[arg(long)]
    pub no_gate: bool,
}

pub fn run(a: Args) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let docs = content_train::load_jsonl(&a.train)
        .with_context(|| format!("reading {}", a.train.display()))?;
    let ner = NerModel::embedded();
    let kinds: Vec<String> = a
        .kinds
        .as_deref()
        .unwrap_or("")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let model = content_train::train(
        &docs,
        &ner,
        &TrainOptions {
            epochs: a.epochs,
            seed: a.seed,
            kinds,
        },
    );
    std::fs::write(&a.out, &model).with_context(|| format!("writing {}", a.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s",
        a.out.display(),
        model.len(),
        started.elapsed().as_secs_f64()
    );
    // Measuring only: tag a held-out file with the new model, write scorer lines.
    if let Some(eval) = a.eval {
        let mut content = ContentModel::from_bytes(&model).map_err(anyhow::Error::msg)?;
        content.gate = !a.no_gate;
        let edocs = content_train::load_jsonl(&eval)
            .with_context(|| format!("reading {}", eval.display()))?;
        let (m, p, g) = content_train::span_counts(&edocs, &ner, &content);
        eprintln!(
            "raw tagger spans on {}: {m} matched, {p} predicted, {g} gold (P {:.3} R {:.3})",
            eval.display(),
            m as f64 / p.max(1) as f64,
            m as f64 / g.max(1) as f64
        );
        if let Some(out) = a.eval_out {
            let pipeline = Pipeline {
                ner,
                content: Some(content),
            };
            let mut w = std::io::BufWriter::new(std::fs::File::create(&out)?);
            for d in &edocs {
                let an = pipeline.analyze(&ArticleInput::text(&d.text));
                let line = super::analyze::scorer_line(&d.id, &an, None);
                writeln!(w, "{line}")?;
            }
        }
    }
    Ok(())
}
