//! `Store::quotes_json` (what `GET /quotes` answers, written straight from the rows for
//! `speaker=`-only and `q=`-only pages) is byte for byte what `serde_json` writes for
//! `Store::quotes` (the views, read through the joined statement), page after page.

mod common;

use verbatim::cli::seed_demo;
use verbatim::store::{Cursor, QuoteFilter};

#[test]
fn quote_pages_as_json_are_the_views_serialised() {
    common::on_seeded_store(3_000, 120, 7, |store| async move {
        let mut filters = Vec::new();
        for i in [0, 1, 2, 5, 17, 60, 119] {
            let (full, _) = seed_demo::actor_name(i);
            let surname = seed_demo::surname_of(&full).to_owned();
            for name in [
                full.clone(),
                surname,
                format!("{full}x"),
                "officials".into(),
            ] {
                filters.push(QuoteFilter {
                    speaker: Some(name),
                    ..QuoteFilter::default()
                });
            }
        }
        for word in seed_demo::TOPIC_WORDS.iter().take(6) {
            filters.push(QuoteFilter {
                q: Some((*word).to_owned()),
                ..QuoteFilter::default()
            });
        }
        filters.push(QuoteFilter {
            q: Some("\"*() NEAR".into()),
            ..QuoteFilter::default()
        });
        filters.push(QuoteFilter::default());
        let mut pages = 0;
        for base in filters {
            for limit in [1, 7, 50] {
                let mut f = QuoteFilter {
                    limit,
                    ..base.clone()
                };
                for _ in 0..4 {
                    let views = store.quotes(&f).await.unwrap();
                    let json = store.quotes_json(&f).await.unwrap();
                    assert_eq!(
                        String::from_utf8(json).unwrap(),
                        serde_json::to_string(&views).unwrap(),
                        "{f:?}"
                    );
                    pages += 1;
                    let Some(next) = views.next_cursor else {
                        break;
                    };
                    f.after = Some(Cursor::decode(&next).unwrap().key().unwrap());
                }
            }
        }
        assert!(pages > 150, "{pages}");
        store.close().await;
    });
}
