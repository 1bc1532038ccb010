//! Pipeline throughput, one thread: `cargo bench --bench pipeline`.
//!
//! Reads the texts of `../shared/eval/data/polnear.dev.jsonl` (US political news, ~10 KB
//! articles) and runs `Pipeline::analyze` over all of them per iteration; criterion reports
//! bytes/s (decimal MB). Then the same texts stage by stage (normalize, segment, NER,
//! quotes + attribution + actors) so we know where the time goes, and a one-line summary
//! (median of rounds: MB/s and articles/s) that `scripts/bench.sh` reads.
//!
//! When the eval data is absent (it is licensed news and not in the repository) the bench
//! says so and measures a small synthetic article instead.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;
use std::time::{Duration, Instant};
use verbatim::pipeline::{actors, attribution, normalize, quotes, segment, ArticleInput, Pipeline};

const POLNEAR_DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/eval/data/polnear.dev.jsonl"
);

const SYNTHETIC: &str = "NATO rejects Russian demands\n\n\
BRUSSELS — NATO will not withdraw its troops from Romania and Bulgaria, the alliance said on \
Friday, rejecting a demand from Moscow. “We reject any idea of spheres of influence in Europe,” \
NATO spokesperson Oana Lungescu said in a statement. “Allies will not renounce our ability to \
protect and defend each other.”\n\n\
The Russian foreign ministry said earlier that the alliance should pull back its forces. \
U.S. Secretary of State Antony Blinken said Washington had sent Moscow a written answer, and \
he told reporters that the door to dialogue remained open. According to Blinken, the answer \
sets out “a serious diplomatic path” if Russia chooses it.\n\n\
Kremlin spokesman Dmitry Peskov said Russia would study the reply. “It is obvious that \
there is not much room for optimism,” he said, adding that President Vladimir Putin would \
decide on the next steps.";

/// The texts to measure, and where they came from.
fn corpus() -> (Vec<String>, &'static str) {
    match std::fs::read_to_string(POLNEAR_DEV) {
        Ok(raw) => {
            let texts: Vec<String> = raw
                .lines()
                .filter(|l| !l.trim().is_empty())
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
                .collect();
            if texts.is_empty() {
                eprintln!("{POLNEAR_DEV} has no texts; measuring a synthetic article instead");
                (vec![SYNTHETIC.to_owned()], "synthetic")
            } else {
                (texts, "polnear.dev")
            }
        }
        Err(e) => {
            eprintln!(
                "{POLNEAR_DEV} not readable ({e}); measuring a small synthetic article instead \
                 (figures are not comparable with the PolNeAR ones)"
            );
            (vec![SYNTHETIC.to_owned()], "synthetic")
        }
    }
}

/// Each stage's input, computed once, so a stage can be measured on its own.
struct Prepared {
    text: String,
    body_end: usize,
    doc: segment::Doc,
    entities: Vec<verbatim::pipeline::Mention>,
}

fn prepare(pipeline: &Pipeline, texts: &[String]) -> Vec<Prepared> {
    texts
        .iter()
        .map(|t| {
            let text = normalize::normalize(t).text;
            let body_end = normalize::body_end(&text);
            let doc = segment::segment(&text[..body_end]);
            let entities = pipeline.ner.tag(&text, &doc);
            Prepared {
                text,
                body_end,
                doc,
                entities,
            }
        })
        .collect()
}

fn analyze_all(pipeline: &Pipeline, texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| pipeline.analyze(&ArticleInput::text(t)).quotes.len())
        .sum()
}

fn benches(c: &mut Criterion) {
    let (texts, source) = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let t0 = Instant::now();
    let pipeline = Pipeline::load();
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    eprintln!(
        "corpus: {source}, {} articles, {bytes} bytes; model load {load_ms:.1} ms",
        texts.len()
    );

    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::BytesDecimal(bytes as u64));
    g.bench_function(format!("analyze/{source}"), |b| {
        b.iter(|| black_box(analyze_all(&pipeline, black_box(&texts))))
    });
    g.finish();

    // Per stage, each on the previous stages' output (computed outside the timing).
    let prepared = prepare(&pipeline, &texts);
    let mut g = c.benchmark_group("stage");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .throughput(Throughput::BytesDecimal(bytes as u64));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for t in &texts {
                let n = normalize::normalize(black_box(t));
                black_box(normalize::body_end(&n.text));
            }
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(segment::segment(black_box(&p.text[..p.body_end])));
            }
        })
    });
    g.bench_function("ner", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(pipeline.ner.tag(black_box(&p.text), &p.doc));
            }
        })
    });
    g.bench_function("quotes+attribution+actors", |b| {
        b.iter_batched_ref(
            || {
                prepared
                    .iter()
                    .map(|p| p.entities.clone())
                    .collect::<Vec<_>>()
            },
            |entities| {
                for (p, ents) in prepared.iter().zip(entities.iter_mut()) {
                    let found = quotes::find_quotes(&p.text, &p.doc, ents);
                    let mut qs = attribution::attribute(&p.text, &p.doc, ents, found);
                    black_box(actors::resolve(&p.text, &p.doc, ents, &mut qs));
                }
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();

    summary(&pipeline, &texts, bytes, source);
}

/// Median of a few whole-corpus rounds, printed on one line for `scripts/bench.sh`.
fn summary(pipeline: &Pipeline, texts: &[String], bytes: usize, source: &str) {
    let rounds = 7;
    let mut secs: Vec<f64> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            black_box(analyze_all(pipeline, texts));
            t.elapsed().as_secs_f64()
        })
        .collect();
    secs.sort_by(f64::total_cmp);
    let median = secs[rounds / 2];
    println!(
        "SUMMARY pipeline corpus={source} articles={} bytes={bytes} median_s={median:.4} \
         mb_per_s={:.2} articles_per_s={:.0}",
        texts.len(),
        bytes as f64 / median / 1e6,
        texts.len() as f64 / median
    );
}

criterion_group!(pipeline_benches, benches);
criterion_main!(pipeline_benches);
