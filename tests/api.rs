//! The service end to end: the real router and pipeline on a temporary SQLite file.

mod common;

use common::{app, app_with, seed_article, Built};
use serde_json::{json, Value};
use verbatim::api::ApiConfig;
use verbatim::pipeline::{ActorKind, EntityLabel, QuoteKind};

const SHORT: &str =
    "Ministers met in Vienna on Monday.\n\nThe talks ended without a deal, officials said.";

fn ids(items: &Value) -> Vec<i64> {
    items
        .as_array()
        .expect("array")
        .iter()
        .map(|i| i["id"].as_i64().expect("id"))
        .collect()
}

#[tokio::test]
async fn health_and_ready() {
    let app = app().await;
    let r = app.get("/health").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json["status"], "ok");
    let r = app.get("/ready").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json["status"], "ready");
    assert!(r.headers.contains_key("x-request-id"));
}

#[tokio::test]
async fn post_then_duplicate_by_text_and_by_url() {
    let app = app().await;
    let body = json!({"text": SHORT, "title": "Talks", "url": "https://example.org/a",
                      "source": "wire", "published_at": "2024-01-26"});
    let r = app.post_json("/articles", &body).await;
    assert_eq!(r.status, 201, "{}", r.json);
    let id = r.json["id"].as_i64().unwrap();
    assert_eq!(r.json["duplicate"], false);
    assert_eq!(r.json["title"], "Talks");
    assert_eq!(r.json["published_at"], "2024-01-26T00:00:00Z");
    assert!(r.json["text"].as_str().unwrap().contains("Vienna"));
    assert!(r.json["entities"].is_array() && r.json["quotes"].is_array());
    assert_eq!(r.headers["location"], format!("/articles/{id}"));

    // Same text, no URL: same normalised text → duplicate.
    let r = app.post_json("/articles", &json!({"text": SHORT})).await;
    assert_eq!(r.status, 200, "{}", r.json);
    assert_eq!(r.json["duplicate"], true);
    assert_eq!(r.json["id"], id);

    // Same URL, other text → duplicate.
    let r = app
        .post_json(
            "/articles",
            &json!({"text": "Something else entirely.", "url": "https://example.org/a"}),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json["id"], id);

    let list = app.get("/articles").await;
    assert_eq!(list.status, 200);
    assert_eq!(ids(&list.json["items"]), vec![id]);
    assert_eq!(list.json["next_cursor"], Value::Null);

    // The stored article reads back as it was answered.
    let got = app.get(&format!("/articles/{id}")).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.json["text"], r_text(&app, id).await);
}

async fn r_text(app: &common::TestApp, id: i64) -> Value {
    app.get(&format!("/articles/{id}")).await.json["text"].clone()
}

#[tokio::test]
async fn seed_article_201_then_200_duplicate() {
    let Some(seed) = seed_article() else { return };
    let app = app().await;
    let r = app.post("/articles", "text/plain", seed.clone()).await;
    assert_eq!(r.status, 201, "{}", r.json);
    assert_eq!(
        r.json["title"],
        "NATO rejects Russia demands to withdraw its forces from Romania, Bulgaria"
    );
    let id = r.json["id"].as_i64().unwrap();
    let r = app.post("/articles", "text/plain", seed).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json["duplicate"], true);
    assert_eq!(r.json["id"], id);
}

#[tokio::test]
async fn plain_text_title_and_query_metadata() {
    let app = app().await;
    let r = app
        .post(
            "/articles?source=wire&url=https://example.org/t&published_at=2024-02-01T10:00:00%2B01:00",
            "text/plain; charset=utf-8",
            format!("Vienna talks end\n\n{SHORT}"),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.json);
    assert_eq!(r.json["title"], "Vienna talks end");
    assert_eq!(r.json["source"], "wire");
    assert_eq!(r.json["url"], "https://example.org/t");
    assert_eq!(r.json["published_at"], "2024-02-01T09:00:00Z");
    assert!(r.json["text"]
        .as_str()
        .unwrap()
        .starts_with("Ministers met"));
}

#[tokio::test]
async fn bad_json_and_bad_fields_are_400_with_error_body() {
    let app = app().await;
    let r = app
        .post("/articles", "application/json", "{\"text\": ")
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.code(), "invalid_json");
    assert!(!r.json["error"]["message"].as_str().unwrap().is_empty());

    let r = app.post_json("/articles", &json!({"text": 42})).await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_field"));

    let r = app
        .post_json("/articles", &json!({"title": "no body"}))
        .await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_field"));

    let r = app
        .post_json(
            "/articles",
            &json!({"text": SHORT, "published_at": "last week"}),
        )
        .await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_date"));

    let r = app
        .post("/articles", "text/plain", b"caf\xe9 au lait".to_vec())
        .await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_utf8"));

    // Nothing was stored by any of these.
    assert_eq!(app.get("/articles").await.json["items"], json!([]));
}

