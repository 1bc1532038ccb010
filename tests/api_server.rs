//! The real binary: `verbatim serve` on a temporary database, `verbatim healthcheck`
//! against it, a POST over a real socket, then SIGTERM → clean exit with the data kept.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_verbatim");

fn free_addr() -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap()
}

fn healthcheck(addr: SocketAddr) -> bool {
    Command::new(BIN)
        .args(["healthcheck", "--addr", &addr.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

fn start(addr: SocketAddr, db: &std::path::Path) -> Child {
    let child = Command::new(BIN)
        .arg("serve")
        .env("VERBATIM_ADDR", addr.to_string())
        .env("VERBATIM_DB", db)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start verbatim serve");
    // Bounded wait for the port (not a timing assertion: it only avoids hanging).
    let deadline = Instant::now() + Duration::from_secs(60);
    while !healthcheck(addr) {
        assert!(Instant::now() < deadline, "the server did not come up");
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

/// A raw HTTP/1.1 request; returns the status code and the body.
fn http(addr: SocketAddr, method: &str, path: &str, ctype: &str, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: test\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = out
        .split_once("\r\n\r\n")
        .map(|x| x.1)
        .unwrap_or("")
        .to_owned();
    (status, body)
}

fn terminate(child: &mut Child) -> std::process::ExitStatus {
    let pid = child.id().to_string();
    let sent = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(sent.success());
    child.wait().unwrap()
}

#[test]
fn serve_healthcheck_post_and_graceful_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("served.db");
    let addr = free_addr();
    let mut child = start(addr, &db);

    let example =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/nato.txt")).unwrap();
    let (status, body) = http(addr, "POST", "/articles", "text/plain", &example);
    assert_eq!(status, 201, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let id = v["id"].as_i64().unwrap();
    let (status, _) = http(addr, "GET", "/ready", "text/plain", "");
    assert_eq!(status, 200);

    let exit = terminate(&mut child);
    assert!(
        exit.success(),
        "SIGTERM should end the server cleanly: {exit:?}"
    );
    assert!(!healthcheck(addr), "healthcheck fails when nothing listens");

    // Restart on the same file: the article is there, and posting it again is a duplicate.
    let mut child = start(addr, &db);
    let (status, _) = http(addr, "GET", &format!("/articles/{id}"), "text/plain", "");
    assert_eq!(status, 200);
    let (status, body) = http(addr, "POST", "/articles", "text/plain", &example);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"duplicate\":true"));
    assert!(terminate(&mut child).success());
}

/// SIGKILL in the middle of 16 concurrent writers: every article that got a 201 is
/// there after a restart, with the entities and quotes the 201 listed, and the
/// database passes `PRAGMA integrity_check`.
#[test]
fn kill_9_loses_no_acknowledged_article() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let addr = free_addr();
    let mut child = start(addr, &db);

    let acked: Arc<Mutex<Vec<(i64, usize, usize)>>> = Arc::default();
    let count = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for c in 0..16 {
        let (acked, count, stop) = (acked.clone(), count.clone(), stop.clone());
        clients.push(std::thread::spawn(move || {
            for i in 0..200 {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let body = serde_json::json!({
                    "text": format!("Client {c} report {i}. \u{201c}We will not move,\u{201d} \
                                     Oana Lungescu, the NATO spokesperson, said in Brussels. \
                                     Officials said talks with Russia would go on."),
                    "url": format!("https://example.org/crash/{c}/{i}"),
                })
                .to_string();
                let Ok((status, reply)) =
                    try_http(addr, "POST", "/articles", "application/json", &body)
                else {
                    break; // the server is gone
                };
                if status == 201 {
                    let v: serde_json::Value = serde_json::from_str(&reply).unwrap();
                    let n = |k: &str| v[k].as_array().map_or(0, Vec::len);
                    acked.lock().unwrap().push((
                        v["id"].as_i64().unwrap(),
                        n("entities"),
                        n("quotes"),
                    ));
                    count.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    // Kill once a good number of writes are acknowledged (bounded wait).
    let deadline = Instant::now() + Duration::from_secs(120);
    while count.load(Ordering::Relaxed) < 100 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-KILL", &pid])
        .status()
        .unwrap()
        .success());
    let _ = child.wait();
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        !acked.is_empty(),
        "no write was acknowledged before the kill"
    );

    let mut child = start(addr, &db);
    for (id, entities, quotes) in &acked {
        let (status, body) = http(addr, "GET", &format!("/articles/{id}"), "text/plain", "");
        assert_eq!(status, 200, "acknowledged article {id} is missing");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            v["entities"].as_array().unwrap().len(),
            *entities,
            "article {id}"
        );
        assert_eq!(
            v["quotes"].as_array().unwrap().len(),
            *quotes,
            "article {id}"
        );
    }
    assert!(terminate(&mut child).success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(
        common::fts_integrity(&conn),
        "ok",
        "the full-text index matches the quotes"
    );
}

fn try_http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    ctype: &str,
    body: &str,
) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: test\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut out = String::new();
    s.read_to_string(&mut out)?;
    let status = out
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status line"))?;
    let body = out
        .split_once("\r\n\r\n")
        .map(|x| x.1)
        .unwrap_or("")
        .to_owned();
    Ok((status, body))
}

/// `seed-demo` fills a database; `loadtest` drives the served copy with no errors.
#[test]
fn seed_demo_and_loadtest_run() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let out = Command::new(BIN)
        .args(["seed-demo", "--quotes", "400", "--actors", "50", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let addr = free_addr();
    let mut child = start(addr, &db);
    let (status, body) = http(addr, "GET", "/quotes?limit=500", "text/plain", "");
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["items"].as_array().unwrap().len(), 400);
    for (mode, only) in [
        ("query", "speaker"),
        ("query", "actors"),
        ("query", "q"),
        ("ingest", "speaker"),
    ] {
        let out = Command::new(BIN)
            .args([
                "loadtest",
                "--addr",
                &addr.to_string(),
                "--mode",
                mode,
                "--only",
                only,
            ])
            .args([
                "--concurrency",
                "4",
                "--requests",
                "40",
                "--duration",
                "30",
                "--actors",
                "50",
            ])
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stdout);
        let ok = out.status.success() && report.contains("40 answered as expected, 0 errors");
        if !ok {
            terminate(&mut child);
        }
        assert!(
            ok,
            "{mode}/{only}: {report}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(terminate(&mut child).success());
}
