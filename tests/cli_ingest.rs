//! `verbatim ingest` and `verbatim export`, through the real binary: a folder of mixed
//! files into a database file and into a running server, then out as JSON lines and CSV.

use serde_json::Value;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_verbatim");

fn verbatim(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .env_remove("VERBATIM_DB")
        .env_remove("VERBATIM_API_KEY")
        .output()
        .expect("run verbatim")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const HTML: &str = r#"<html><head><title>Ministers meet in Vienna</title></head><body><article>
<h1>Ministers meet in Vienna</h1>
<p>VIENNA — Foreign ministers gathered in Vienna on Monday for talks on energy security.</p>
<p>"We will not accept threats to our supply," said Annalena Baerbock, the German foreign minister, after the meeting.</p>
</article></body></html>"#;

const STOLTENBERG: &str = r#"{"text":"Jens Stoltenberg said the alliance would stay united. \"We stand together,\" he said.","title":"Stoltenberg","url":"https://example.org/s","source":"Wire","published_at":"2024-02-01"}"#;
const LAVROV: &str = r#"{"text":"Sergei Lavrov said Moscow wanted written guarantees, and called the talks \"a useful start\".","title":"Lavrov, on talks","url":"https://example.org/l","published_at":"2024-01-30"}"#;

/// in/nato.txt, in/sub/deeper/vienna.html, in/sub/lines.jsonl (an article twice),
/// in/lavrov.json, in/notes.md (ignored); `bad` adds a line that is not JSON.
fn corpus(dir: &Path, bad: bool) -> PathBuf {
    let root = dir.join("in");
    std::fs::create_dir_all(root.join("sub/deeper")).unwrap();
    let nato =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/nato.txt")).unwrap();
    std::fs::write(root.join("nato.txt"), nato).unwrap();
    std::fs::write(root.join("sub/deeper/vienna.html"), HTML).unwrap();
    let mut lines = format!("{STOLTENBERG}\n\n{STOLTENBERG}\n");
    if bad {
        lines.push_str("{not json\n");
    }
    std::fs::write(root.join("sub/lines.jsonl"), lines).unwrap();
    std::fs::write(root.join("lavrov.json"), LAVROV).unwrap();
    std::fs::write(root.join("notes.md"), "not an article").unwrap();
    root
}

fn export(db: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["export", "--db", db.to_str().unwrap(), "--format", "jsonl"];
    args.extend_from_slice(extra);
    let out = verbatim(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn ingest_a_folder_then_export_jsonl_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), false);
    let db = dir.path().join("v.db");
    let db_s = db.to_str().unwrap();

    let out = verbatim(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db_s,
        "--jobs",
        "3",
    ]);
    let summary = text(&out.stdout);
    assert!(out.status.success(), "{summary}\n{}", text(&out.stderr));
    assert!(
        summary.starts_with("4 articles stored (")
            && summary.contains("1 duplicates skipped, 0 failed, 5 read"),
        "{summary}"
    );
    assert!(summary.contains("articles/s"), "{summary}");

    // Again: everything is a duplicate, nothing is stored twice.
    let out = verbatim(&["ingest", input.to_str().unwrap(), "--db", db_s]);
    assert!(out.status.success());
    assert!(
        text(&out.stdout)
            .starts_with("0 articles stored (0 quotes, 0 entities), 5 duplicates skipped"),
        "{}",
        text(&out.stdout)
    );

    let all = export(&db, &[]);
    let quotes_in_summary: usize = summary["4 articles stored (".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        all.len(),
        quotes_in_summary,
        "the summary counts the stored quotes"
    );
    // Newest first: the two undated articles are dated today, after 2024.
    let dates: Vec<&str> = all.iter().map(|q| q["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let lungescu: Vec<&Value> = all
        .iter()
        .filter(|q| q["speaker"] == "Oana Lungescu")
        .collect();
    assert_eq!(lungescu.len(), 2);
    assert_eq!(lungescu[0]["role"], "spokesperson");
    assert_eq!(
        lungescu[0]["article_title"],
        "NATO says it will not pull back from the Baltic as Russia raises pressure"
    );
    assert!(all
        .iter()
        .any(|q| q["speaker"] == "Annalena Baerbock"
            && q["article_title"] == "Ministers meet in Vienna"));

    // --speaker and --since narrow; URL, title, source and date come along.
    let st = export(&db, &["--speaker", "stoltenberg"]);
    assert_eq!(st.len(), 2, "{st:?}");
    for q in &st {
        assert_eq!(q["article_url"], "https://example.org/s");
        assert_eq!(q["article_title"], "Stoltenberg");
        assert_eq!(q["source"], "Wire");
        assert_eq!(q["date"], "2024-02-01T00:00:00Z");
    }
    let old = export(&db, &["--since", "2024-01-01", "--until", "2024-01-31"]);
    assert!(!old.is_empty());
    assert!(
        old.iter().all(|q| q["speaker"] == "Sergei Lavrov"),
        "{old:?}"
    );
    assert!(export(&db, &["--speaker", "nobody at all"]).is_empty());

    // CSV: a header, one record per quote, RFC 4180 quoting.
    let out_csv = dir.path().join("q.csv");
    let out = verbatim(&[
        "export",
        "--db",
        db_s,
        "--format",
        "csv",
        "--speaker",
        "lungescu",
        "-o",
        out_csv.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = std::fs::read_to_string(&out_csv).unwrap();
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "quote_id,date,kind,text,speaker,speaker_actor_id,speaker_text,role,affiliation,confidence,cue,article_id,article_title,article_url,source"
    );
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().any(|r| r.contains(r#","""No outside power decides where allied forces stand on allied soil,""",Oana Lungescu,"#)), "{rows:?}");

    // Mistakes are reported, not guessed at.
    let out = verbatim(&["export", "--db", db_s, "--since", "last week"]);
    assert!(!out.status.success());
    let out = verbatim(&[
        "export",
        "--db",
        dir.path().join("none.db").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("no database"));
    let out = verbatim(&[
        "ingest",
        dir.path().join("missing").to_str().unwrap(),
        "--db",
        db_s,
    ]);
    assert!(!out.status.success());
}

#[test]
fn bad_lines_are_listed_and_fail_the_run_but_the_rest_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), true);
    let db = dir.path().join("v.db");
    let out = verbatim(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("lines.jsonl:4: the body is not valid JSON"),
        "{err}"
    );
    assert!(
        text(&out.stdout).contains("4 articles stored"),
        "{}",
        text(&out.stdout)
    );
    assert!(text(&out.stdout).contains("1 failed, 6 read"));
}

fn free_addr() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

#[test]
fn ingest_into_a_running_server() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), false);
    let db = dir.path().join("served.db");
    let addr = free_addr();
    let mut server = Command::new(BIN)
        .args([
            "serve",
            "--addr",
            &addr.to_string(),
            "--db",
            db.to_str().unwrap(),
        ])
        .env("RUST_LOG", "warn")
        .env("VERBATIM_API_KEY", "k-secret")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !verbatim(&["healthcheck", "--addr", &addr.to_string()])
        .status
        .success()
    {
        assert!(Instant::now() < deadline, "the server did not come up");
        std::thread::sleep(Duration::from_millis(50));
    }
    let url = format!("http://{addr}");
    let run = |key: Option<&str>| {
        let mut args = vec!["ingest", input.to_str().unwrap(), "--server", &url];
        if let Some(k) = key {
            args.extend_from_slice(&["--api-key", k]);
        }
        verbatim(&args)
    };
    // Without the key every article is refused, and says why.
    let out = run(None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("401"), "{}", text(&out.stderr));
    let out = run(Some("k-secret"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary = text(&out.stdout);
    assert!(
        summary.starts_with("4 articles stored") && summary.contains("1 duplicates skipped"),
        "{summary}"
    );
    assert!(summary.contains(&url));
    let out = run(Some("k-secret"));
    assert!(text(&out.stdout)
        .starts_with("0 articles stored (0 quotes, 0 entities), 5 duplicates skipped"));
    // What the server stored is readable from its database file.
    assert_eq!(export(&db, &["--speaker", "lungescu"]).len(), 2);
    server.kill().ok();
    server.wait().ok();
}
