//! Regression guard: the pipeline's entities on CoNLL-2003 testa (`conll2003.dev.jsonl`)
//! must keep exact-match F1 ≥ 0.88, scored as `score.py` scores them (exact span and
//! label, code-point offsets into the input). Skips when `../shared` is absent.

use verbatim::pipeline::ner::train::{count, load_jsonl, Counts};
use verbatim::pipeline::{ArticleInput, Pipeline};

const DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/eval/data/conll2003.dev.jsonl"
);
const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/eval/fixtures/nato-romania-bulgaria.gold.jsonl"
);

fn score(path: &str) -> Option<[Counts; 5]> {
    let p = std::path::Path::new(path);
    if !p.exists() {
        println!("skipping: {path} not found (../shared/eval is not beside the repo)");
        return None;
    }
    let docs = load_jsonl(p).expect("readable gold file");
    let pipeline = Pipeline::load();
    let mut total = [Counts::default(); 5];
    for g in docs.iter().filter(|g| !g.entities.is_empty()) {
        let a = pipeline.analyze(&ArticleInput::text(&g.text));
        let pred: Vec<_> = a
            .entities
            .iter()
            .map(|m| {
                (
                    a.offsets.input_char(m.span.start),
                    a.offsets.input_end(m.span.end),
                    m.label,
                )
            })
            .collect();
        for (t, c) in total.iter_mut().zip(count(&g.entities, &pred)) {
            t.add(c);
        }
    }
    Some(total)
}

fn report(name: &str, c: &[Counts; 5]) -> f64 {
    let names = ["all", "PER", "ORG", "LOC", "MISC"];
    for (n, c) in names.iter().zip(c) {
        let (p, r, f) = c.prf();
        println!("{name} {n:5} P {p:.4} R {r:.4} F1 {f:.4} (gold {})", c.gold);
    }
    c[0].prf().2
}

#[test]
fn conll_dev_entity_f1_at_least_0_88() {
    let Some(c) = score(DEV) else { return };
    let f = report("conll2003.dev", &c);
    assert!(f >= 0.88, "CoNLL dev entity F1 {f:.4} < 0.88");
}

#[test]
fn seed_fixture_entity_f1_at_least_0_92() {
    let Some(c) = score(FIXTURE) else { return };
    let f = report("fixture", &c);
    assert!(f >= 0.92, "fixture entity F1 {f:.4} < 0.92");
}

/// Throughput report, not a check (no timing assertions):
/// `cargo test --release --test ner_dev -- --ignored --nocapture`.
#[test]
#[ignore]
fn ner_speed_report() {
    use std::time::Instant;
    use verbatim::pipeline::entities::NerModel;
    use verbatim::pipeline::{normalize, segment};
    let p = std::path::Path::new(DEV);
    if !p.exists() {
        println!("skipping: {DEV} not found");
        return;
    }
    let t0 = Instant::now();
    let model = NerModel::embedded();
    println!(
        "model load: {:.1} ms ({} features)",
        t0.elapsed().as_secs_f64() * 1e3,
        model.features()
    );
    // CoNLL dev (dense: tables, short lines) plus PolNeAR dev (running news prose).
    let polnear = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/data/polnear.dev.jsonl"
    ));
    let mut gold = load_jsonl(p).unwrap();
    if polnear.exists() {
        gold.extend(load_jsonl(polnear).unwrap());
    }
    let docs: Vec<(String, segment::Doc)> = gold
        .into_iter()
        .map(|g| {
            let t = normalize::normalize(&g.text).text;
            let d = segment::segment(&t);
            (t, d)
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let t1 = Instant::now();
    for (t, _) in &docs {
        std::hint::black_box(segment::segment(t));
    }
    let seg = t1.elapsed().as_secs_f64();
    let rounds = 40;
    let c2 = cpu_ns();
    let t2 = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for (t, d) in &docs {
            n += std::hint::black_box(model.tag(t, d)).len();
        }
    }
    let tag = t2.elapsed().as_secs_f64() / rounds as f64;
    if let (Some(a), Some(b)) = (c2, cpu_ns()) {
        let cpu = (b - a) as f64 / 1e9 / rounds as f64;
        println!(
            "tagging on CPU time (this thread): {:.1} MB/s",
            bytes as f64 / cpu / 1e6
        );
    }
    println!(
        "{} bytes: tagging {:.1} MB/s ({} mentions/round), segmenting {:.1} MB/s",
        bytes,
        bytes as f64 / tag / 1e6,
        n / rounds,
        bytes as f64 / seg / 1e6
    );
}

/// This thread's CPU time in ns (Linux), so a busy machine does not skew the figure.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}
