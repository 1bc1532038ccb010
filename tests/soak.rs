//! Issue 5, point 4: 32 clients posting and querying at once for 20 seconds (set
//! `VERBATIM_SOAK_SECS` to change it): no errors, every acknowledged article stored exactly
//! once, duplicates posted concurrently stored once, quote counts that add up.

mod common;

use common::app;
use serde_json::json;
use std::time::{Duration, Instant};
use tower::ServiceExt;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_two_clients_for_twenty_seconds() {
    let secs: u64 = std::env::var("VERBATIM_SOAK_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let app = app().await;
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for c in 0..32u32 {
        let router = app.router.clone();
        tasks.push(tokio::spawn(async move {
            let (mut created, mut duplicates, mut reads, mut errors) = (0u64, 0u64, 0u64, Vec::new());
            let mut i = 0u32;
            while Instant::now() < deadline {
                i += 1;
                let req = if c % 2 == 0 {
                    // every 5th post is one of a few articles every poster sends
                    let text = if i % 5 == 0 {
                        format!("Shared story {}. “We are ready to talk,” Oana Lungescu said.", i % 3)
                    } else {
                        format!("Client {c} story {i}. “We will decide soon,” Antony Blinken said on Monday.")
                    };
                    axum::http::Request::post("/articles")
                        .header("content-type", "application/json")
                        .body(axum::body::Body::from(json!({"text": text}).to_string()))
                        .unwrap()
                } else {
                    let uri = match i % 4 {
                        0 => "/quotes?speaker=blinken&limit=20",
                        1 => "/actors?name=lungescu",
                        2 => "/quotes?q=decide&limit=5",
                        _ => "/articles?limit=10",
                    };
                    axum::http::Request::get(uri).body(axum::body::Body::empty()).unwrap()
                };
                let status = router.clone().oneshot(req).await.unwrap().status().as_u16();
                match status {
                    201 => created += 1,
                    200 if c % 2 == 0 => duplicates += 1,
                    200 => reads += 1,
                    s => errors.push(s),
                }
            }
            (created, duplicates, reads, errors)
        }));
    }
    let (mut created, mut duplicates, mut reads) = (0, 0, 0);
    for t in tasks {
        let (c, d, r, errors) = t.await.unwrap();
        assert!(errors.is_empty(), "error statuses: {errors:?}");
        created += c;
        duplicates += d;
        reads += r;
    }
    eprintln!("soak {secs}s: {created} created, {duplicates} duplicates, {reads} reads");
    assert!(created > 0 && reads > 0);
    let pool = app.store.read_pool();
    let articles: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM articles")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(articles as u64, created, "every 201 is one stored article");
    // the three shared stories, each stored once however often they were posted
    for k in 0..3 {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM articles WHERE text LIKE ?1")
            .bind(format!("Shared story {k}.%"))
            .fetch_one(pool)
            .await
            .unwrap();
        assert!(n <= 1, "shared story {k} stored {n} times");
    }
    // each article has its one quote
    let quotes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM quotes")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(quotes, articles);
}
