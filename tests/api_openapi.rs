//! `/openapi.json` is honest: a snapshot shows every change, the router and the document
//! list the same routes (both come from `routes!` in `src/api/mod.rs`, and nothing is routed
//! around it), and every answer the service really sends — successes and errors — has a
//! documented status for its operation and exactly the documented fields, recursively.

mod common;

use common::{app, app_with, Reply, TestApp};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use verbatim::api::ApiConfig;

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/openapi.json");
const ROUTER_SOURCE: &str = include_str!("../src/api/mod.rs");
const NATO: &str = include_str!("../examples/nato.txt");
const METHODS: [&str; 5] = ["get", "post", "delete", "put", "patch"];

async fn doc(app: &TestApp) -> Value {
    let r = app.get("/openapi.json").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["content-type"], "application/json");
    r.json
}

#[tokio::test]
async fn the_document_matches_its_snapshot() {
    let app = app().await;
    let d = doc(&app).await;
    assert_eq!(d["openapi"], "3.1.0");
    let served: Value = serde_json::from_str(verbatim::api::openapi_json()).unwrap();
    assert_eq!(d, served);
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

/// The source of `fn router` and `fn api_routes` (where routes may be added).
fn router_source() -> &'static str {
    let start = ROUTER_SOURCE.find("fn api_routes").expect("fn api_routes");
    let end = ROUTER_SOURCE.find("fn cors_layer").expect("fn cors_layer");
    &ROUTER_SOURCE[start..end]
}

/// The handlers registered with `routes!(...)`, one group per path.
fn handlers_in_routes() -> Vec<Vec<String>> {
    router_source()
        .split("routes!(")
        .skip(1)
        .map(|chunk| {
            let inside = &chunk[..chunk.find(')').unwrap()];
            inside
                .split(',')
                .map(|h| h.trim().to_owned())
                .filter(|h| !h.is_empty())
                .collect()
        })
        .collect()
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

fn concrete(path: &str) -> String {
    path.replace("{id}", "1").replace("{file}", "app.js")
}

async fn request(app: &TestApp, method: &str, uri: &str) -> (u16, String) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let req = axum::http::Request::builder()
        .method(method.to_uppercase().as_str())
        .uri(uri)
        .body(axum::body::Body::empty())
        .unwrap();
    let res = app.router.clone().oneshot(req).await.unwrap();
    let status = res.status().as_u16();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn every_route_is_documented_and_every_documented_route_exists() {
    // Routes only come from `routes!`, which adds each handler's documented operation:
    // nothing is routed around it.
    let source = router_source();
    for bypass in [
        ".route(",
        ".route_service(",
        ".nest(",
        ".nest_service(",
        ".merge(",
    ] {
        assert!(
            !source.contains(bypass),
            "src/api/mod.rs routes with {bypass}..): that route would be missing from the document"
        );
    }
    let groups = handlers_in_routes();
    let handlers: Vec<&String> = groups.iter().flatten().collect();
    assert!(handlers.len() >= 19, "parsed the router: {groups:?}");

    let app = app().await;
    let d = doc(&app).await;
    let ops = documented(&d);
    // One operation per registered handler, one path per `routes!` group.
    assert_eq!(ops.len(), handlers.len(), "operations vs handlers: {ops:?}");
    assert_eq!(d["paths"].as_object().unwrap().len(), groups.len());

    for (method, path) in &ops {
        let uri = concrete(path);
        let (status, body) = request(&app, method, &uri).await;
        assert_ne!(status, 405, "{method} {uri}");
        assert!(
            !body.contains("no such route"),
            "{method} {uri} is documented but not routed"
        );
        let op = &d["paths"][path][method];
        // Every documented operation documents its answers, its id and its path parameters.
        assert!(op["responses"].as_object().is_some_and(|r| !r.is_empty()));
        assert!(
            op["operationId"].is_string() && op["summary"].is_string(),
            "{method} {path}"
        );
        let path_params: BTreeSet<&str> = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["in"] == "path")
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        let in_template: BTreeSet<&str> = path
            .split('{')
            .skip(1)
            .map(|s| &s[..s.find('}').unwrap()])
            .collect();
        assert_eq!(path_params, in_template, "{method} {path}: path parameters");
    }
    // The router has no undocumented method on a documented path.
    for path in d["paths"].as_object().unwrap().keys() {
        for method in METHODS {
            if !ops.contains(&(method.to_owned(), path.clone())) {
                let (status, _) = request(&app, method, &concrete(path)).await;
                assert_eq!(status, 405, "{method} {path} is routed but not documented");
            }
        }
    }
    // And no undocumented path: an unknown one reaches the fallback.
    let (status, body) = request(&app, "get", "/no/such/route").await;
    assert_eq!(status, 404);
    assert!(body.contains("no such route"));
}

