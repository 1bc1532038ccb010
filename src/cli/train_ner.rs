//! `verbatim train-ner`: train the NER model on CoNLL-style JSONL and write it out.

use crate::pipeline::ner::train::{self, TrainOptions};
use anyhow::Context;
use std::path::PathBuf;

pub fn run(
    train_path: PathBuf,
    dev: Option<PathBuf>,
    unlabeled: Vec<PathBuf>,
    out: PathBuf,
    epochs: usize,
    seed: u64,
) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let docs = train::load_jsonl(&train_path)
        .with_context(|| format!("reading {}", train_path.display()))?;
    let dev_docs = match dev {
        Some(p) => Some(train::load_jsonl(&p).with_context(|| format!("reading {}", p.display()))?),
        None => None,
    };
    // Unlabeled text for word clusters: only the "text" of each line is read.
    let mut texts = Vec::new();
    for p in &unlabeled {
        let more = train::load_jsonl(p).with_context(|| format!("reading {}", p.display()))?;
        texts.extend(more.into_iter().map(|d| d.text));
    }
    let clusters = train::learn_clusters(&docs, &texts);
    eprintln!(
        "clusters learned in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let model = train::train(
        &docs,
        dev_docs.as_deref(),
        clusters,
        &TrainOptions { epochs, seed },
    );
    std::fs::write(&out, &model).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s",
        out.display(),
        model.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
