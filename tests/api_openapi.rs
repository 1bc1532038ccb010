//! `/openapi.json` is honest: a snapshot shows every change, every documented operation is
//! routed, every route in the router is documented, and the JSON the service really sends
//! has exactly the documented fields (recursively).

mod common;

use common::{app, TestApp};
use serde_json::{json, Value};
use std::collections::BTreeSet;

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/openapi.json");
const ROUTER_SOURCE: &str = include_str!("../src/api/mod.rs");
const NATO: &str = include_str!("../examples/nato.txt");

async fn doc(app: &TestApp) -> Value {
    let r = app.get("/openapi.json").await;
    assert_eq!(r.status, 200);
    r.json
}

#[tokio::test]
async fn the_document_matches_its_snapshot() {
    let app = app().await;
    let d = doc(&app).await;
    assert_eq!(d["openapi"], "3.1.0");
    let pretty = serde_json::to_string_pretty(&d).unwrap() + "\n";
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(SNAPSHOT, &pretty).unwrap();
        return;
    }
    let saved = std::fs::read_to_string(SNAPSHOT).unwrap_or_default();
    assert!(
        saved == pretty,
        "docs/openapi.json differs from what /openapi.json serves; review the change and run \
         UPDATE_SNAPSHOTS=1 cargo test --test api_openapi"
    );
}

/// (method, path) of every `.route(...)` in the router source.
fn routes_in_source() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for chunk in ROUTER_SOURCE.split(".route(").skip(1) {
        let path = chunk.split('"').nth(1).unwrap().to_owned();
        // The handler expression runs to the closing parenthesis of .route( ... ).
        let mut depth = 1;
        let end = chunk
            .char_indices()
            .find(|&(_, c)| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .unwrap()
            .0;
        let handlers = &chunk[..end];
        for method in ["get", "post", "delete", "put", "patch"] {
            if handlers.contains(&format!("{method}(")) {
                out.insert((method.to_owned(), path.clone()));
            }
        }
    }
    out
}

fn documented(d: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, ops) in d["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            out.insert((method.clone(), path.clone()));
        }
    }
    out
}

#[tokio::test]
async fn every_route_is_documented_and_every_documented_route_exists() {
    let app = app().await;
    let d = doc(&app).await;
    let source = routes_in_source();
    assert!(source.len() >= 19, "parsed the router: {source:?}");
    assert_eq!(documented(&d), source, "documented vs routed");
    for (method, path) in documented(&d) {
        let uri = path.replace("{id}", "1").replace("{file}", "app.js");
        let req = axum::http::Request::builder()
            .method(method.to_uppercase().as_str())
            .uri(&uri)
            .body(axum::body::Body::empty())
            .unwrap();
        use tower::ServiceExt;
        let res = app.router.clone().oneshot(req).await.unwrap();
        let status = res.status().as_u16();
        use http_body_util::BodyExt;
        let body = res.into_body().collect().await.unwrap().to_bytes();
        assert_ne!(status, 405, "{method} {uri}");
        assert!(
            !String::from_utf8_lossy(&body).contains("no such route"),
            "{method} {uri} is documented but not routed"
        );
        // Every documented operation documents its answers.
        assert!(d["paths"][&path][&method]["responses"]
            .as_object()
            .is_some_and(|r| !r.is_empty()));
    }
}

/// The schema a property points to, through arrays and nullable `oneOf`s.
fn schema_ref(prop: &Value) -> Option<&str> {
    if let Some(r) = prop["$ref"].as_str() {
        return r.strip_prefix("#/components/schemas/");
    }
    if let Some(items) = prop.get("items") {
        return schema_ref(items);
    }
    prop["oneOf"].as_array()?.iter().find_map(schema_ref)
}

