//! The seed article (`../shared/eval/fixtures/nato-romania-bulgaria.txt`, read at run
//! time, skipped when absent) through the real pipeline and the real router.

mod common;

use common::{app, seed_article, TestApp};
use serde_json::Value;

async fn with_seed() -> Option<(TestApp, Value)> {
    let seed = seed_article()?;
    let app = app().await;
    let r = app
        .post(
            "/articles?source=example-news&published_at=2022-01-28",
            "text/plain",
            seed,
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.json);
    Some((app, r.json))
}

fn items(v: &Value) -> &Vec<Value> {
    v["items"].as_array().expect("items")
}

/// Every span the service returns is a code-point range of the stored text, and
/// reading the article back gives what the POST answered.
#[tokio::test]
async fn offsets_point_into_the_stored_text() {
    let Some((app, posted)) = with_seed().await else {
        return;
    };
    let text: Vec<char> = posted["text"].as_str().unwrap().chars().collect();
    let slice = |s: &Value, e: &Value| -> String {
        let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
        assert!(s <= e && e <= text.len());
        text[s..e].iter().collect()
    };
    for ent in posted["entities"].as_array().unwrap() {
        assert_eq!(
            slice(&ent["start"], &ent["end"]),
            ent["text"].as_str().unwrap()
        );
    }
    for q in posted["quotes"].as_array().unwrap() {
        assert_eq!(slice(&q["start"], &q["end"]), q["text"].as_str().unwrap());
        if q["cue"].is_object() {
            assert_eq!(
                slice(&q["cue"]["start"], &q["cue"]["end"]),
                q["cue"]["text"].as_str().unwrap()
            );
        }
        if q["speaker"]["start"].is_u64() {
            assert_eq!(
                slice(&q["speaker"]["start"], &q["speaker"]["end"]),
                q["speaker"]["text"].as_str().unwrap()
            );
        }
    }
    let id = posted["id"].as_i64().unwrap();
    let got = app.get(&format!("/articles/{id}")).await;
    let mut expected = posted.clone();
    expected.as_object_mut().unwrap().remove("duplicate");
    assert_eq!(got.json, expected);
}

#[tokio::test]
async fn lungescu_has_the_two_nato_spokesperson_quotes() {
    let Some((app, _)) = with_seed().await else {
        return;
    };
    for name in ["lungescu", "LUNGESCU", "Oana%20Lungescu"] {
        let r = app.get(&format!("/quotes?speaker={name}")).await;
        assert_eq!(r.status, 200);
        let quotes = items(&r.json);
        assert_eq!(quotes.len(), 2, "speaker={name}: {}", r.json);
        let texts: Vec<&str> = quotes.iter().map(|q| q["text"].as_str().unwrap()).collect();
        assert!(
            texts.iter().any(|t| t.contains("spheres of influence")),
            "{texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.contains("We will always respond")),
            "{texts:?}"
        );
        for q in quotes {
            assert_eq!(q["kind"], "direct");
            assert_eq!(q["speaker"]["canonical_name"], "Oana Lungescu");
            assert_eq!(q["speaker"]["role"], "spokesperson");
            assert_eq!(q["speaker"]["affiliation"], "NATO");
        }
    }
}

#[tokio::test]
async fn blinken_reported_speech_is_found() {
    let Some((app, _)) = with_seed().await else {
        return;
    };
    for name in ["blinken", "BLINKEN", "Antony%20Blinken", "Bl%C3%ADnken"] {
        let r = app.get(&format!("/quotes?speaker={name}")).await;
        let quotes = items(&r.json);
        assert!(
            quotes.iter().any(|q| q["kind"] == "indirect"
                && q["text"]
                    .as_str()
                    .unwrap()
                    .contains("ready to respond in writing")),
            "speaker={name}: {}",
            r.json
        );
        assert!(quotes
            .iter()
            .all(|q| q["speaker"]["canonical_name"] == "Antony Blinken"));
    }
}

#[tokio::test]
async fn mentions_russia_narrows_and_q_spheres_finds_the_quote() {
    let Some((app, _)) = with_seed().await else {
        return;
    };
    let all = items(&app.get("/quotes").await.json).len();
    assert!(all >= 4, "the seed article has six quotes, found {all}");
    let about = app.get("/quotes?mentions=russia").await;
    let n = items(&about.json).len();
    assert!(n >= 1 && n < all, "mentions=russia gave {n} of {all}");
    let r = app.get("/quotes?q=spheres").await;
    let found = items(&r.json);
    assert_eq!(found.len(), 1, "{}", r.json);
    assert!(found[0]["text"]
        .as_str()
        .unwrap()
        .contains("spheres of influence"));
    assert_eq!(found[0]["speaker"]["canonical_name"], "Oana Lungescu");
}

/// The README's curl walk-through, on `examples/nato.txt` (shipped, always present).
#[tokio::test]
async fn readme_example_answers_lungescu_and_blinken() {
    let example =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/nato.txt"))
            .expect("examples/nato.txt");
    let app = app().await;
    let r = app.post("/articles", "text/plain", example).await;
    assert_eq!(r.status, 201, "{}", r.json);
    assert_eq!(
        r.json["title"],
        "NATO says it will not pull back from the Baltic as Russia raises pressure"
    );
    let r = app.get("/quotes?speaker=lungescu").await;
    let quotes = items(&r.json);
    assert_eq!(quotes.len(), 2, "{}", r.json);
    for q in quotes {
        assert_eq!(q["kind"], "direct");
        assert_eq!(q["speaker"]["role"], "spokesperson");
        assert_eq!(q["speaker"]["affiliation"], "NATO");
    }
    let r = app.get("/quotes?speaker=blinken").await;
    let quotes = items(&r.json);
    // "…said Washington … would answer … in writing, but warned that any new incursion …"
    assert_eq!(quotes.len(), 2, "{}", r.json);
    assert!(quotes.iter().all(|q| q["kind"] == "indirect"));
    let text_of = |i: usize| quotes[i]["text"].as_str().unwrap();
    assert!((0..2).any(|i| text_of(i).contains("in writing")));
    assert!((0..2).any(|i| text_of(i).contains("incursion")));
    let r = app.get("/quotes?q=dialogue").await;
    assert_eq!(items(&r.json).len(), 1, "{}", r.json);
}
