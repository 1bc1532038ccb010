//! Not a timing assertion: an ignored probe that prints how fast the store takes
//! articles through the group-commit writer (`cargo test --release --test
//! store_throughput -- --ignored --nocapture`).

mod common;

use common::Built;
use std::sync::Arc;
use std::time::Instant;
use verbatim::pipeline::{ActorKind, EntityLabel, QuoteKind};
use verbatim::store::{NewArticle, Store};

fn article(i: usize) -> verbatim::pipeline::Analysis {
    let mut text = format!("Report {i}. ");
    let people: Vec<String> = (0..8)
        .map(|k| format!("Person{} Name{}", (i * 7 + k) % 5000, k))
        .collect();
    for p in &people {
        text.push_str(&format!(
            "\u{201c}We will act on item {i},\u{201d} {p} said in Vienna. "
        ));
    }
    text.push_str(&"Filler words about the talks and the weather. ".repeat(40));
    let mut b = Built::new(&text);
    for p in &people {
        b = b.actor(
            p,
            ActorKind::Person,
            &[p.split(' ').nth(1).unwrap()],
            &[(p.as_str(), EntityLabel::Per)],
        );
    }
    b = b.actor(
        "Vienna",
        ActorKind::Place,
        &[],
        &[("Vienna", EntityLabel::Loc)],
    );
    for (k, p) in people.iter().enumerate() {
        let q = format!("\u{201c}We will act on item {i},\u{201d} {p}");
        let q = &q[..q.len() - p.len() - 1];
        b = b.quote(q, QuoteKind::Direct, "said", p, k);
    }
    b.done()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a probe that prints throughput, run by hand"]
async fn group_commit_throughput() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(&dir.path().join("t.db")).await.unwrap());
    let n = 2000;
    let articles: Vec<_> = (0..n).map(article).collect();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for chunk in articles.chunks(n / 32) {
        let store = store.clone();
        let chunk = chunk.to_vec();
        tasks.push(tokio::spawn(async move {
            for analysis in chunk {
                store
                    .insert(NewArticle {
                        analysis,
                        url: None,
                        source: None,
                        byline: None,
                        language: None,
                        published_at: None,
                    })
                    .await
                    .unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{n} articles in {secs:.2}s: {:.0} articles/s",
        n as f64 / secs
    );
}