/// `value` has only documented fields, every required one, recursively.
fn conforms(d: &Value, schema: &str, value: &Value, at: &str) {
    let s = &d["components"]["schemas"][schema];
    let props = s["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("no schema {schema}"));
    let obj = value
        .as_object()
        .unwrap_or_else(|| panic!("{at}: not an object: {value}"));
    for key in obj.keys() {
        assert!(
            props.contains_key(key),
            "{at}: field {key:?} is not in the {schema} schema"
        );
    }
    for req in s["required"].as_array().into_iter().flatten() {
        let req = req.as_str().unwrap();
        assert!(
            obj.contains_key(req),
            "{at}: required {schema}.{req} is missing"
        );
    }
    for (key, v) in obj {
        if let Some(inner) = schema_ref(&props[key]) {
            match v {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        conforms(d, inner, item, &format!("{at}.{key}[{i}]"));
                    }
                }
                Value::Object(_) => conforms(d, inner, v, &format!("{at}.{key}")),
                _ => {}
            }
        }
    }
}

#[tokio::test]
async fn real_answers_have_exactly_the_documented_fields() {
    let app = app().await;
    let d = doc(&app).await;
    let created = app
        .post(
            "/articles?source=Wire&published_at=2024-01-25",
            "text/plain",
            NATO,
        )
        .await;
    assert_eq!(created.status, 201);
    conforms(&d, "Article", &created.json, "POST /articles");
    assert!(!created.json["quotes"].as_array().unwrap().is_empty());
    let dup = app.post("/articles", "text/plain", NATO).await;
    conforms(&d, "Duplicate", &dup.json, "duplicate");
    let id = created.json["id"].as_i64().unwrap();
    conforms(
        &d,
        "Article",
        &app.get(&format!("/articles/{id}")).await.json,
        "GET /articles/{id}",
    );
    conforms(
        &d,
        "ArticlePage",
        &app.get("/articles").await.json,
        "GET /articles",
    );
    let quotes = app.get("/quotes").await.json;
    conforms(&d, "QuotePage", &quotes, "GET /quotes");
    let qid = quotes["items"][0]["id"].as_i64().unwrap();
    conforms(
        &d,
        "Quote",
        &app.get(&format!("/quotes/{qid}")).await.json,
        "GET /quotes/{id}",
    );
    let actors = app.get("/actors?name=blinken").await.json;
    conforms(&d, "ActorPage", &actors, "GET /actors?name=");
    assert!(actors["items"][0]["matched"].is_string());
    conforms(
        &d,
        "ActorPage",
        &app.get("/actors").await.json,
        "GET /actors",
    );
    let aid = actors["items"][0]["id"].as_i64().unwrap();
    conforms(
        &d,
        "Actor",
        &app.get(&format!("/actors/{aid}")).await.json,
        "GET /actors/{id}",
    );
    conforms(
        &d,
        "QuotePage",
        &app.get(&format!("/actors/{aid}/quotes")).await.json,
        "actor quotes",
    );
    let t = app
        .get(&format!("/actors/{aid}/timeline?bucket=week"))
        .await
        .json;
    assert!(!t["items"].as_array().unwrap().is_empty());
    conforms(&d, "Timeline", &t, "timeline");
    let n = app.get(&format!("/actors/{aid}/network")).await.json;
    assert!(!n["mentions"].as_array().unwrap().is_empty());
    conforms(&d, "Network", &n, "network");
    conforms(
        &d,
        "EntityPage",
        &app.get("/entities").await.json,
        "GET /entities",
    );
    conforms(&d, "Status", &app.get("/health").await.json, "health");
    conforms(&d, "Status", &app.get("/ready").await.json, "ready");
    conforms(
        &d,
        "ErrorBody",
        &app.get("/quotes?limit=0").await.json,
        "an error",
    );
    let batch = format!(
        "{}\nnot json\n",
        json!({"text": "Lavrov said Moscow wanted guarantees.", "url": "https://example.org/l"})
    );
    let b = app
        .post("/articles/batch", "application/x-ndjson", batch)
        .await;
    assert_eq!(b.json["items"].as_array().unwrap().len(), 2);
    conforms(&d, "BatchResults", &b.json, "batch");
}
