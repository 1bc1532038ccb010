//! `GET /metrics` (Prometheus text) and `--log-format json` with the request id.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::app;
use http_body_util::BodyExt;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tower::ServiceExt;

const NATO: &str = include_str!("../examples/nato.txt");

/// The value of the sample `name` (with its labels, exactly as rendered).
fn sample(metrics: &str, name: &str) -> f64 {
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
        .unwrap_or_else(|| panic!("no sample {name} in:\n{metrics}"))
        .parse()
        .unwrap()
}

#[tokio::test]
async fn metrics_count_requests_ingestion_pipeline_time_and_database_size() {
    let app = app().await;
    assert_eq!(app.get("/quotes?speaker=nobody").await.status, 200);
    assert_eq!(app.get("/quotes").await.status, 200);
    assert_eq!(app.get("/actors/987654").await.status, 404);
    assert_eq!(app.get("/no/such/route").await.status, 404);
    let r = app.post("/articles", "text/plain", NATO).await;
    assert_eq!(r.status, 201);
    let quotes = r.json["quotes"].as_array().unwrap().len() as f64;
    assert_eq!(app.post("/articles", "text/plain", NATO).await.status, 200);

    let res = app
        .router
        .clone()
        .oneshot(Request::get("/metrics").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    let m =
        String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();

    // The registry is process-wide and other tests run alongside: counters are lower bounds.
    let q200 = sample(
        &m,
        r#"verbatim_http_requests_total{route="/quotes",method="GET",status="200"}"#,
    );
    assert!(q200 >= 2.0, "{q200}");
    // Route templates, not raw paths (ids would explode the label set).
    assert!(
        sample(
            &m,
            r#"verbatim_http_requests_total{route="/actors/{id}",method="GET",status="404"}"#
        ) >= 1.0
    );
    assert!(
        sample(
            &m,
            r#"verbatim_http_requests_total{route="(unmatched)",method="GET",status="404"}"#
        ) >= 1.0
    );
    assert!(
        sample(
            &m,
            r#"verbatim_http_requests_total{route="/articles",method="POST",status="201"}"#
        ) >= 1.0
    );
    assert!(
        sample(
            &m,
            r#"verbatim_http_requests_total{route="/articles",method="POST",status="200"}"#
        ) >= 1.0
    );
    assert!(!m.contains("/actors/987654"));

    // Histogram: cumulative buckets, +Inf equals the count.
    let inf = sample(
        &m,
        r#"verbatim_http_request_duration_seconds_bucket{route="/quotes",le="+Inf"}"#,
    );
    let count = sample(
        &m,
        r#"verbatim_http_request_duration_seconds_count{route="/quotes"}"#,
    );
    assert_eq!(inf, count);
    assert!(count >= q200);
    let small = sample(
        &m,
        r#"verbatim_http_request_duration_seconds_bucket{route="/quotes",le="0.001"}"#,
    );
    let big = sample(
        &m,
        r#"verbatim_http_request_duration_seconds_bucket{route="/quotes",le="10"}"#,
    );
    assert!(small <= big && big <= inf);

    assert!(sample(&m, "verbatim_articles_ingested_total") >= 1.0);
    assert!(sample(&m, "verbatim_quotes_ingested_total") >= quotes);
    assert!(sample(&m, "verbatim_articles_duplicate_total") >= 1.0);
    assert!(sample(&m, "verbatim_pipeline_seconds_count") >= 1.0);
    assert!(sample(&m, "verbatim_pipeline_seconds_sum") > 0.0);
    // Gauges read from this test's own database: exact.
    assert_eq!(sample(&m, "verbatim_articles_stored"), 1.0);
    assert_eq!(sample(&m, "verbatim_quotes_stored"), quotes);
    assert!(sample(&m, "verbatim_database_bytes") >= 4096.0);
    for family in [
        "verbatim_http_requests_total counter",
        "verbatim_http_request_duration_seconds histogram",
        "verbatim_pipeline_seconds histogram",
        "verbatim_database_bytes gauge",
    ] {
        assert!(m.contains(&format!("# TYPE {family}\n")), "{family}");
    }
}

fn get(addr: SocketAddr, path: &str, request_id: Option<&str>) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let id = request_id.map_or(String::new(), |id| format!("x-request-id: {id}\r\n"));
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: t\r\n{id}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

/// `verbatim serve` on a fresh port and database in `dir`, its log (stdout) piped.
fn serve_logging(dir: &std::path::Path, args: &[&str]) -> (std::process::Child, SocketAddr) {
    let addr = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .arg("serve")
        .args(args)
        .args(["--addr", &addr.to_string()])
        .arg("--db")
        .arg(dir.join("l.db"))
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while TcpStream::connect(addr).is_err() {
        assert!(Instant::now() < deadline, "the server did not come up");
        std::thread::sleep(Duration::from_millis(50));
    }
    (child, addr)
}

/// Lets the last lines out, stops the server and returns everything it logged.
fn stop_and_read_logs(mut child: std::process::Child) -> String {
    std::thread::sleep(Duration::from_millis(200));
    child.kill().unwrap();
    let mut logs = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut logs)
        .unwrap();
    child.wait().unwrap();
    logs
}

#[test]
fn text_logs_to_a_file_or_pipe_have_no_colour_codes() {
    let dir = tempfile::tempdir().unwrap();
    let (child, addr) = serve_logging(dir.path(), &[]);
    assert!(get(addr, "/quotes?speaker=blinken", Some("plain-7")).starts_with("HTTP/1.1 200"));
    let logs = stop_and_read_logs(child);
    assert!(logs.contains("verbatim is listening"), "{logs}");
    let access = logs
        .lines()
        .find(|l| l.contains("request_id=plain-7"))
        .unwrap_or_else(|| panic!("no access line for the request in:\n{logs}"));
    assert!(access.contains("status=200"), "{access}");
    assert!(
        !logs.contains('\u{1b}'),
        "escape codes in a piped log:\n{logs}"
    );
}

#[test]
fn json_logs_carry_the_request_id() {
    let dir = tempfile::tempdir().unwrap();
    let (child, addr) = serve_logging(dir.path(), &["--log-format", "json"]);
    let given = get(addr, "/quotes?speaker=blinken", Some("trace-me-42"));
    assert!(given.starts_with("HTTP/1.1 200"));
    assert!(given
        .to_ascii_lowercase()
        .contains("x-request-id: trace-me-42"));
    let made = get(addr, "/actors/5", None);
    let made_id = made
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("x-request-id: ")
                .map(str::to_owned)
        })
        .expect("a generated request id");
    let logs = stop_and_read_logs(child);

    let lines: Vec<serde_json::Value> = logs
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    assert!(lines
        .iter()
        .any(|l| l["fields"]["message"] == "verbatim is listening"));
    let of = |id: &str| -> Vec<&serde_json::Value> {
        lines
            .iter()
            .filter(|l| l["span"]["request_id"] == id)
            .collect()
    };
    let traced = of("trace-me-42");
    assert!(
        !traced.is_empty(),
        "no line with the request id in:\n{logs}"
    );
    assert!(traced
        .iter()
        .all(|l| l["span"]["uri"] == "/quotes?speaker=blinken"));
    assert!(
        traced.iter().any(|l| l["fields"]["status"] == 200),
        "an access line: {traced:?}"
    );
    let generated = of(&made_id);
    assert!(
        generated.iter().any(|l| l["fields"]["status"] == 404),
        "{logs}"
    );
}