/// A schema with its `$ref` followed.
fn resolve<'a>(d: &'a Value, s: &'a Value) -> &'a Value {
    match s["$ref"].as_str() {
        Some(r) => {
            let name = r.strip_prefix("#/components/schemas/").expect("local ref");
            let target = &d["components"]["schemas"][name];
            assert!(!target.is_null(), "no schema {name}");
            resolve(d, target)
        }
        None => s,
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Properties and required names of an object schema, through `allOf`.
fn object_parts<'a>(
    d: &'a Value,
    s: &'a Value,
    props: &mut serde_json::Map<String, Value>,
    required: &mut BTreeSet<String>,
) {
    let s = resolve(d, s);
    for part in s["allOf"].as_array().into_iter().flatten() {
        object_parts(d, part, props, required);
    }
    if let Some(p) = s["properties"].as_object() {
        props.extend(p.clone());
    }
    for r in s["required"].as_array().into_iter().flatten() {
        required.insert(r.as_str().unwrap().to_owned());
    }
}

/// `value` matches `schema`: types, enums, and for objects exactly the documented fields
/// with every required one, recursively.
fn check(d: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    let s = resolve(d, schema);
    if let Some(alternatives) = s["oneOf"].as_array() {
        let errors: Vec<String> = alternatives
            .iter()
            .filter_map(|alt| check(d, alt, value, at).err())
            .collect();
        if errors.len() == alternatives.len() {
            return Err(format!("{at}: matches no alternative: {errors:?}"));
        }
        return Ok(());
    }
    if let Some(allowed) = s["enum"].as_array() {
        if !allowed.contains(value) {
            return Err(format!("{at}: {value} is not one of {allowed:?}"));
        }
    }
    let actual = json_type(value);
    let types: Vec<&str> = match &s["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ if s.get("allOf").is_some() => vec!["object"],
        _ => return Ok(()), // any value
    };
    let fits = types.contains(&actual) || (actual == "integer" && types.contains(&"number"));
    if !fits {
        return Err(format!("{at}: {actual} where the schema says {types:?}"));
    }
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check(d, &s["items"], item, &format!("{at}[{i}]"))?;
            }
        }
        Value::Object(obj) => {
            let mut props = serde_json::Map::new();
            let mut required = BTreeSet::new();
            object_parts(d, s, &mut props, &mut required);
            for key in obj.keys() {
                if !props.contains_key(key) {
                    return Err(format!("{at}: field {key:?} is not documented"));
                }
            }
            for req in &required {
                if !obj.contains_key(req) {
                    return Err(format!("{at}: required field {req:?} is missing"));
                }
            }
            for (key, v) in obj {
                check(d, &props[key], v, &format!("{at}.{key}"))?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// The answer's status is documented for `method path`, and its JSON body matches the
/// documented schema.
fn conforms(d: &Value, method: &str, path: &str, reply: &Reply) {
    let op = &d["paths"][path][method];
    assert!(op.is_object(), "{method} {path} is not documented");
    let status = reply.status.as_str();
    let answer = &op["responses"][status];
    assert!(
        answer.is_object(),
        "{method} {path} answered {status}, which is not documented: {}",
        reply.json
    );
    let at = format!("{method} {path} {status}");
    match answer["content"]["application/json"]["schema"].as_object() {
        Some(_) => {
            let schema = &answer["content"]["application/json"]["schema"];
            if let Err(e) = check(d, schema, &reply.json, &at) {
                panic!("{e}\nbody: {}", reply.json);
            }
        }
        None => assert!(reply.json.is_null(), "{at}: an undocumented body"),
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
    conforms(&d, "post", "/articles", &created);
    assert!(!created.json["quotes"].as_array().unwrap().is_empty());
    let dup = app.post("/articles", "text/plain", NATO).await;
    assert_eq!(dup.status, 200);
    conforms(&d, "post", "/articles", &dup);
    let id = created.json["id"].as_i64().unwrap();
    let r = app.get(&format!("/articles/{id}")).await;
    conforms(&d, "get", "/articles/{id}", &r);
    conforms(&d, "get", "/articles", &app.get("/articles").await);
    let quotes = app.get("/quotes").await;
    conforms(&d, "get", "/quotes", &quotes);
    let qid = quotes.json["items"][0]["id"].as_i64().unwrap();
    conforms(
        &d,
        "get",
        "/quotes/{id}",
        &app.get(&format!("/quotes/{qid}")).await,
    );
    let actors = app.get("/actors?name=blinken").await;
    conforms(&d, "get", "/actors", &actors);
    assert!(actors.json["items"][0]["matched"].is_string());
    conforms(&d, "get", "/actors", &app.get("/actors").await);
    let aid = actors.json["items"][0]["id"].as_i64().unwrap();
    conforms(
        &d,
        "get",
        "/actors/{id}",
        &app.get(&format!("/actors/{aid}")).await,
    );
    conforms(
        &d,
        "get",
        "/actors/{id}/quotes",
        &app.get(&format!("/actors/{aid}/quotes")).await,
    );
    let t = app
        .get(&format!("/actors/{aid}/timeline?bucket=week"))
        .await;
    assert!(!t.json["items"].as_array().unwrap().is_empty());
    conforms(&d, "get", "/actors/{id}/timeline", &t);
    let n = app.get(&format!("/actors/{aid}/network")).await;
    assert!(!n.json["mentions"].as_array().unwrap().is_empty());
    conforms(&d, "get", "/actors/{id}/network", &n);
    conforms(&d, "get", "/entities", &app.get("/entities").await);
    conforms(
        &d,
        "get",
        "/entities",
        &app.get("/entities?type=person&limit=1").await,
    );
    conforms(&d, "get", "/health", &app.get("/health").await);
    conforms(&d, "get", "/ready", &app.get("/ready").await);
    let batch = format!(
        "{}\nnot json\n{}\n",
        json!({"text": "Lavrov said Moscow wanted guarantees.", "url": "https://example.org/l"}),
        json!({"text": "x", "url": "https://example.org/l"})
    );
    let b = app
        .post("/articles/batch", "application/x-ndjson", batch)
        .await;
    assert_eq!(b.json["items"].as_array().unwrap().len(), 3);
    conforms(&d, "post", "/articles/batch", &b);
    let gone = app.delete(&format!("/articles/{id}")).await;
    assert_eq!(gone.status, 204);
    conforms(&d, "delete", "/articles/{id}", &gone);
}

#[tokio::test]
async fn errors_are_documented_where_they_happen() {
    let app = app().await;
    let d = doc(&app).await;
    let cases: &[(&str, &str, &str)] = &[
        ("get", "/quotes", "/quotes?limit=0"),
        ("get", "/quotes", "/quotes?since=yesterday"),
        ("get", "/quotes", "/quotes?kind=shouted"),
        ("get", "/quotes", "/quotes?cursor=garbage"),
        ("get", "/quotes", "/quotes?actor_id=one"),
        ("get", "/articles", "/articles?until=never"),
        ("get", "/articles/{id}", "/articles/999"),
        ("get", "/articles/{id}", "/articles/abc"),
        ("delete", "/articles/{id}", "/articles/999"),
        ("get", "/quotes/{id}", "/quotes/999"),
        ("get", "/actors", "/actors?limit=9999"),
        ("get", "/actors/{id}", "/actors/999"),
        ("get", "/actors/{id}/quotes", "/actors/999/quotes"),
        (
            "get",
            "/actors/{id}/timeline",
            "/actors/1/timeline?bucket=year",
        ),
        ("get", "/actors/{id}/timeline", "/actors/999/timeline"),
        ("get", "/actors/{id}/network", "/actors/1/network?limit=x"),
        ("get", "/actors/{id}/network", "/actors/999/network"),
        ("get", "/entities", "/entities?type=animal"),
        ("get", "/assets/{file}", "/assets/nothing.js"),
    ];
    for (method, path, uri) in cases {
        let r = match *method {
            "delete" => app.delete(uri).await,
            _ => app.get(uri).await,
        };
        assert!(r.status.is_client_error(), "{uri}: {}", r.status);
        conforms(&d, method, path, &r);
    }
    let posts: &[(&str, &str, &str)] = &[
        ("/articles", "application/json", "{not json"),
        ("/articles", "application/json", r#"{"text": "  "}"#),
        ("/articles", "application/pdf", "%PDF"),
        ("/articles", "text/html", "<html><body></body></html>"),
        (
            "/articles?published_at=someday",
            "text/plain",
            "Lavrov said so.",
        ),
        ("/articles/batch", "application/json", "{}"),
    ];
    for (uri, content_type, body) in posts {
        let r = app.post(uri, content_type, *body).await;
        assert!(r.status.is_client_error(), "{uri}: {}", r.status);
        let path = uri.split('?').next().unwrap();
        conforms(&d, "post", path, &r);
    }

    // With keys set: 401 where the document says so.
    let locked = app_with(ApiConfig {
        api_key: Some("write".into()),
        read_key: Some("read".into()),
        ..ApiConfig::default()
    })
    .await;
    for (method, path) in documented(&d) {
        let (status, body) = request(&locked, &method, &concrete(&path)).await;
        if status == 401 {
            let reply = Reply {
                status: axum::http::StatusCode::UNAUTHORIZED,
                headers: Default::default(),
                json: serde_json::from_str(&body).unwrap(),
            };
            conforms(&d, &method, &path, &reply);
        } else {
            assert!(
                d["paths"][&path][&method]["responses"]["401"].is_null(),
                "{method} {path} documents 401 but is open: {status}"
            );
        }
    }
}

/// The checker itself catches what it is there to catch.
#[test]
fn the_checker_rejects_what_is_not_documented() {
    let d: Value = serde_json::from_str(verbatim::api::openapi_json()).unwrap();
    let article = json!({"$ref": "#/components/schemas/Created"});
    let ok = json!({
        "id": 1, "url": null, "source": null, "title": null, "byline": null, "language": null,
        "published_at": null, "ingested_at": "2024-01-01T00:00:00Z", "text": "t",
        "entities": [], "quotes": [], "actors": [], "duplicate": false,
    });
    check(&d, &article, &ok, "ok").unwrap();
    let mut extra = ok.clone();
    extra["surprise"] = json!(1);
    assert!(check(&d, &article, &extra, "extra").is_err());
    let mut missing = ok.clone();
    missing.as_object_mut().unwrap().remove("duplicate");
    assert!(check(&d, &article, &missing, "missing").is_err());
    let mut wrong = ok.clone();
    wrong["id"] = json!("1");
    assert!(check(&d, &article, &wrong, "wrong type").is_err());
    let mut deep = ok.clone();
    deep["actors"] = json!([{"id": 1, "canonical_name": "A", "type": "person", "x": 0}]);
    assert!(check(&d, &article, &deep, "nested").is_err());
    let timeline = json!({"$ref": "#/components/schemas/Timeline"});
    let bad_bucket = json!({"actor_id": 1, "bucket": "year", "items": []});
    assert!(check(&d, &timeline, &bad_bucket, "enum").is_err());
}
