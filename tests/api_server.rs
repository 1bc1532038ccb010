//! The real binary: `verbatim serve` on a temporary database, `verbatim healthcheck`
//! against it, a POST over a real socket, then SIGTERM → clean exit with the data kept.

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