#[tokio::test]
async fn unknown_ids_and_routes_are_404() {
    let app = app().await;
    for uri in [
        "/articles/999",
        "/quotes/999",
        "/actors/999",
        "/actors/999/quotes",
    ] {
        let r = app.get(uri).await;
        assert_eq!((r.status.as_u16(), r.code()), (404, "not_found"), "{uri}");
    }
    let r = app.delete("/articles/999").await;
    assert_eq!((r.status.as_u16(), r.code()), (404, "not_found"));
    let r = app.get("/nowhere").await;
    assert_eq!((r.status.as_u16(), r.code()), (404, "not_found"));
    let r = app.get("/articles/abc").await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_field"));
    let r = app
        .send(
            axum::http::Request::put("/quotes")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!((r.status.as_u16(), r.code()), (405, "method_not_allowed"));
}

#[tokio::test]
async fn ten_megabytes_is_413_with_json_body() {
    let app = app().await;
    let big = "word ".repeat(2 * 1024 * 1024); // 10 MB
    let r = app.post("/articles", "text/plain", big.clone()).await;
    assert_eq!((r.status.as_u16(), r.code()), (413, "body_too_large"));
    let r = app.post_json("/articles", &json!({ "text": big })).await;
    assert_eq!((r.status.as_u16(), r.code()), (413, "body_too_large"));
    // A streamed body with no length header is cut off too.
    let stream = chunked_body(big.into_bytes());
    let r = app
        .send(
            axum::http::Request::post("/articles")
                .header("content-type", "text/plain")
                .body(stream)
                .unwrap(),
        )
        .await;
    assert_eq!((r.status.as_u16(), r.code()), (413, "body_too_large"));
}

/// A body whose length is unknown up front (chunked upload).
fn chunked_body(bytes: Vec<u8>) -> axum::body::Body {
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        bytes.chunks(64 * 1024).map(|c| Ok(c.to_vec())).collect();
    axum::body::Body::from_stream(futures_util::stream::iter(chunks))
}

#[tokio::test]
async fn unsupported_media_types_are_415() {
    let app = app().await;
    let r = app.post("/articles", "text/csv", "a,b\n1,2\n").await;
    assert_eq!(
        (r.status.as_u16(), r.code()),
        (415, "unsupported_media_type")
    );
    let r = app
        .send(
            axum::http::Request::post("/articles")
                .body(axum::body::Body::from("no type"))
                .unwrap(),
        )
        .await;
    assert_eq!(
        (r.status.as_u16(), r.code()),
        (415, "unsupported_media_type")
    );
    let r = app.post("/articles/batch", "application/json", "{}").await;
    assert_eq!(
        (r.status.as_u16(), r.code()),
        (415, "unsupported_media_type")
    );
}

#[tokio::test]
async fn empty_articles_are_422() {
    let app = app().await;
    for body in [json!({"text": ""}), json!({"text": "  \n\t  \n"})] {
        let r = app.post_json("/articles", &body).await;
        assert_eq!(
            (r.status.as_u16(), r.code()),
            (422, "empty_article"),
            "{body}"
        );
    }
    let r = app.post("/articles", "text/plain", "").await;
    assert_eq!((r.status.as_u16(), r.code()), (422, "empty_article"));
    let r = app
        .post(
            "/articles",
            "text/html",
            "<html><body><nav>Home</nav></body></html>",
        )
        .await;
    assert_eq!((r.status.as_u16(), r.code()), (422, "no_article_body"));
    assert_eq!(app.get("/articles").await.json["items"], json!([]));
}

#[tokio::test]
async fn limits_and_cursors_are_checked() {
    let app = app().await;
    for uri in [
        "/quotes?limit=0",
        "/quotes?limit=501",
        "/quotes?limit=abc",
        "/quotes?limit=-1",
        "/articles?limit=1000",
        "/actors?limit=0",
        "/entities?limit=9999",
    ] {
        let r = app.get(uri).await;
        assert_eq!(
            (r.status.as_u16(), r.code()),
            (400, "invalid_limit"),
            "{uri}"
        );
    }
    for uri in [
        "/quotes?cursor=garbage!",
        "/quotes?cursor=bm9wZQ",
        "/articles?cursor=%22%22%22",
        "/actors?name=x&cursor=AAAA",
        "/entities?cursor=zzz",
    ] {
        let r = app.get(uri).await;
        assert_eq!(
            (r.status.as_u16(), r.code()),
            (400, "invalid_cursor"),
            "{uri}"
        );
    }
    for uri in ["/quotes?since=yesterday", "/articles?until=2024-13-40"] {
        let r = app.get(uri).await;
        assert_eq!(
            (r.status.as_u16(), r.code()),
            (400, "invalid_date"),
            "{uri}"
        );
    }
    let r = app.get("/quotes?kind=shouted").await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_field"));
    let r = app.get("/entities?type=ANIMAL").await;
    assert_eq!((r.status.as_u16(), r.code()), (400, "invalid_field"));
    let r = app.get("/quotes?limit=500").await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn articles_paginate_newest_first() {
    let app = app().await;
    let mut posted = Vec::new();
    for day in 1..=5 {
        let r = app
            .post_json(
                "/articles",
                &json!({"text": format!("Report number {day}. Ministers met again."),
                        "published_at": format!("2024-03-0{day}"), "source": "wire"}),
            )
            .await;
        assert_eq!(r.status, 201);
        posted.push(r.json["id"].as_i64().unwrap());
    }
    let mut seen = Vec::new();
    let mut uri = "/articles?limit=2".to_owned();
    let mut pages = 0;
    loop {
        let r = app.get(&uri).await;
        assert_eq!(r.status, 200, "{}", r.json);
        pages += 1;
        let page = ids(&r.json["items"]);
        assert!(page.len() <= 2);
        seen.extend(page);
        match r.json["next_cursor"].as_str() {
            Some(c) => uri = format!("/articles?limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    posted.reverse();
    assert_eq!(seen, posted, "newest first, each once");

    let r = app.get("/articles?since=2024-03-02&until=2024-03-03").await;
    assert_eq!(ids(&r.json["items"]), vec![posted[2], posted[3]]);
    let r = app.get("/articles?source=elsewhere").await;
    assert_eq!(r.json["items"], json!([]));
}

#[tokio::test]
async fn fts_syntax_in_q_is_plain_words() {
    let app = app().await;
    let text = "“We reject any idea of spheres of influence in Europe,” Oana Lungescu said.";
    let a = Built::new(text)
        .actor(
            "Oana Lungescu",
            ActorKind::Person,
            &["Lungescu"],
            &[("Oana Lungescu", EntityLabel::Per)],
        )
        .quote(
            "“We reject any idea of spheres of influence in Europe,”",
            QuoteKind::Direct,
            "said",
            "Oana Lungescu",
            0,
        )
        .done();
    let id = app
        .store_analysis(a, "https://example.org/s", "2024-01-28")
        .await;
    for q in [
        "%22",
        "*",
        "NEAR(",
        "AND%20OR",
        "spheres%22",
        "%22spheres",
        "spheres*",
        "NEAR(spheres,%20influence)",
        "-spheres",
        "spheres:influence",
        "(",
        "%5E",
        "%27",
        "%00",
    ] {
        let r = app.get(&format!("/quotes?q={q}")).await;
        assert_eq!(r.status, 200, "q={q}: {}", r.json);
    }
    let r = app.get("/quotes?q=spheres%22").await;
    assert_eq!(r.json["items"][0]["article_id"], id);
    let r = app.get("/quotes?q=Spheres%20INFLUENCE").await;
    assert_eq!(r.json["items"].as_array().unwrap().len(), 1);
    let r = app.get("/quotes?q=spheres%20tanks").await;
    assert_eq!(r.json["items"], json!([]), "words are ANDed");
}

/// Two articles: Lungescu (NATO spokesperson) and Blinken, one quote each;
/// the Blinken one names Russia.
async fn two_speakers(app: &common::TestApp) -> (i64, i64) {
    let t1 = "“We reject any idea of spheres of influence in Europe,” Oana Lungescu, the NATO spokesperson said.";
    let a1 = Built::new(t1)
        .actor(
            "Oana Lungescu",
            ActorKind::Person,
            &["Lungescu"],
            &[("Oana Lungescu", EntityLabel::Per)],
        )
        .actor(
            "NATO",
            ActorKind::Organisation,
            &[],
            &[("NATO", EntityLabel::Org)],
        )
        .role(0, "spokesperson", "NATO")
        .quote(
            "“We reject any idea of spheres of influence in Europe,”",
            QuoteKind::Direct,
            "said",
            "Oana Lungescu",
            0,
        )
        .done();
    let t2 = "The US secretary of state, Antony Blínken said Washington was ready to answer Russia in writing.";
    let a2 = Built::new(t2)
        .actor(
            "Antony Blínken",
            ActorKind::Person,
            &["Blínken"],
            &[("Antony Blínken", EntityLabel::Per)],
        )
        .actor(
            "Russia",
            ActorKind::Place,
            &[],
            &[("Russia", EntityLabel::Loc)],
        )
        .actor(
            "Washington",
            ActorKind::Place,
            &[],
            &[("Washington", EntityLabel::Loc)],
        )
        .quote(
            "Washington was ready to answer Russia in writing",
            QuoteKind::Indirect,
            "said",
            "Antony Blínken",
            0,
        )
        .done();
    let id1 = app
        .store_analysis(a1, "https://example.org/1", "2024-01-20")
        .await;
    let id2 = app
        .store_analysis(a2, "https://example.org/2", "2024-01-21")
        .await;
    (id1, id2)
}

#[tokio::test]
async fn speaker_is_folded_on_name_surname_and_alias() {
    let app = app().await;
    let (_, id2) = two_speakers(&app).await;
    for name in [
        "blinken",
        "BLINKEN",
        "Blínken",
        "Antony%20Blinken",
        "antony%20%20BLÍNKEN",
        "blinken.",
    ] {
        let r = app.get(&format!("/quotes?speaker={name}")).await;
        assert_eq!(r.status, 200);
        let items = r.json["items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "speaker={name}: {}", r.json);
        assert_eq!(items[0]["article_id"], id2);
        assert_eq!(items[0]["kind"], "indirect");
        assert_eq!(items[0]["speaker"]["canonical_name"], "Antony Blínken");
    }
    let r = app.get("/quotes?speaker=lungescu").await;
    let items = r.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["speaker"]["role"], "spokesperson");
    assert_eq!(items[0]["speaker"]["affiliation"], "NATO");
    assert_eq!(items[0]["cue"]["text"], "said");
    let article = app
        .get(&format!("/articles/{}", items[0]["article_id"]))
        .await;
    let names: Vec<&str> = article.json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["canonical_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Oana Lungescu", "NATO"]);
    assert_eq!(article.json["actors"][1]["type"], "organisation");
    let r = app.get("/quotes?speaker=nobody").await;
    assert_eq!(r.json["items"], json!([]));
    // Newest first overall.
    let r = app.get("/quotes").await;
    assert_eq!(r.json["items"][0]["article_id"], id2);
    // Code-point offsets: the quote text is at [start, end) of the stored text.
    let q = &app.get("/quotes?speaker=lungescu").await.json["items"][0];
    let article = app.get(&format!("/articles/{}", q["article_id"])).await;
    let text: Vec<char> = article.json["text"].as_str().unwrap().chars().collect();
    let (s, e) = (
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        text[s..e].iter().collect::<String>(),
        q["text"].as_str().unwrap()
    );
    assert_eq!(s, 0);
}

#[tokio::test]
async fn mentions_and_other_filters_narrow() {
    let app = app().await;
    let (id1, id2) = two_speakers(&app).await;
    let all = app.get("/quotes").await;
    assert_eq!(all.json["items"].as_array().unwrap().len(), 2);
    let r = app.get("/quotes?mentions=russia").await;
    let items = r.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["article_id"], id2);
    let r = app.get("/quotes?speaker=lungescu&mentions=russia").await;
    assert_eq!(r.json["items"], json!([]));
    let r = app.get("/quotes?kind=direct").await;
    assert_eq!(r.json["items"][0]["article_id"], id1);
    assert_eq!(r.json["items"].as_array().unwrap().len(), 1);
    let r = app.get(&format!("/quotes?article_id={id1}")).await;
    assert_eq!(r.json["items"].as_array().unwrap().len(), 1);
    let r = app.get("/quotes?since=2024-01-21").await;
    assert_eq!(r.json["items"][0]["article_id"], id2);
    assert_eq!(r.json["items"].as_array().unwrap().len(), 1);
    let r = app.get("/quotes?until=2024-01-20").await;
    assert_eq!(r.json["items"][0]["article_id"], id1);
    let r = app.get("/quotes?source=test-wire").await;
    assert_eq!(r.json["items"].as_array().unwrap().len(), 2);
    let r = app.get("/quotes?source=other").await;
    assert_eq!(r.json["items"], json!([]));
    // One quote per page, two pages.
    let p1 = app.get("/quotes?limit=1").await;
    let cursor = p1.json["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_owned();
    let p2 = app.get(&format!("/quotes?limit=1&cursor={cursor}")).await;
    assert_eq!(p2.json["next_cursor"], Value::Null);
    assert_ne!(p1.json["items"][0]["id"], p2.json["items"][0]["id"]);
    // GET /quotes/{id}
    let qid = p2.json["items"][0]["id"].as_i64().unwrap();
    let one = app.get(&format!("/quotes/{qid}")).await;
    assert_eq!(one.status, 200);
    assert_eq!(one.json, p2.json["items"][0]);
}

#[tokio::test]
async fn actors_are_ranked_and_described() {
    let app = app().await;
    two_speakers(&app).await;
    let r = app.get("/actors?name=blinken").await;
    assert_eq!(r.status, 200);
    let first = &r.json["items"][0];
    assert_eq!(first["canonical_name"], "Antony Blínken");
    assert_eq!(first["type"], "person");
    assert_eq!(first["quote_count"], 1);
    assert_eq!(first["mention_count"], 1);
    assert_eq!(first["first_seen"], "2024-01-21T00:00:00Z");
    assert!(first["aliases"]
        .as_array()
        .unwrap()
        .contains(&json!("Blínken")));
    let actor_id = first["id"].as_i64().unwrap();

    let r = app.get("/actors?name=Oana%20Lungescu").await;
    assert_eq!(r.json["items"][0]["matched"], "exact");
    assert_eq!(r.json["items"][0]["roles"], json!(["spokesperson"]));
    assert_eq!(r.json["items"][0]["affiliations"], json!(["NATO"]));
    let r = app.get("/actors?name=lungesku").await;
    assert_eq!(r.json["items"][0]["matched"], "fuzzy");
    assert_eq!(r.json["items"][0]["canonical_name"], "Oana Lungescu");
    let r = app.get("/actors?name=lung").await;
    assert_eq!(r.json["items"][0]["matched"], "prefix");
    let r = app.get("/actors?name=zzzz").await;
    assert_eq!(r.json["items"], json!([]));

    let r = app.get(&format!("/actors/{actor_id}")).await;
    assert_eq!(r.json["canonical_name"], "Antony Blínken");
    let r = app.get(&format!("/actors/{actor_id}/quotes")).await;
    assert_eq!(r.json["items"].as_array().unwrap().len(), 1);
    assert_eq!(r.json["items"][0]["speaker"]["actor_id"], actor_id);
    let all = app.get("/actors?limit=2").await;
    assert_eq!(all.json["items"].as_array().unwrap().len(), 2);
    assert!(all.json["next_cursor"].is_string());
}

#[tokio::test]
async fn actors_join_across_articles() {
    let app = app().await;
    let t = |s: &str| s.to_owned();
    // Two articles naming Antony Blinken, then one with only "Blinken".
    for (i, text) in [
        t("Antony Blinken arrived in Geneva."),
        t("Antony BLINKEN left Geneva on Friday."),
    ]
    .iter()
    .enumerate()
    {
        let name = &text[..14];
        let a = Built::new(text)
            .actor(name, ActorKind::Person, &[], &[(name, EntityLabel::Per)])
            .done();
        app.store_analysis(a, &format!("https://example.org/j{i}"), "2024-01-01")
            .await;
    }
    let a = Built::new("Blinken spoke briefly.")
        .actor(
            "Blinken",
            ActorKind::Person,
            &[],
            &[("Blinken", EntityLabel::Per)],
        )
        .done();
    app.store_analysis(a, "https://example.org/j3", "2024-01-02")
        .await;
    let r = app.get("/actors?name=blinken").await;
    let items = r.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", r.json);
    assert_eq!(items[0]["article_count"], 3);
    assert_eq!(items[0]["canonical_name"], "Antony Blinken");

    // Two different Smiths: a bare "Smith" joins neither.
    for (i, name) in ["Anna Smith", "John Smith", "Smith"].iter().enumerate() {
        let text = format!("{name} was there.");
        let a = Built::new(&text)
            .actor(name, ActorKind::Person, &[], &[(name, EntityLabel::Per)])
            .done();
        app.store_analysis(a, &format!("https://example.org/s{i}"), "2024-01-03")
            .await;
    }
    let r = app.get("/actors?name=smith").await;
    let names: Vec<&str> = r.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["canonical_name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(names[0], "Smith", "exact match first");
}

#[tokio::test]
async fn entities_are_aggregated_with_article_counts() {
    let app = app().await;
    let (id1, _) = two_speakers(&app).await;
    let a = Built::new("Russia and NATO met.")
        .actor(
            "Russia",
            ActorKind::Place,
            &[],
            &[("Russia", EntityLabel::Loc)],
        )
        .actor(
            "NATO",
            ActorKind::Organisation,
            &[],
            &[("NATO", EntityLabel::Org)],
        )
        .done();
    app.store_analysis(a, "https://example.org/e", "2024-01-22")
        .await;
    let r = app.get("/entities").await;
    assert_eq!(r.status, 200);
    let top = &r.json["items"][0];
    assert_eq!(top["article_count"], 2);
    let r = app.get("/entities?type=LOC&name=russia").await;
    let items = r.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", r.json);
    assert_eq!(items[0]["name"], "Russia");
    assert_eq!(items[0]["type"], "LOC");
    assert_eq!(items[0]["article_count"], 2);
    let r = app
        .get(&format!("/entities?article_id={id1}&type=person"))
        .await;
    let items = r.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["name"], "Oana Lungescu");
}

/// `entities?name=` finds mentions by their own text too: one linked to an actor none of
/// whose names is that text ("Moscow" → Russia), and one linked to no actor.
#[tokio::test]
async fn entities_by_name_find_mentions_by_their_text() {
    let app = app().await;
    let mut a = Built::new("Moscow said so, and Kremlin sources agreed.")
        .actor(
            "Russia",
            ActorKind::Place,
            &[],
            &[("Moscow", EntityLabel::Loc)],
        )
        .done();
    a.entities.push(verbatim::pipeline::Mention {
        span: common::span_of(&a.text, "Kremlin"),
        label: EntityLabel::Org,
        actor: None,
    });
    app.store_analysis(a, "https://example.org/moscow", "2024-01-22")
        .await;
    let r = app.get("/entities?name=moscow").await;
    let items = r.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", r.json);
    assert_eq!(items[0]["name"], "Russia");
    assert_eq!(items[0]["mention_count"], 1);
    let r = app.get("/entities?name=kremlin").await;
    let items = r.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", r.json);
    assert_eq!(items[0]["name"], "Kremlin");
    assert!(items[0]["actor_id"].is_null(), "{}", r.json);
    assert_eq!(
        app.get("/entities?name=russia").await.json["items"][0]["name"],
        "Russia"
    );
    assert_eq!(
        app.get("/entities?name=paris").await.json["items"],
        serde_json::json!([])
    );
}

#[tokio::test]
async fn delete_cascades_and_removes_orphan_actors() {
    let app = app().await;
    let (id1, id2) = two_speakers(&app).await;
    let nato_before = app.get("/actors?name=nato").await.json["items"][0]["id"].clone();
    assert!(nato_before.is_i64());
    let r = app.delete(&format!("/articles/{id1}")).await;
    assert_eq!(r.status, 204);
    assert_eq!(app.get(&format!("/articles/{id1}")).await.status, 404);
    assert_eq!(app.delete(&format!("/articles/{id1}")).await.status, 404);
    assert_eq!(
        app.get("/quotes?speaker=lungescu").await.json["items"],
        json!([])
    );
    assert_eq!(app.get("/quotes?q=spheres").await.json["items"], json!([]));
    assert_eq!(
        app.get("/actors?name=lungescu").await.json["items"],
        json!([])
    );
    assert_eq!(app.get("/actors?name=nato").await.json["items"], json!([]));
    assert_eq!(
        app.get(&format!("/entities?article_id={id1}")).await.json["items"],
        json!([])
    );
    // The other article is untouched.
    assert_eq!(
        app.get("/quotes?speaker=blinken").await.json["items"][0]["article_id"],
        id2
    );
    // Nothing dangles.
    let pool = app.store.read_pool();
    let orphans: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM quotes WHERE article_id = ?1)
              + (SELECT COUNT(*) FROM article_entities WHERE article_id = ?1)
              + (SELECT COUNT(*) FROM unlinked_mentions WHERE article_id = ?1)
              + (SELECT COUNT(*) FROM entity_counts WHERE mention_count <= 0)
              + (SELECT COUNT(*) FROM actors a WHERE NOT EXISTS
                   (SELECT 1 FROM article_actors aa WHERE aa.actor_id = a.id))",
    )
    .bind(id1)
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(orphans, 0);
    let fts: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'spheres'")
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!(fts, 0, "the full-text index follows deletions");
}

#[tokio::test]
async fn concurrent_duplicates_are_stored_once() {
    let app = app().await;
    let body =
        json!({"text": "The same story, posted by sixteen clients at once. Officials said so."});
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let router = app.router.clone();
        let body = body.to_string();
        tasks.push(tokio::spawn(async move {
            use tower::ServiceExt;
            let res = router
                .oneshot(
                    axum::http::Request::post("/articles")
                        .header("content-type", "application/json")
                        .body(axum::body::Body::from(body))
                        .unwrap(),
                )
                .await
                .unwrap();
            res.status().as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses.sort();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        15,
        "{statuses:?}"
    );
    assert_eq!(
        app.get("/articles").await.json["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn batch_reports_each_line_in_order() {
    let app = app().await;
    let lines = [
        json!({"text": "First article in the batch. Officials met."}).to_string(),
        "{not json".to_owned(),
        String::new(),
        json!({"text": ""}).to_string(),
        json!({"text": "First article in the batch. Officials met."}).to_string(),
        json!({"text": "Third article. Ministers agreed.", "published_at": "2024-05-05"})
            .to_string(),
    ];
    let r = app
        .post("/articles/batch", "application/x-ndjson", lines.join("\n"))
        .await;
    assert_eq!(r.status, 200, "{}", r.json);
    let items = r.json["items"].as_array().unwrap();
    let got: Vec<(i64, i64)> = items
        .iter()
        .map(|i| (i["line"].as_i64().unwrap(), i["status"].as_i64().unwrap()))
        .collect();
    assert_eq!(got, vec![(1, 201), (2, 400), (4, 422), (5, 200), (6, 201)]);
    assert_eq!(items[1]["error"]["code"], "invalid_json");
    assert_eq!(items[2]["error"]["code"], "empty_article");
    assert_eq!(items[3]["id"], items[0]["id"]);
    assert_eq!(
        app.get("/articles").await.json["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn api_keys_guard_writes_and_optionally_reads() {
    let app = app_with(ApiConfig {
        api_key: Some("w-secret".into()),
        ..ApiConfig::default()
    })
    .await;
    let body = json!({"text": SHORT}).to_string();
    let post = |auth: Option<&str>| {
        let mut b =
            axum::http::Request::post("/articles").header("content-type", "application/json");
        if let Some(a) = auth {
            b = b.header("authorization", a);
        }
        b.body(axum::body::Body::from(body.clone())).unwrap()
    };
    let r = app.send(post(None)).await;
    assert_eq!((r.status.as_u16(), r.code()), (401, "unauthorized"));
    let r = app.send(post(Some("Bearer nope"))).await;
    assert_eq!((r.status.as_u16(), r.code()), (401, "unauthorized"));
    let r = app.send(post(Some("Bearer w-secret"))).await;
    assert_eq!(r.status, 201);
    assert_eq!(app.delete("/articles/1").await.status, 401);
    assert_eq!(app.get("/articles").await.status, 200, "reads stay open");

    let app = app_with(ApiConfig {
        api_key: Some("w-secret".into()),
        read_key: Some("r-secret".into()),
        ..ApiConfig::default()
    })
    .await;
    assert_eq!(app.get("/articles").await.status, 401);
    assert_eq!(app.get("/health").await.status, 200);
    let get = |key: &str| {
        axum::http::Request::get("/quotes")
            .header("authorization", format!("Bearer {key}"))
            .body(axum::body::Body::empty())
            .unwrap()
    };
    assert_eq!(app.send(get("r-secret")).await.status, 200);
    assert_eq!(app.send(get("w-secret")).await.status, 200);
    assert_eq!(app.send(get("x-secret")).await.status, 401);
}

#[tokio::test]
async fn a_newer_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.db");
    {
        let store = verbatim::store::Store::open(&path).await.unwrap();
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
             VALUES (9999, 'from the future', 1, x'00', 0)",
        )
        .execute(store.read_pool())
        .await
        .unwrap();
        store.close().await;
    }
    let err = match verbatim::store::Store::open(&path).await {
        Ok(_) => panic!("a newer database was opened"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("newer version"), "{err}");
    assert!(err.contains("9999"), "{err}");
}

#[tokio::test]
async fn the_data_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let id = {
        let store = verbatim::store::Store::open(&path).await.unwrap();
        let a = Built::new("Ministers met in Vienna.").done();
        let id = match store
            .insert(verbatim::store::NewArticle {
                analysis: a,
                url: None,
                source: None,
                byline: None,
                language: None,
                published_at: None,
            })
            .await
            .unwrap()
        {
            verbatim::store::Ingested::Created(v) => v.id,
            other => panic!("{other:?}"),
        };
        store.close().await;
        id
    };
    let store = verbatim::store::Store::open(&path).await.unwrap();
    assert!(store.article(id).await.unwrap().is_some());
    assert!(store.ready().await.unwrap());
}

#[tokio::test]
async fn unresolved_speakers_are_found_by_name() {
    let app = app().await;
    let text = "Western officials said the talks would resume in March.";
    let a = Built::new(text)
        .quote_unresolved(
            "the talks would resume in March",
            "said",
            "Western officials",
        )
        .done();
    let id = app
        .store_analysis(a, "https://example.org/u", "2024-02-02")
        .await;
    let r = app.get("/quotes?speaker=western%20OFFICIALS").await;
    let items = r.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", r.json);
    assert_eq!(items[0]["article_id"], id);
    assert_eq!(items[0]["speaker"]["actor_id"], Value::Null);
    assert_eq!(items[0]["speaker"]["name"], "Western officials");
    assert_eq!(items[0]["speaker"]["how"], "guess");
    let r = app.get("/quotes?speaker=officials%20east").await;
    assert_eq!(r.json["items"], json!([]));
}

#[tokio::test]
async fn a_panicking_handler_is_a_json_500_without_details() {
    use tower::ServiceExt;
    async fn boom() -> &'static str {
        panic!("secret detail")
    }
    let router = verbatim::api::with_service_layers(
        axum::Router::new().route("/boom", axum::routing::get(boom)),
        1024,
        std::time::Duration::from_secs(5),
    );
    let res = router
        .oneshot(
            axum::http::Request::get("/boom")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), 500);
    assert!(res.headers().contains_key("x-request-id"));
    let bytes = http_body_util::BodyExt::collect(res.into_body())
        .await
        .unwrap()
        .to_bytes();
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(v["error"]["code"], "internal");
    assert!(!String::from_utf8_lossy(&bytes).contains("secret"));
}

/// 32 clients at once, half posting and half querying, all posting one shared article
/// too: no errors, exact counts, the shared article stored once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_posts_and_queries_have_no_errors_and_exact_counts() {
    use tower::ServiceExt;
    let app = app().await;
    let shared =
        json!({"text": "One shared story. “We are ready,” Oana Lungescu said."}).to_string();
    let mut tasks = Vec::new();
    for c in 0..32 {
        let router = app.router.clone();
        let shared = shared.clone();
        tasks.push(tokio::spawn(async move {
            let mut statuses = Vec::new();
            let send = |req: axum::http::Request<axum::body::Body>| {
                let router = router.clone();
                async move { router.oneshot(req).await.unwrap().status().as_u16() }
            };
            let post = |body: String| {
                axum::http::Request::post("/articles")
                    .header("content-type", "application/json")
                    .body(axum::body::Body::from(body))
                    .unwrap()
            };
            statuses.push(send(post(shared)).await);
            for i in 0..10 {
                if c % 2 == 0 {
                    let body = json!({"text": format!(
                        "Client {c} story {i}. “We will decide soon,” Antony Blinken said."
                    )});
                    statuses.push(send(post(body.to_string())).await);
                } else {
                    for uri in [
                        "/quotes?speaker=blinken&limit=5",
                        "/actors?name=lungescu",
                        "/quotes?q=decide",
                    ] {
                        let req = axum::http::Request::get(uri)
                            .body(axum::body::Body::empty())
                            .unwrap();
                        statuses.push(send(req).await);
                    }
                }
            }
            statuses
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    assert!(all.iter().all(|s| *s == 200 || *s == 201), "{all:?}");
    assert_eq!(all.iter().filter(|s| **s == 201).count(), 16 * 10 + 1);
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM articles")
        .fetch_one(app.store.read_pool())
        .await
        .unwrap();
    assert_eq!(n, 16 * 10 + 1);
}

#[tokio::test]
async fn cors_is_off_by_default_and_configurable() {
    let preflight = || {
        axum::http::Request::builder()
            .method("OPTIONS")
            .uri("/articles")
            .header("origin", "https://newsroom.example")
            .header("access-control-request-method", "POST")
            .body(axum::body::Body::empty())
            .unwrap()
    };
    let app = app().await;
    let r = app.send(preflight()).await;
    assert!(!r.headers.contains_key("access-control-allow-origin"));

    let app = app_with(ApiConfig {
        cors_origins: vec!["https://newsroom.example".into()],
        read_key: Some("r".into()),
        ..ApiConfig::default()
    })
    .await;
    let r = app.send(preflight()).await;
    assert!(r.status.is_success(), "{}", r.status);
    assert_eq!(
        r.headers["access-control-allow-origin"],
        "https://newsroom.example"
    );
    let other = axum::http::Request::get("/health")
        .header("origin", "https://elsewhere.example")
        .body(axum::body::Body::empty())
        .unwrap();
    let r = app.send(other).await;
    assert!(!r.headers.contains_key("access-control-allow-origin"));
}

#[tokio::test]
async fn html_pages_are_extracted() {
    let app = app().await;
    let page = r#"<!doctype html><html><head><title>Talks resume in Vienna | Example News</title>
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Talks resume in Vienna</h1>
<p>Negotiators returned to Vienna on Tuesday for a new round of talks on the nuclear programme, officials said.</p>
<p>“We are ready to work through the night if that is what it takes,” the chief negotiator told reporters outside the hotel where the delegations are staying.</p>
<p>The previous round ended in March without an agreement, after disputes over the pace of sanctions relief and the order of the steps each side would take.</p>
</article>
<footer>Share this article. Subscribe to our newsletter. Please enter your comment!</footer>
</body></html>"#;
    let r = app
        .post(
            "/articles?source=example-news",
            "text/html; charset=utf-8",
            page,
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.json);
    let text = r.json["text"].as_str().unwrap();
    assert!(text.contains("Negotiators returned to Vienna"), "{text}");
    assert!(text.contains("sanctions relief"), "{text}");
    assert!(!text.contains("Sport"), "navigation dropped: {text}");
    assert!(r.json["title"]
        .as_str()
        .unwrap()
        .contains("Talks resume in Vienna"));
    assert_eq!(r.json["source"], "example-news");
    // JSON with an "html" field takes the same path.
    let r = app
        .post_json(
            "/articles",
            &json!({"html": page, "url": "https://example.org/vienna"}),
        )
        .await;
    assert_eq!(r.status, 200, "same body text: a duplicate");
    assert_eq!(r.json["duplicate"], true);
}

#[tokio::test]
async fn a_full_sync_store_stores_and_reopens() {
    use verbatim::store::{Ingested, NewArticle, Store, StoreOptions};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.db");
    let store = Store::open_with(
        &path,
        StoreOptions {
            full_sync: true,
            ..StoreOptions::default()
        },
    )
    .await
    .unwrap();
    let stored = store
        .insert(NewArticle {
            analysis: Built::new("Ministers met in Vienna.").done(),
            url: Some("https://example.org/full".into()),
            source: None,
            byline: None,
            language: None,
            published_at: None,
        })
        .await
        .unwrap();
    let Ingested::Created(view) = stored else {
        panic!("{stored:?}")
    };
    store.close().await;
    let store = Store::open(&path).await.unwrap();
    assert_eq!(
        store.article(view.id).await.unwrap().unwrap().text,
        "Ministers met in Vienna."
    );
    assert_eq!(
        store
            .article_id_by_url("https://example.org/full")
            .await
            .unwrap(),
        Some(view.id)
    );
}

#[tokio::test]
async fn a_broken_analysis_fails_alone_and_the_writer_lives_on() {
    use verbatim::store::NewArticle;
    let app = app().await;
    // A span that cuts "é" in half: slicing it panics while the article is prepared for
    // the writer (`store::prepare`), which fails that request alone.
    let mut bad = Built::new("Café talks ended.").done();
    bad.entities.push(verbatim::pipeline::Mention {
        span: verbatim::pipeline::Span::new(0, 4),
        label: EntityLabel::Loc,
        actor: None,
    });
    let new = |analysis| NewArticle {
        analysis,
        url: None,
        source: None,
        byline: None,
        language: None,
        published_at: None,
    };
    let results = app
        .store
        .insert_many(vec![
            new(Built::new("Before the bad one.").done()),
            new(bad),
            new(Built::new("After the bad one.").done()),
        ])
        .await;
    assert!(results[0].is_ok() && results[2].is_ok(), "{results:?}");
    assert!(results[1].is_err());
    let r = app
        .post_json("/articles", &json!({"text": "Still writing."}))
        .await;
    assert_eq!(r.status, 201);
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM articles")
        .fetch_one(app.store.read_pool())
        .await
        .unwrap();
    assert_eq!(n, 3, "the broken article left nothing behind");
}

#[tokio::test]
async fn full_text_pages_are_newest_first_whatever_the_ingest_order() {
    let app = app().await;
    let dates = [
        "2024-03-01",
        "2021-07-15",
        "2025-01-09",
        "2024-03-01",
        "1999-12-31",
    ];
    for (i, date) in dates.iter().enumerate() {
        let text = format!("“The ceasefire must hold, number {i},” Anna Novak said.");
        let a = Built::new(&text)
            .actor(
                "Anna Novak",
                ActorKind::Person,
                &[],
                &[("Anna Novak", EntityLabel::Per)],
            )
            .quote(
                &format!("“The ceasefire must hold, number {i},”"),
                QuoteKind::Direct,
                "said",
                "Anna Novak",
                0,
            )
            .done();
        app.store_analysis(a, &format!("https://example.org/c{i}"), date)
            .await;
    }
    for base in [
        "/quotes?q=ceasefire",
        "/quotes?q=ceasefire&speaker=novak",
        "/quotes?speaker=novak",
    ] {
        let mut seen: Vec<(String, i64)> = Vec::new();
        let mut uri = format!("{base}&limit=2");
        loop {
            let r = app.get(&uri).await;
            assert_eq!(r.status, 200, "{uri}: {}", r.json);
            for q in r.json["items"].as_array().unwrap() {
                seen.push((
                    q["date"].as_str().unwrap().to_owned(),
                    q["id"].as_i64().unwrap(),
                ));
            }
            match r.json["next_cursor"].as_str() {
                Some(c) => uri = format!("{base}&limit=2&cursor={c}"),
                None => break,
            }
        }
        assert_eq!(seen.len(), 5, "{base}: {seen:?}");
        let mut sorted = seen.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(seen, sorted, "{base}: newest first");
        assert_eq!(seen[0].0, "2025-01-09T00:00:00Z");
        assert_eq!(seen[4].0, "1999-12-31T00:00:00Z");
    }
}

/// A `POST /articles` whose client gives up while its article is being analysed is not
/// stored: nobody would be told it was. (One pipeline thread, so the second post is
/// analysed only after the first one's job is over: had that job stored its article,
/// the second post would be its duplicate.)
#[tokio::test]
async fn an_article_whose_client_gave_up_is_not_stored() {
    use axum::body::Body;
    use axum::http::Request;
    use std::sync::Arc;
    use tower::ServiceExt;
    use verbatim::api::{self, AppState};
    use verbatim::ingest::PipelinePool;
    use verbatim::store::Store;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(&dir.path().join("test.db")).await.unwrap());
    let router = api::router(AppState {
        store: store.clone(),
        pipeline: PipelinePool::new(common::pipeline(), 1).unwrap(),
        config: Arc::new(ApiConfig::default()),
    });
    // (long enough that its analysis is still running when the client gives up, ~2 ms
    // after sending it: a job not yet started is skipped, which stores nothing either)
    let paragraph = "“We will not be intimidated by threats,” Jens Stoltenberg told reporters \
                     in Brussels on Tuesday, adding that the alliance would respond.\n\n";
    let text = format!("Stoltenberg speaks\n\n{}", paragraph.repeat(2_000));
    let post = |text: String| {
        Request::post("/articles")
            .header("content-type", "text/plain")
            .body(Body::from(text))
            .unwrap()
    };
    let gave_up = tokio::time::timeout(
        std::time::Duration::from_millis(2),
        router.clone().oneshot(post(text.clone())),
    )
    .await;
    assert!(
        gave_up.is_err(),
        "the analysis should take longer than 2 ms"
    );
    let again = router.clone().oneshot(post(text)).await.unwrap();
    assert_eq!(again.status(), 201);
}
