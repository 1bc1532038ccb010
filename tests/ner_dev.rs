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
                    a.offsets.input_char(m.span.end),
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
fn seed_fixture_entity_f1_at_least_0_85() {
    let Some(c) = score(FIXTURE) else { return };
    let f = report("fixture", &c);
    assert!(f >= 0.85, "fixture entity F1 {f:.4} < 0.85");
}
