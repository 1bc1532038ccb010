//! The writer's two paths and the article it is handed.
//!
//! A batch in which one request fails is rolled back and redone with a savepoint per
//! request (`write::commit_batch_isolated`): the others are stored whole, with the same
//! rows and the same response as on the fast path. Local actor keys are the pipeline's
//! ids first and indexes second (`prepare::actor_index`), and a speaker whose key names
//! no actor stays findable by its folded name.

mod common;

use common::{app, Built};
use verbatim::pipeline::{ActorKind, EntityLabel, QuoteKind};
use verbatim::store::{Ingested, NewArticle};

fn new(analysis: verbatim::pipeline::Analysis, url: &str, date: &str) -> NewArticle {
    NewArticle {
        analysis,
        url: Some(url.into()),
        source: Some("wire".into()),
        byline: None,
        language: None,
        published_at: Some(date.into()),
    }
}

/// The answer to the insert is the article as `GET /articles/{id}` reads it back.
async fn answered_as_stored(app: &common::TestApp, r: &Ingested) {
    let Ingested::Created(v) = r else {
        panic!("not created: {r:?}")
    };
    let got = app.store.article(v.id).await.unwrap().unwrap();
    assert_eq!(
        serde_json::to_value(&**v).unwrap(),
        serde_json::to_value(&got).unwrap()
    );
}

#[tokio::test]
async fn a_batch_with_a_failing_insert_stores_the_others_whole() {
    let app = app().await;
    let article = |t: &str| {
        common::lungescu_ready(t)
            .quote_unresolved("the talks failed", "said", "officials")
            .done()
    };
    // The database itself refuses one of the three, inside the writer's transaction.
    let conn = rusqlite::Connection::open(app.dir.path().join("test.db")).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER refuse_one BEFORE INSERT ON articles WHEN NEW.url = 'https://x/bad'
         BEGIN SELECT RAISE(ABORT, 'refused'); END;",
    )
    .unwrap();
    let text = |n: &str| {
        format!("\"We are ready,\" said Oana Lungescu; officials said the talks failed. {n}.")
    };
    let results = app
        .store
        .insert_many(vec![
            new(article(&text("One")), "https://x/1", "2024-01-01T00:00:00Z"),
            new(
                article(&text("Two")),
                "https://x/bad",
                "2024-01-02T00:00:00Z",
            ),
            new(
                article(&text("Three")),
                "https://x/3",
                "2024-01-03T00:00:00Z",
            ),
        ])
        .await;
    assert!(results[1].is_err(), "{results:?}");
    answered_as_stored(&app, results[0].as_ref().unwrap()).await;
    answered_as_stored(&app, results[2].as_ref().unwrap()).await;
    let (quotes, unresolved): (i64, i64) = conn
        .query_row(
            "SELECT COUNT(*), COUNT(speaker_folded) FROM quotes",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((quotes, unresolved), (4, 2));
    let counted: i64 = conn
        .query_row("SELECT quote_count FROM actors", [], |r| r.get(0))
        .unwrap();
    assert_eq!(counted, 2);
    let dangling: i64 = conn
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0);
    assert_eq!(common::fts_integrity(&conn), "ok");
}

#[tokio::test]
async fn local_actor_keys_are_ids_then_indexes() {
    let app = app().await;
    let mut a = Built::new("\"A,\" said Ann Smith. \"B,\" said Bob Jones. \"C,\" said someone.")
        .actor(
            "Ann Smith",
            ActorKind::Person,
            &[" ", " Annie "],
            &[("Ann Smith", EntityLabel::Per)],
        )
        .actor(
            "Bob Jones",
            ActorKind::Person,
            &[],
            &[("Bob Jones", EntityLabel::Per)],
        )
        .quote("\"A,\"", QuoteKind::Direct, "said", "Ann Smith", 0)
        .quote("\"B,\"", QuoteKind::Direct, "said", "Bob Jones", 1)
        .quote_unresolved("\"C,\"", "said", "someone")
        .done();
    // Ids 7 and 0: key 7 is Ann, key 0 is Bob (his id, before Ann's index), key 1 is Bob
    // (his index), key 3 is nobody.
    a.actors[0].id = 7;
    a.actors[1].id = 0;
    a.quotes[0].speaker.as_mut().unwrap().actor = Some(3);
    a.quotes[1].speaker.as_mut().unwrap().actor = Some(7);
    a.quotes[2].speaker.as_mut().unwrap().actor = Some(1);
    let r = app
        .store
        .insert(new(a, "https://x/ids", "2024-01-01T00:00:00Z"))
        .await
        .unwrap();
    answered_as_stored(&app, &r).await;
    let conn = rusqlite::Connection::open(app.dir.path().join("test.db")).unwrap();
    let rows: Vec<(Option<String>, Option<String>)> = conn
        .prepare(
            "SELECT a.canonical_name, q.speaker_folded FROM quotes q
             LEFT JOIN actors a ON a.id = q.speaker_actor_id ORDER BY q.id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows,
        vec![
            (None, Some("ann smith".to_owned())),
            (Some("Ann Smith".to_owned()), None),
            (Some("Bob Jones".to_owned()), None),
        ]
    );
    // Aliases are stored trimmed, blank ones not at all.
    let aliases: Vec<String> = conn
        .prepare("SELECT alias FROM actor_aliases ORDER BY alias")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(aliases, vec!["Ann Smith", "Annie", "Bob Jones"]);
}
