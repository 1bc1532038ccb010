//! Results stay exact through the speed work: the counters the writer keeps on `actors`
//! (quote, mention and article counts, first and last seen) always equal the live counts
//! they replaced, whatever happened (concurrent ingests committed in one batch,
//! duplicates by URL and by text, a broken article rolled back inside a batch, deletes);
//! `speaker=` merged from per-actor index scans pages like one filter; fuzzy names.

mod common;

use common::{app, Built, TestApp};
use futures_util::future::join_all;
use serde_json::json;
use verbatim::cli::seed_demo::{ingest_article, Rng};
use verbatim::pipeline::{ActorKind, EntityLabel, QuoteKind};
use verbatim::store::NewArticle;

type Row = (i64, i64, i64, i64, Option<String>, Option<String>);

/// (id, quotes, mentions, articles, first seen, last seen) of every actor: kept and live.
async fn kept_and_live(app: &TestApp) -> (Vec<Row>, Vec<Row>) {
    let pool = app.store.read_pool();
    let kept: Vec<Row> = sqlx::query_as(
        "SELECT id, quote_count, mention_count, article_count, first_seen, last_seen
         FROM actors ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let live: Vec<Row> = sqlx::query_as(
        "SELECT a.id,
            (SELECT COUNT(*) FROM quotes WHERE speaker_actor_id = a.id),
            (SELECT COUNT(*) FROM article_entities e, json_each(e.entities) j
                WHERE j.value ->> 4 = a.id),
            (SELECT COUNT(*) FROM article_actors WHERE actor_id = a.id),
            (SELECT MIN(ar.dated_at) FROM article_actors aa JOIN articles ar
                ON ar.id = aa.article_id WHERE aa.actor_id = a.id),
            (SELECT MAX(ar.dated_at) FROM article_actors aa JOIN articles ar
                ON ar.id = aa.article_id WHERE aa.actor_id = a.id)
         FROM actors a ORDER BY a.id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    (kept, live)
}

async fn assert_counters(app: &TestApp, when: &str) {
    // The writer inserts without enforcing foreign keys (src/store/write.rs,
    // `ForeignKeys`): every reference must still hold.
    let broken: Vec<(String, Option<i64>, String, i64)> =
        sqlx::query_as("PRAGMA foreign_key_check")
            .fetch_all(app.store.read_pool())
            .await
            .unwrap();
    assert!(broken.is_empty(), "{when}: broken references {broken:?}");
    let (kept, live) = kept_and_live(app).await;
    assert!(!kept.is_empty(), "{when}: no actors");
    for (k, l) in kept.iter().zip(&live) {
        assert_eq!(k, l, "{when}: actor {} (kept, live)", k.0);
    }
    assert_eq!(kept.len(), live.len());
    common::assert_entities_as_before(app, 40, 6, when).await;
}

fn article(n: u64, date: &str) -> serde_json::Value {
    let mut rng = Rng::new(7 + n);
    // 40 actors: speakers and surnames repeat across articles.
    let (title, text) = ingest_article(&mut rng, n, 40);
    json!({
        "title": title,
        "text": text,
        "url": format!("https://counters.example/{n}"),
        "published_at": date,
    })
}

#[tokio::test]
async fn counters_match_live_counts_after_batches_duplicates_and_deletes() {
    let app = app().await;
    let dates = ["2024-03-01", "2021-07-15", "2025-01-09", "2023-05-05"];
    // 24 articles at once: the writer commits them in a few group transactions.
    let bodies: Vec<_> = (0..24u64)
        .map(|n| article(n, dates[n as usize % dates.len()]))
        .collect();
    let replies = join_all(bodies.iter().map(|b| app.post_json("/articles", b))).await;
    let mut ids = Vec::new();
    for r in &replies {
        assert_eq!(r.status, 201, "{}", r.json);
        ids.push(r.json["id"].as_i64().unwrap());
    }
    assert_counters(&app, "after the first ingest").await;

    // Duplicates, concurrently with new articles: same URL, and same text under a new URL.
    let mut again: Vec<serde_json::Value> = Vec::new();
    for n in 0..6u64 {
        again.push(article(n, "2020-01-01"));
        let mut same_text = article(n, "2020-01-01");
        same_text["url"] = json!(format!("https://counters.example/copy/{n}"));
        again.push(same_text);
        again.push(article(100 + n, "2019-02-02"));
    }
    let replies = join_all(again.iter().map(|b| app.post_json("/articles", b))).await;
    let created = replies.iter().filter(|r| r.status == 201).count();
    let duplicates = replies
        .iter()
        .filter(|r| r.status == 200 && r.json["duplicate"] == true)
        .count();
    assert_eq!((created, duplicates), (6, 12));
    assert_counters(&app, "after duplicates").await;

    // Deletes: the oldest and newest dates move.
    for id in [ids[1], ids[2], ids[5]] {
        assert_eq!(app.delete(&format!("/articles/{id}")).await.status, 204);
    }
    assert_counters(&app, "after deletes").await;

    // New articles after the deletes, naming the same actors (some were deleted with
    // their last article): nothing may point at a row that is gone.
    let later: Vec<_> = (200..212u64).map(|n| article(n, "2022-02-02")).collect();
    let replies = join_all(later.iter().map(|b| app.post_json("/articles", b))).await;
    assert!(replies.iter().all(|r| r.status == 201));
    assert_counters(&app, "after ingests that follow deletes").await;

    // /actors shows the counters.
    let r = app.get("/actors?limit=100").await;
    let (kept, _) = kept_and_live(&app).await;
    for item in r.json["items"].as_array().unwrap() {
        let row = kept
            .iter()
            .find(|k| k.0 == item["id"].as_i64().unwrap())
            .unwrap();
        assert_eq!(item["quote_count"], row.1);
        assert_eq!(item["mention_count"], row.2);
        assert_eq!(item["article_count"], row.3);
        assert_eq!(item["first_seen"], json!(row.4));
        assert_eq!(item["last_seen"], json!(row.5));
    }
}

#[tokio::test]
async fn a_rolled_back_article_leaves_no_counts() {
    let app = app().await;
    let good = |text: &str| common::lungescu_ready(text).done();
    // The middle one names the same actor, then fails before the writer (a span that
    // cuts "é" in half panics while it is prepared): it alone is dropped. (A failure
    // inside the writer's transaction: `tests/writer_paths.rs`.)
    let mut bad = good("\"We are ready,\" said Oana Lungescu at the Café.");
    bad.entities.push(verbatim::pipeline::Mention {
        span: verbatim::pipeline::Span::new(0, bad.text.len() - 2),
        label: EntityLabel::Loc,
        actor: None,
    });
    let new = |analysis, n: u32| NewArticle {
        analysis,
        url: Some(format!("https://counters.example/rb/{n}")),
        source: None,
        byline: None,
        language: None,
        published_at: Some(format!("2024-01-0{n}T00:00:00Z")),
    };
    let results = app
        .store
        .insert_many(vec![
            new(good("\"We are ready,\" said Oana Lungescu on Monday."), 1),
            new(bad, 2),
            new(good("\"We are ready,\" said Oana Lungescu on Friday."), 3),
        ])
        .await;
    assert!(results[0].is_ok() && results[2].is_ok(), "{results:?}");
    assert!(results[1].is_err());
    assert_counters(&app, "after a rolled-back article").await;
    let r = app.get("/actors?name=lungescu").await;
    let first = &r.json["items"][0];
    assert_eq!(first["quote_count"], 2);
    assert_eq!(first["article_count"], 2);
    assert_eq!(first["first_seen"], "2024-01-01T00:00:00Z");
    assert_eq!(first["last_seen"], "2024-01-03T00:00:00Z");
}

/// `speaker=` reads each named actor's newest quotes separately and merges them; the
/// pages must be exactly what one filter over all of them gives, newest first, across
/// cursors, with unresolved speakers of that name included.
#[tokio::test]
async fn speaker_pages_merge_every_named_actor_newest_first() {
    let app = app().await;
    let firsts = ["Anna", "Boris", "Carla", "Dmitri", "Elena"];
    let mut expected: Vec<(String, String)> = Vec::new(); // (date, text)
    for (i, first) in firsts.iter().enumerate() {
        for day in 0..4 {
            let name = format!("{first} Karsten");
            let said = format!("\"Point {i}-{day} stands,\"");
            let text = format!("{said} said {name}.");
            let a = Built::new(&text)
                .actor(&name, ActorKind::Person, &[], &[(&name, EntityLabel::Per)])
                .quote(&said, QuoteKind::Direct, "said", &name, 0)
                .done();
            let date = format!("2024-0{}-{:02}", 1 + day, 1 + i * 3);
            app.store_analysis(a, &format!("https://example.org/k{i}-{day}"), &date)
                .await;
            expected.push((format!("{date}T00:00:00Z"), said));
        }
    }
    // An unresolved "Karsten" is found by the folded name.
    let text = "Prices will rise, Karsten said.";
    let a = Built::new(text)
        .quote_unresolved("Prices will rise", "said", "Karsten")
        .done();
    app.store_analysis(a, "https://example.org/k-unresolved", "2024-02-20")
        .await;
    expected.push((
        "2024-02-20T00:00:00Z".to_owned(),
        "Prices will rise".to_owned(),
    ));
    expected.sort_by(|a, b| b.0.cmp(&a.0));

    let mut got: Vec<(String, String)> = Vec::new();
    let mut uri = "/quotes?speaker=karsten&limit=3".to_owned();
    loop {
        let r = app.get(&uri).await;
        assert_eq!(r.status, 200, "{}", r.json);
        for item in r.json["items"].as_array().unwrap() {
            got.push((
                item["date"].as_str().unwrap().to_owned(),
                item["text"].as_str().unwrap().to_owned(),
            ));
        }
        match r.json["next_cursor"].as_str() {
            Some(c) => uri = format!("/quotes?speaker=karsten&limit=3&cursor={c}"),
            None => break,
        }
    }
    let dates = |v: &[(String, String)]| v.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
    assert_eq!(dates(&got), dates(&expected));
    let mut texts: Vec<_> = got.iter().map(|x| x.1.clone()).collect();
    let mut want: Vec<_> = expected.iter().map(|x| x.1.clone()).collect();
    texts.sort();
    want.sort();
    assert_eq!(texts, want);

    // A full name: that actor only.
    let r = app.get("/quotes?speaker=Carla+Karsten&limit=50").await;
    let items = r.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert!(items
        .iter()
        .all(|q| q["speaker"]["canonical_name"] == "Carla Karsten"));
    // With another filter inside every branch.
    let r = app
        .get("/quotes?speaker=karsten&since=2024-03-01&limit=50")
        .await;
    assert_eq!(
        r.json["items"].as_array().unwrap().len(),
        expected
            .iter()
            .filter(|e| e.0.as_str() >= "2024-03-01")
            .count()
    );
}

/// Fuzzy actor names: a typo in a surname, in a one-word name, and in a full name.
#[tokio::test]
async fn fuzzy_actor_names_are_found() {
    let app = app().await;
    for (i, (name, kind)) in [
        ("Anna Karsten", ActorKind::Person),
        ("Boris Karsten", ActorKind::Person),
        ("Interpol", ActorKind::Organisation),
    ]
    .iter()
    .enumerate()
    {
        let text = format!("{name} was there.");
        let a = Built::new(&text)
            .actor(name, *kind, &[], &[(name, EntityLabel::Per)])
            .done();
        app.store_analysis(a, &format!("https://example.org/f{i}"), "2024-01-01")
            .await;
    }
    let names = |r: &common::Reply| {
        let mut v: Vec<String> = r.json["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["matched"] == "fuzzy")
            .map(|i| i["canonical_name"].as_str().unwrap().to_owned())
            .collect();
        v.sort();
        v
    };
    let r = app.get("/actors?name=karstne").await;
    assert_eq!(names(&r), ["Anna Karsten", "Boris Karsten"]);
    let r = app.get("/actors?name=interpoll").await;
    assert_eq!(names(&r), ["Interpol"]);
    let r = app.get("/actors?name=anna+karstem").await;
    assert_eq!(names(&r), ["Anna Karsten", "Boris Karsten"]);
}

/// Posts `body`, which must be stored as a new article (201), and returns its id.
async fn created(app: &TestApp, body: serde_json::Value) -> i64 {
    let r = app.post_json("/articles", &body).await;
    assert_eq!(r.status, 201, "{}", r.json);
    r.json["id"].as_i64().unwrap()
}

#[tokio::test]
async fn actors_deleted_with_their_only_article_come_back_as_new_rows() {
    let app = app().await;
    let id = created(&app, article(300, "2024-04-04")).await;
    // Its actors have no other article: the delete removes them too.
    assert_eq!(app.delete(&format!("/articles/{id}")).await.status, 204);
    assert_eq!(app.get("/actors").await.json["items"], json!([]));
    let mut again = article(300, "2024-04-05");
    again["url"] = json!("https://counters.example/again/300");
    created(&app, again).await;
    assert_counters(&app, "after the same actors came back").await;
}

#[tokio::test]
async fn rows_another_connection_deleted_are_not_referred_to_afterwards() {
    let app = app().await;
    let id = created(&app, article(400, "2024-06-06")).await;
    // An operator deletes the article and its actors with sqlite3, the server running.
    let db = app.dir.path().join("test.db");
    tokio::task::spawn_blocking(move || {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA foreign_keys = ON; DELETE FROM articles WHERE id = {id};
             DELETE FROM actors WHERE id NOT IN (SELECT actor_id FROM article_actors);"
        ))
        .unwrap();
    })
    .await
    .unwrap();
    assert_eq!(app.get("/actors").await.json["items"], json!([]));
    // The same people again: new actor rows, not the ids the writer remembered.
    let mut again = article(400, "2024-06-07");
    again["url"] = json!("https://counters.example/again/400");
    created(&app, again).await;
    assert_counters(&app, "after another connection's delete").await;
}
