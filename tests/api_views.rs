//! The page at `/` and its assets, and the JSON behind the actor page
//! (`/actors/{id}/timeline`, `/actors/{id}/network`).

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{app, app_with, Built, TestApp};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;
use verbatim::api::ApiConfig;
use verbatim::pipeline::{ActorKind, EntityLabel, QuoteKind};

/// A raw GET: status, content type, CSP header and body text (the page is not JSON).
async fn raw(app: &TestApp, uri: &str) -> (StatusCode, String, Option<String>, String) {
    let res = app
        .router
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let ct = header("content-type").unwrap_or_default();
    let csp = header("content-security-policy");
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, ct, csp, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn the_page_and_its_assets_are_served_from_the_binary() {
    let app = app().await;
    let (status, ct, csp, html) = raw(&app, "/").await;
    assert_eq!(status, 200);
    assert_eq!(ct, "text/html; charset=utf-8");
    assert!(html.contains(r#"<script src="/assets/app.js" defer></script>"#));
    assert!(html.contains(r#"id="analyse-form""#) && html.contains(r#"id="search-form""#));
    // No third-party origins: every src/href is local or a fragment.
    for attr in ["src=\"", "href=\""] {
        for part in html.split(attr).skip(1) {
            assert!(
                part.starts_with('/') || part.starts_with('#'),
                "non-local {attr}{}",
                &part[..part.len().min(40)]
            );
        }
    }
    let csp = csp.expect("a CSP header");
    assert!(csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"));

    let (status, ct, _, js) = raw(&app, "/assets/app.js").await;
    assert_eq!(
        (status.as_u16(), ct.as_str()),
        (200, "text/javascript; charset=utf-8")
    );
    assert!(js.contains("function speakerColour"));
    for sink in [
        ".innerHTML",
        ".outerHTML",
        "insertAdjacentHTML",
        "document.write",
    ] {
        assert!(
            !js.contains(sink),
            "the script builds the DOM without {sink}"
        );
    }
    let (status, ct, _, _) = raw(&app, "/assets/app.css").await;
    assert_eq!(
        (status.as_u16(), ct.as_str()),
        (200, "text/css; charset=utf-8")
    );
    let (status, ct, _, _) = raw(&app, "/assets/favicon.svg").await;
    assert_eq!((status.as_u16(), ct.as_str()), (200, "image/svg+xml"));

    let r = app.get("/assets/../Cargo.toml").await;
    assert_eq!(r.status, 404);
    let r = app.get("/assets/secrets.txt").await;
    assert_eq!((r.status.as_u16(), r.code()), (404, "not_found"));
}

#[tokio::test]
async fn the_page_is_open_when_reads_need_a_key() {
    let app = app_with(ApiConfig {
        read_key: Some("r-secret".into()),
        ..ApiConfig::default()
    })
    .await;
    assert_eq!(raw(&app, "/").await.0, 200);
    assert_eq!(raw(&app, "/assets/app.js").await.0, 200);
    assert_eq!(
        app.get("/quotes").await.status,
        401,
        "the data still needs the key"
    );
    assert_eq!(app.get("/actors/1/timeline").await.status, 401);
}

/// One article per (date, quote): Blinken speaks in each; the quotes name `about`.
async fn blinken_on(app: &TestApp, n: usize, date: &str, about: &[&str]) {
    let named = about.join(" and ");
    let text =
        format!("Antony Blinken said talks with {named} would go on (report {n}). Lavrov met him.");
    let quote = format!("talks with {named} would go on");
    let mut b = Built::new(&text).actor(
        "Antony Blinken",
        ActorKind::Person,
        &["Blinken"],
        &[("Antony Blinken", EntityLabel::Per)],
    );
    for name in about {
        b = b.actor(name, ActorKind::Place, &[], &[(name, EntityLabel::Loc)]);
    }
    let a = b
        .quote(&quote, QuoteKind::Indirect, "said", "Antony Blinken", 0)
        .done();
    app.store_analysis(a, &format!("https://example.org/b{n}"), date)
        .await;
}

async fn actor_id(app: &TestApp, name: &str) -> i64 {
    let r = app.get(&format!("/actors?name={name}")).await;
    r.json["items"][0]["id"].as_i64().expect("an actor")
}

fn points(v: &Value) -> Vec<(String, i64)> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["start"].as_str().unwrap().to_owned(),
                p["quotes"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn pairs(v: &[(&str, i64)]) -> Vec<(String, i64)> {
    v.iter().map(|(s, n)| (s.to_string(), *n)).collect()
}

#[tokio::test]
async fn timeline_counts_quotes_per_day_week_and_month() {
    let app = app().await;
    // Sat 20, Sun 21 and Mon 22 January, Sat 3 February 2024 (twice).
    blinken_on(&app, 1, "2024-01-20", &["Russia"]).await;
    blinken_on(&app, 2, "2024-01-21T23:30:00Z", &["Russia"]).await;
    blinken_on(&app, 3, "2024-01-22", &["Russia"]).await;
    blinken_on(&app, 4, "2024-02-03", &["Russia"]).await;
    blinken_on(&app, 5, "2024-02-03T18:00:00Z", &["China"]).await;
    let id = actor_id(&app, "blinken").await;

    let r = app.get(&format!("/actors/{id}/timeline")).await;
    assert_eq!(r.status, 200, "{}", r.json);
    assert_eq!(
        (r.json["actor_id"].as_i64(), r.json["bucket"].as_str()),
        (Some(id), Some("day"))
    );
    assert_eq!(
        points(&r.json),
        pairs(&[
            ("2024-01-20", 1),
            ("2024-01-21", 1),
            ("2024-01-22", 1),
            ("2024-02-03", 2)
        ])
    );
    // Weeks start on Monday: the 20th and 21st are in the week of the 15th.
    let r = app.get(&format!("/actors/{id}/timeline?bucket=week")).await;
    assert_eq!(
        points(&r.json),
        pairs(&[("2024-01-15", 2), ("2024-01-22", 1), ("2024-01-29", 2)])
    );
    let r = app
        .get(&format!("/actors/{id}/timeline?bucket=MONTH"))
        .await;
    assert_eq!(r.json["bucket"], "month");
    assert_eq!(
        points(&r.json),
        pairs(&[("2024-01-01", 3), ("2024-02-01", 2)])
    );
    let r = app
        .get(&format!(
            "/actors/{id}/timeline?bucket=month&since=2024-01-21&until=2024-01-22"
        ))
        .await;
    assert_eq!(points(&r.json), pairs(&[("2024-01-01", 2)]));

    // Someone who never spoke has an empty timeline; mistakes have their codes.
    let russia = actor_id(&app, "russia").await;
    let r = app.get(&format!("/actors/{russia}/timeline")).await;
    assert_eq!(r.json["items"], json!([]));
    let r = app.get(&format!("/actors/{id}/timeline?bucket=year")).await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_field"));
    let r = app
        .get(&format!("/actors/{id}/timeline?since=yesterday"))
        .await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_date"));
    let r = app.get("/actors/999999/timeline").await;
    assert_eq!((r.status.as_u16(), r.code()), (404, "not_found"));
    let r = app.get("/actors/abc/timeline").await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_field"));
}

#[tokio::test]
async fn network_counts_who_names_whom_in_quotes() {
    let app = app().await;
    blinken_on(&app, 1, "2024-01-20", &["Russia"]).await;
    blinken_on(&app, 2, "2024-01-21", &["Russia", "Ukraine"]).await;
    blinken_on(&app, 3, "2024-01-22", &["China"]).await;
    // Lavrov talks about Blinken and Russia.
    let text = "Sergei Lavrov said Antony Blinken misread Russia entirely.";
    let a = Built::new(text)
        .actor(
            "Sergei Lavrov",
            ActorKind::Person,
            &["Lavrov"],
            &[("Sergei Lavrov", EntityLabel::Per)],
        )
        .actor(
            "Antony Blinken",
            ActorKind::Person,
            &["Blinken"],
            &[("Antony Blinken", EntityLabel::Per)],
        )
        .actor(
            "Russia",
            ActorKind::Place,
            &[],
            &[("Russia", EntityLabel::Loc)],
        )
        .quote(
            "Antony Blinken misread Russia entirely",
            QuoteKind::Indirect,
            "said",
            "Sergei Lavrov",
            0,
        )
        .done();
    app.store_analysis(a, "https://example.org/lavrov", "2024-01-23")
        .await;

    let names = |v: &Value| -> Vec<(String, i64)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["canonical_name"].as_str().unwrap().to_owned(),
                    l["quotes"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    let blinken = actor_id(&app, "blinken").await;
    let r = app.get(&format!("/actors/{blinken}/network")).await;
    assert_eq!(r.status, 200, "{}", r.json);
    assert_eq!(r.json["actor_id"].as_i64(), Some(blinken));
    assert_eq!(
        names(&r.json["mentions"]),
        pairs(&[("Russia", 2), ("China", 1), ("Ukraine", 1)])
    );
    assert_eq!(
        names(&r.json["mentioned_by"]),
        pairs(&[("Sergei Lavrov", 1)])
    );
    assert_eq!(r.json["mentions"][0]["type"], "place");

    let russia = actor_id(&app, "russia").await;
    let r = app.get(&format!("/actors/{russia}/network")).await;
    assert_eq!(names(&r.json["mentions"]), pairs(&[]));
    assert_eq!(
        names(&r.json["mentioned_by"]),
        pairs(&[("Antony Blinken", 2), ("Sergei Lavrov", 1)])
    );
    let r = app.get(&format!("/actors/{russia}/network?limit=1")).await;
    assert_eq!(
        names(&r.json["mentioned_by"]),
        pairs(&[("Antony Blinken", 2)])
    );
    let r = app.get(&format!("/actors/{russia}/network?limit=0")).await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_limit"));
    let r = app.get("/actors/424242/network").await;
    assert_eq!((r.status.as_u16(), r.code()), (404, "not_found"));
}
