//! `migrations/0011_article_entities.sql` replaced the row per mention with one JSON row
//! per article, counts per (actor, label) and rows for mentions of no actor. Every
//! answer stays what the old `GROUP BY` over a row per mention gave: `GET /entities`
//! with each filter and page (`common::OldEntities` runs the old statement over the
//! mentions rebuilt from the JSON), the article view's mentions in start order, and
//! `entity_count`, after deletes and after actors come back.

mod common;

use common::{app, assert_entities_as_before, span_of, Built, TestApp};
use serde_json::json;
use verbatim::pipeline::{ActorKind, Analysis, EntityLabel, Mention};

/// Mentions of no actor whose texts fold alike (their group's name is the least text),
/// the same text under two labels, two actors of one name, two mentions at one start,
/// and texts JSON must escape.
fn crowded(tag: &str) -> Analysis {
    let text = format!(
        "Kremlin aides, the KREMLIN press office and kremlin guards met Washington \
         officials in Washington. Zoë \"Q\" \\ Łukasz and Moscow said so. ({tag})"
    );
    let mut a = Built::new(&text)
        .actor(
            "Washington",
            ActorKind::Place,
            &[],
            &[("Washington.", EntityLabel::Loc)],
        )
        .actor(
            "Washington",
            ActorKind::Person,
            &[],
            &[("Washington officials", EntityLabel::Per)],
        )
        .actor(
            "Russia",
            ActorKind::Place,
            &[],
            &[
                ("Moscow", EntityLabel::Loc),
                ("Kremlin aides", EntityLabel::Org),
            ],
        )
        .done();
    // Trim the spans that carried context to find them.
    for m in &mut a.entities {
        let t = m.span.text(&a.text);
        let keep = t.split([' ', '.']).next().unwrap().len();
        m.span = verbatim::pipeline::Span::new(m.span.start, m.span.start + keep);
    }
    for actor in &mut a.actors {
        for s in &mut actor.mentions {
            let t = s.text(&a.text);
            let keep = t.split([' ', '.']).next().unwrap().len();
            *s = verbatim::pipeline::Span::new(s.start, s.start + keep);
        }
    }
    for (needle, label) in [
        ("KREMLIN", EntityLabel::Org),
        ("kremlin", EntityLabel::Org),
        ("kremlin", EntityLabel::Loc),
        ("Kremlin", EntityLabel::Misc),
        ("Zoë \"Q\" \\ Łukasz", EntityLabel::Per),
        ("Łukasz", EntityLabel::Per),
    ] {
        a.entities.push(Mention {
            span: span_of(&a.text, needle),
            label,
            actor: None,
        });
    }
    a
}

/// The mentions of `a` as `GET /articles/{id}` lists them: by start, then as analysed.
fn in_start_order(a: &Analysis) -> Vec<(usize, String, String)> {
    let mut v: Vec<(usize, String, String)> = a
        .entities
        .iter()
        .map(|m| {
            (
                a.text[..m.span.start].chars().count(),
                m.span.text(&a.text).to_owned(),
                m.label.as_str().to_owned(),
            )
        })
        .collect();
    v.sort_by_key(|e| e.0);
    v
}

async fn view_entities(app: &TestApp, id: i64) -> Vec<(usize, String, String)> {
    let r = app.get(&format!("/articles/{id}")).await;
    assert_eq!(r.status, 200, "{}", r.json);
    r.json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["start"].as_u64().unwrap() as usize,
                e["text"].as_str().unwrap().to_owned(),
                e["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn entities_answer_as_the_old_grouping_did() {
    let app = app().await;
    let mut ids = Vec::new();
    for (n, date) in ["2024-01-01", "2024-02-01", "2024-03-01"]
        .iter()
        .enumerate()
    {
        let a = crowded(&n.to_string());
        let expected = in_start_order(&a);
        let id = app
            .store_analysis(a, &format!("https://example.org/crowded/{n}"), date)
            .await;
        assert_eq!(view_entities(&app, id).await, expected);
        ids.push(id);
    }
    // One article with no mentions at all.
    let bare = Built::new("Nothing named here.").done();
    let bare_id = app
        .store_analysis(bare, "https://example.org/bare", "2024-04-01")
        .await;
    assert!(view_entities(&app, bare_id).await.is_empty());
    let list = app.get("/articles?limit=10").await;
    let counts: Vec<_> = list.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].clone(), a["entity_count"].clone()))
        .collect();
    assert_eq!(
        counts,
        vec![
            (json!(bare_id), json!(0)),
            (json!(ids[2]), json!(10)),
            (json!(ids[1]), json!(10)),
            (json!(ids[0]), json!(10)),
        ]
    );
    // The least text names a group of mentions of no actor.
    let r = app.get("/entities?name=kremlin&type=ORG").await;
    assert_eq!(r.json["items"][0]["name"], "KREMLIN", "{}", r.json);
    assert_eq!(r.json["items"][0]["mention_count"], 6, "{}", r.json);
    assert_entities_as_before(&app, 100, 10, "three crowded articles").await;

    // Deletes: counts go down, groups at zero go away; then the actors come back.
    assert_eq!(
        app.delete(&format!("/articles/{}", ids[0])).await.status,
        204
    );
    assert_entities_as_before(&app, 100, 10, "after a delete").await;
    assert_eq!(
        app.delete(&format!("/articles/{}", ids[1])).await.status,
        204
    );
    assert_eq!(
        app.delete(&format!("/articles/{}", ids[2])).await.status,
        204
    );
    let r = app.get("/entities").await;
    assert_eq!(r.json["items"], json!([]), "{}", r.json);
    let conn = rusqlite::Connection::open(app.dir.path().join("test.db")).unwrap();
    let left: i64 = conn
        .query_row(
            "SELECT (SELECT COUNT(*) FROM entity_counts) + (SELECT COUNT(*) FROM unlinked_mentions)
                  + (SELECT COUNT(*) FROM article_entities)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
    let again = app
        .store_analysis(crowded("again"), "https://example.org/again", "2024-05-01")
        .await;
    assert_eq!(
        view_entities(&app, again).await,
        in_start_order(&crowded("again"))
    );
    assert_entities_as_before(&app, 100, 10, "after the actors came back").await;
}

/// The load test's articles (seed-demo's generator: shared surnames, skewed speakers),
/// some deleted: every page of every filter as before.
#[tokio::test]
async fn seeded_articles_answer_as_before_through_deletes() {
    let app = app().await;
    let mut ids = Vec::new();
    for n in 0..40u64 {
        let mut rng = verbatim::cli::seed_demo::Rng::new(11 + n);
        let (title, text) = verbatim::cli::seed_demo::ingest_article(&mut rng, n, 30);
        let r = app
            .post_json(
                "/articles",
                &json!({"title": title, "text": text, "url": format!("https://s.example/{n}"),
                        "published_at": verbatim::cli::seed_demo::date_for(n)}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.json);
        ids.push(r.json["id"].as_i64().unwrap());
    }
    assert_entities_as_before(&app, 60, 6, "40 seeded articles").await;
    for id in ids.iter().step_by(3) {
        assert_eq!(app.delete(&format!("/articles/{id}")).await.status, 204);
    }
    assert_entities_as_before(&app, 60, 6, "after deleting a third").await;
}
