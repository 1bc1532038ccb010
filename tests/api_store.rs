//! Store-level checks: query plans use the indexes, and the request parsers never panic.

mod common;

use common::{app, Built};
use proptest::prelude::*;
use verbatim::pipeline::{ActorKind, EntityLabel, QuoteKind};
use verbatim::store::QuoteFilter;

fn uses_index(plan: &[String], index: &str) -> bool {
    plan.iter().any(|l| l.contains(index))
}

fn scans_table(plan: &[String], table: &str) -> bool {
    plan.iter().any(|l| {
        (l == &format!("SCAN {table}") || l.starts_with(&format!("SCAN {table} ")))
            && !l.contains("USING")
    })
}

#[tokio::test]
async fn filters_use_their_indexes() {
    let app = app().await;
    let text = "“We reject any idea of spheres of influence,” Oana Lungescu said about Russia.";
    let a = Built::new(text)
        .actor(
            "Oana Lungescu",
            ActorKind::Person,
            &["Lungescu"],
            &[("Oana Lungescu", EntityLabel::Per)],
        )
        .actor(
            "Russia",
            ActorKind::Place,
            &[],
            &[("Russia", EntityLabel::Loc)],
        )
        .quote(
            "“We reject any idea of spheres of influence,”",
            QuoteKind::Direct,
            "said",
            "Oana Lungescu",
            0,
        )
        .done();
    app.store_analysis(a, "https://example.org/p", "2024-01-01")
        .await;
    let store = &app.store;

    let plan = store.name_lookup_plan().await.unwrap();
    assert!(uses_index(&plan, "sqlite_autoindex_actors_1"), "{plan:?}");
    assert!(uses_index(&plan, "actor_aliases_folded"), "{plan:?}");
    assert!(uses_index(&plan, "actors_surname"), "{plan:?}");

    let base = QuoteFilter {
        limit: 50,
        ..Default::default()
    };
    let cases = [
        (
            QuoteFilter {
                speaker: Some("lungescu".into()),
                ..base.clone()
            },
            "quotes_speaker",
        ),
        (
            QuoteFilter {
                actor_id: Some(1),
                ..base.clone()
            },
            "quotes_speaker",
        ),
        (
            QuoteFilter {
                article_id: Some(1),
                ..base.clone()
            },
            "quotes_article",
        ),
        (
            QuoteFilter {
                source: Some("wire".into()),
                ..base.clone()
            },
            "articles_source_dated",
        ),
        (
            QuoteFilter {
                source: Some("wire".into()),
                kind: Some("direct".into()),
                since: Some("2023-01-01T00:00:00Z".into()),
                after: Some(("2024-03-01T00:00:00Z".into(), 7)),
                ..base.clone()
            },
            "quotes_article",
        ),
        (
            QuoteFilter {
                q: Some("spheres".into()),
                ..base.clone()
            },
            "quotes_fts",
        ),
        (
            QuoteFilter {
                mentions: Some("russia".into()),
                ..base.clone()
            },
            "quote_mentions",
        ),
        (
            QuoteFilter {
                kind: Some("direct".into()),
                ..base.clone()
            },
            "quotes_sort_key",
        ),
        (
            QuoteFilter {
                since: Some("2023-01-01T00:00:00Z".into()),
                until: Some("2024-06-01T00:00:00Z".into()),
                after: Some(("2024-03-01T00:00:00Z".into(), 7)),
                ..base.clone()
            },
            "quotes_sort_key",
        ),
        (
            QuoteFilter {
                q: Some("spheres".into()),
                kind: Some("direct".into()),
                ..base.clone()
            },
            "quotes_fts",
        ),
        (base.clone(), "quotes_sort_key"),
    ];
    // A `q=` page's rows are read by sort key (the rowids of quotes_fts).
    let words = QuoteFilter {
        q: Some("spheres".into()),
        ..base.clone()
    };
    let plan = store.quotes_plan(&words).await.unwrap();
    assert!(uses_index(&plan, "quotes_sort_key"), "{plan:?}");
    for (filter, index) in cases {
        let plan = store.quotes_plan(&filter).await.unwrap();
        assert!(
            uses_index(&plan, index),
            "{filter:?} should use {index}: {plan:?}"
        );
        assert!(
            !scans_table(&plan, "q"),
            "{filter:?} scans quotes: {plan:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parsers_never_panic(s in any::<String>(), bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = verbatim::ingest::parse_json(&bytes);
        let _ = verbatim::ingest::parse_json(s.as_bytes());
        let _ = verbatim::ingest::split_plain_text(&s);
        let _ = verbatim::ingest::parse_date(&s, false);
        let _ = verbatim::ingest::body_format(Some(&s));
        let _ = verbatim::store::Cursor::decode(&s);
        let folded = verbatim::store::fold::fold(&s);
        prop_assert!(folded.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' '));
        prop_assert!(!folded.starts_with(' ') && !folded.ends_with(' ') && !folded.contains("  "));
    }

    #[test]
    fn fts_queries_are_only_quoted_words(s in any::<String>()) {
        if let Some(q) = verbatim::store::fts_query(&s) {
            for term in q.split(' ') {
                prop_assert!(term.len() >= 3 && term.starts_with('"') && term.ends_with('"'));
                prop_assert!(!term[1..term.len() - 1].contains('"'));
            }
        }
    }
}

#[tokio::test]
async fn hostile_q_strings_answer_200() {
    let app = app().await;
    let hostile = [
        "\"",
        "\"\"",
        "*",
        "NEAR(",
        "NEAR(a b, 2)",
        "AND OR NOT",
        "a:b",
        "{col}",
        "^x",
        "x OR",
        "\u{0}",
        "😀",
        "(((",
        "-",
        "+",
    ];
    for q in hostile {
        let uri = format!("/quotes?q={}", urlencode(q));
        let r = app.get(&uri).await;
        assert_eq!(r.status, 200, "q={q:?}: {}", r.json);
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// An article queued from a thread outside the runtime (as the server's pipeline threads
/// do) is stored and answered as `insert_json` answers on the runtime: the same 201 body
/// (but the time it was taken in), and the same article again is a duplicate of it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_article_queued_from_a_pipeline_thread_is_answered_as_on_the_runtime() {
    use verbatim::store::{IngestedJson, NewArticle};
    let article = |analysis| NewArticle {
        analysis,
        url: Some("https://example.com/lungescu".into()),
        source: Some("Wire".into()),
        byline: None,
        language: Some("en".into()),
        published_at: Some("2024-01-26T10:00:00Z".into()),
    };
    let analysis = common::lungescu_ready("\"We are ready,\" Oana Lungescu said.").done();
    let (on_runtime, from_thread) = (app().await, app().await);
    let expected = on_runtime
        .store
        .insert_json(article(analysis.clone()))
        .await
        .unwrap();
    assert!(matches!(expected, IngestedJson::Created { quotes: 1, .. }));
    let queue = |store: std::sync::Arc<verbatim::store::Store>, a: NewArticle| {
        std::thread::spawn(move || store.queue_insert_json(a))
            .join()
            .unwrap()
            .unwrap()
    };
    // (each body has its own `ingested_at`, to the second)
    let without_clock = |answer: &IngestedJson| match answer {
        IngestedJson::Created { id, quotes, body } => {
            let mut json: serde_json::Value = serde_json::from_slice(body).unwrap();
            assert!(json["ingested_at"].is_string());
            json.as_object_mut().unwrap().remove("ingested_at");
            (*id, *quotes, json)
        }
        other => panic!("expected a new article, got {other:?}"),
    };
    let stored = queue(from_thread.store.clone(), article(analysis.clone()));
    assert_eq!(
        without_clock(&stored.await.unwrap()),
        without_clock(&expected)
    );
    let again = queue(from_thread.store.clone(), article(analysis));
    let IngestedJson::Created { id, .. } = expected else {
        unreachable!()
    };
    assert_eq!(again.await.unwrap(), IngestedJson::Duplicate { id });
}
