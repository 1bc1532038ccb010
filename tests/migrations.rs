//! Migrations on a database written before them.
//!
//! `0005_quotes_arrival_order.sql`: quotes whose ids carry their date keep those ids,
//! stay findable by full text, and sort with the quotes stored after the migration
//! (whose ids are plain arrival order). `0006_mention_names.sql`: mentions stay
//! findable by their text in `GET /entities?name=`. `0008_actor_lists.sql`: actors keep
//! their aliases, roles and affiliations, and gain the ones stored after it.
//! `0009_checks_without_in_lists.sql`: the kind and label constraints hold as before.
//! `0010_fts_columnsize_automerge.sql`: the full-text index is rebuilt and still finds them.
//! `0011_article_entities.sql`: mentions stored one row each answer every entity route
//! as before, and count down as before when their articles are deleted.

mod common;

use common::{app_in, Built};
use verbatim::api::ApiConfig;
use verbatim::pipeline::{ActorKind, EntityLabel, QuoteKind};

/// The id an old writer gave the `n`th quote of the second `unix` (`unix << 20 | n`).
fn old_id(unix: i64, n: i64) -> i64 {
    (unix << 20) + n
}

const MARCH: &str = "2024-03-01T10:00:00Z";
const MARCH_UNIX: i64 = 1_709_287_200;
const MAY: &str = "2023-05-01T08:00:00Z";
const MAY_UNIX: i64 = 1_682_928_000;

/// An empty database in `dir/test.db` with the migrations before `before` applied
/// (`count` of them).
async fn database_before(dir: &std::path::Path, before: &str, count: usize) -> std::path::PathBuf {
    let migrations = dir.join("migrations");
    std::fs::create_dir(&migrations).unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.as_str() < before {
            std::fs::copy(&path, migrations.join(&name)).unwrap();
        }
    }
    let migrator = sqlx::migrate::Migrator::new(migrations.as_path())
        .await
        .unwrap();
    assert_eq!(migrator.iter().count(), count);
    let db = dir.join("test.db");
    {
        use sqlx::{ConnectOptions, Connection};
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&db)
            .create_if_missing(true)
            .connect()
            .await
            .unwrap();
        migrator.run(&mut conn).await.unwrap();
        conn.close().await.unwrap();
    }
    db
}

/// A database at migration 0004 with three quotes stored the old way.
async fn old_database(dir: &std::path::Path) {
    let db = database_before(dir, "0005", 4).await;
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO articles (id, url, content_hash, source, title, text, ingested_at, dated_at)
         VALUES (1, 'https://example.org/march', x'01', 'wire', 'March', 'march text', '{MARCH}', '{MARCH}'),
                (2, 'https://example.org/may', x'02', 'wire', 'May', 'may text', '{MAY}', '{MAY}');
         INSERT INTO actors (id, canonical_name, folded_name, kind, surname, quote_count)
         VALUES (1, 'Ann Smith', 'ann smith', 'person', 'smith', 3);
         INSERT INTO quotes (id, article_id, start, \"end\", text, kind, speaker_actor_id,
                             speaker_name, confidence, dated_at, source)
         VALUES ({a}, 1, 0, 10, 'Tariffs will hurt farmers in March', 'direct', 1, 'Ann Smith', 0.9, '{MARCH}', 'wire'),
                ({b0}, 2, 0, 10, 'Tariffs are a tax, first of May', 'direct', 1, 'Ann Smith', 0.9, '{MAY}', 'wire'),
                ({b1}, 2, 20, 30, 'Tariffs again, second of May', 'indirect', 1, 'Ann Smith', 0.9, '{MAY}', 'wire');
         INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes;
         INSERT INTO mentions (article_id, actor_id, start, \"end\", label, text, folded)
         VALUES (1, 1, 0, 9, 'PER', 'Ann Smith', 'ann smith'),
                (1, 1, 20, 31, 'PER', 'The Senator', 'the senator'),
                (2, NULL, 0, 4, 'ORG', 'Acme', 'acme');
         -- (The writer links every actor an article names, as speaker or mention.)
         INSERT INTO article_actors (article_id, actor_id) VALUES (1, 1), (2, 1);",
        a = old_id(MARCH_UNIX, 0),
        b0 = old_id(MAY_UNIX, 0),
        b1 = old_id(MAY_UNIX, 1),
    ))
    .unwrap();
}

fn ids(page: &serde_json::Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_i64().unwrap())
        .collect()
}

/// Every id of `uri`, one page of `limit` at a time through the cursors.
async fn walk(app: &common::TestApp, uri: &str, limit: u32) -> Vec<i64> {
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut u = format!("{uri}&limit={limit}");
        if let Some(c) = &cursor {
            u.push_str(&format!("&cursor={c}"));
        }
        let r = app.get(&u).await;
        assert_eq!(r.status, 200, "{u}: {}", r.json);
        out.extend(ids(&r.json));
        match r.json["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return out,
        }
    }
}

fn tariff_article(text: &str) -> verbatim::pipeline::Analysis {
    Built::new(text)
        .actor(
            "Ann Smith",
            ActorKind::Person,
            &["Smith"],
            &[("Ann Smith", EntityLabel::Per)],
        )
        .quote("“Tariffs hurt,”", QuoteKind::Direct, "said", "Ann Smith", 0)
        .done()
}

#[tokio::test]
async fn quotes_stored_before_0005_keep_their_ids_and_date_order() {
    let dir = tempfile::tempdir().unwrap();
    old_database(dir.path()).await;
    let app = app_in(dir, ApiConfig::default()).await;
    let (a, b0, b1) = (
        old_id(MARCH_UNIX, 0),
        old_id(MAY_UNIX, 0),
        old_id(MAY_UNIX, 1),
    );

    // The old quotes, newest first, by full text and by speaker.
    let r = app.get("/quotes?q=tariffs").await;
    assert_eq!(ids(&r.json), vec![a, b1, b0], "{}", r.json);
    let r = app.get("/quotes?speaker=smith").await;
    assert_eq!(ids(&r.json), vec![a, b1, b0], "{}", r.json);
    assert_eq!(app.get(&format!("/quotes/{b0}")).await.status, 200);

    // Mentions by their text: one of an actor under another name, one of no actor.
    let r = app.get("/entities?name=the%20senator").await;
    assert_eq!(r.json["items"][0]["name"], "Ann Smith", "{}", r.json);
    assert_eq!(r.json["items"][0]["mention_count"], 1, "{}", r.json);
    let r = app.get("/entities?name=acme").await;
    assert_eq!(r.json["items"][0]["name"], "Acme", "{}", r.json);
    assert!(r.json["items"][0]["actor_id"].is_null(), "{}", r.json);

    // New quotes: one in October 2023 (between the old ones), one in the same second as
    // the May quotes. Their ids come after every old id, in arrival order.
    app.store_analysis(
        tariff_article("“Tariffs hurt,” said Ann Smith in October."),
        "https://example.org/october",
        "2023-10-01",
    )
    .await;
    app.store_analysis(
        tariff_article("“Tariffs hurt,” said Ann Smith, also in May."),
        "https://example.org/may-again",
        MAY,
    )
    .await;
    let all = ids(&app.get("/quotes?q=tariffs").await.json);
    assert_eq!(all.len(), 5, "{all:?}");
    let (october, may_new) = (all[1], all[2]);
    assert!(october > a && may_new > october, "{all:?}");
    // Newest first: March, October, then the three May quotes of one second by id.
    assert_eq!(all, vec![a, october, may_new, b1, b0]);

    // Every path agrees on that order, page by page through the cursors.
    for uri in [
        "/quotes?q=tariffs",
        "/quotes?speaker=smith",
        "/quotes?actor_id=1",
        "/quotes?since=2000-01-01",
        "/quotes?since=2023-05-01&until=2024-12-31",
    ] {
        for limit in [1, 2, 50] {
            assert_eq!(walk(&app, uri, limit).await, all, "{uri} limit {limit}");
        }
    }
    // q= with another filter (the joined query, FTS5 keyed by sort key).
    let direct = ids(&app.get("/quotes?q=tariffs&kind=direct").await.json);
    assert_eq!(direct, vec![a, october, may_new, b0]);
    assert_eq!(walk(&app, "/quotes?q=tariffs&kind=direct", 1).await, direct);
    // Kind and dates alone walk the quotes by sort key.
    assert_eq!(walk(&app, "/quotes?kind=direct", 1).await, direct);
    assert_eq!(
        walk(&app, "/quotes?until=2023-09-30", 1).await,
        vec![may_new, b1, b0]
    );
    assert_eq!(
        walk(&app, "/quotes?since=2023-05-01T08:00:01Z", 1).await,
        vec![a, october]
    );
    let wire = ids(&app.get("/quotes?q=tariffs&source=wire").await.json);
    assert_eq!(wire, vec![a, b1, b0]);
    // A source alone walks its articles (`0007_drop_quotes_source.sql`).
    for limit in [1, 2, 50] {
        assert_eq!(walk(&app, "/quotes?source=wire", limit).await, wire);
        assert_eq!(
            walk(&app, "/quotes?source=test-wire", limit).await,
            vec![october, may_new]
        );
        assert_eq!(
            walk(
                &app,
                "/quotes?source=wire&kind=direct&since=2023-05-01&until=2024-03-01T10:00:00Z",
                limit
            )
            .await,
            vec![a, b0]
        );
    }

    // Deleting an old article takes its quotes out of the full-text index.
    assert_eq!(app.delete("/articles/2").await.status, 204);
    let left = ids(&app.get("/quotes?q=tariffs").await.json);
    assert_eq!(left, vec![a, october, may_new]);
    let conn = rusqlite::Connection::open(app.dir.path().join("test.db")).unwrap();
    assert_eq!(
        common::fts_integrity(&conn),
        "ok",
        "the full-text index matches the quotes"
    );
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'tariffs'")
            .fetch_one(app.store.read_pool())
            .await
            .unwrap();
    assert_eq!(n, 3);
}

#[tokio::test]
async fn actors_stored_before_0008_keep_their_aliases_roles_and_affiliations() {
    let dir = tempfile::tempdir().unwrap();
    let db = database_before(dir.path(), "0008", 7).await;
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "INSERT INTO actors (id, canonical_name, folded_name, kind, surname)
         VALUES (1, 'Ann Smith', 'ann smith', 'person', 'smith'),
                (2, 'Acme Corp', 'acme corp', 'organisation', NULL),
                (3, 'Bo Li', 'bo li', 'person', 'li');
         INSERT INTO actor_aliases (actor_id, alias, folded)
         VALUES (1, 'Ann Smith', 'ann smith'), (1, 'Smith', 'smith'),
                (1, 'Senator Smith', 'senator smith'), (1, 'A. \"Quote\" Smith', 'a quote smith'),
                (2, 'Acme', 'acme');
         INSERT INTO actor_attributes (actor_id, kind, value)
         VALUES (1, 'role', 'senator'), (1, 'role', 'author'), (1, 'affiliation', 'Ohio'),
                (2, 'affiliation', 'Wall Street');",
    )
    .unwrap();
    drop(conn);
    let app = app_in(dir, ApiConfig::default()).await;

    let r = app.get("/actors/1").await;
    assert_eq!(r.status, 200, "{}", r.json);
    assert_eq!(
        r.json["aliases"],
        serde_json::json!(["A. \"Quote\" Smith", "Senator Smith", "Smith"]),
        "{}",
        r.json
    );
    assert_eq!(r.json["roles"], serde_json::json!(["author", "senator"]));
    assert_eq!(r.json["affiliations"], serde_json::json!(["Ohio"]));
    let r = app.get("/actors/2").await;
    assert_eq!(r.json["aliases"], serde_json::json!(["Acme"]), "{}", r.json);
    assert_eq!(r.json["roles"], serde_json::json!([]));
    assert_eq!(r.json["affiliations"], serde_json::json!(["Wall Street"]));
    let r = app.get("/actors/3").await;
    assert_eq!(r.json["aliases"], serde_json::json!([]), "{}", r.json);
    assert_eq!(r.json["roles"], serde_json::json!([]));

    // Stored after the migration: a new alias, role and affiliation of the same actor.
    let article = Built::new("Ann Smith spoke. “Tariffs hurt,” said Ann Smith.")
        .actor(
            "Ann Smith",
            ActorKind::Person,
            &["Ms. Smith"],
            &[("Ann Smith", EntityLabel::Per)],
        )
        .role(0, "governor", "Senate")
        .quote("“Tariffs hurt,”", QuoteKind::Direct, "said", "Ann Smith", 0)
        .done();
    let article_id = app
        .store_analysis(article, "https://example.org/new", MARCH)
        .await;
    let r = app.get("/actors?name=ann%20smith").await;
    let ann = &r.json["items"][0];
    assert_eq!(ann["id"], 1, "{}", r.json);
    assert_eq!(
        ann["aliases"],
        serde_json::json!(["A. \"Quote\" Smith", "Senator Smith", "Ms. Smith", "Smith"]),
        "{}",
        r.json
    );
    assert_eq!(
        ann["roles"],
        serde_json::json!(["author", "governor", "senator"])
    );
    assert_eq!(ann["affiliations"], serde_json::json!(["Ohio", "Senate"]));

    // The lists on the rows are the tables' rows, also after a delete.
    assert_eq!(lists_differ(&app), 0);
    assert_eq!(
        app.delete(&format!("/articles/{article_id}")).await.status,
        204
    );
    assert_eq!(lists_differ(&app), 0);
}

/// Actors whose lists (`migrations/0008_actor_lists.sql`) do not hold as many aliases,
/// roles and affiliations as the tables.
fn lists_differ(app: &common::TestApp) -> i64 {
    let conn = rusqlite::Connection::open(app.dir.path().join("test.db")).unwrap();
    conn.query_row(
        "SELECT COUNT(*) FROM actors a WHERE
           (SELECT COUNT(*) FROM json_each(a.alias_list))
             != (SELECT COUNT(*) FROM actor_aliases WHERE actor_id = a.id)
           OR (SELECT COUNT(*) FROM json_each(a.role_list))
             != (SELECT COUNT(*) FROM actor_attributes WHERE actor_id = a.id AND kind = 'role')
           OR (SELECT COUNT(*) FROM json_each(a.affiliation_list))
             != (SELECT COUNT(*) FROM actor_attributes
                 WHERE actor_id = a.id AND kind = 'affiliation')",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

/// `0009_checks_without_in_lists.sql`: the kind and label constraints still refuse what
/// they refused, no longer make SQLite build a temporary b-tree for each row inserted,
/// and leave a database whose schema SQLite reads back whole.
#[tokio::test]
async fn checks_after_0009_refuse_the_same_values_without_a_temporary_btree() {
    let dir = tempfile::tempdir().unwrap();
    let db = database_before(dir.path(), "0009", 8).await;
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "INSERT INTO actors (id, canonical_name, folded_name, kind, surname)
         VALUES (1, 'Ann Smith', 'ann smith', 'person', 'smith');",
    )
    .unwrap();
    drop(conn);
    let app = app_in(dir, ApiConfig::default()).await;
    let r = app.get("/actors/1").await;
    assert_eq!(r.status, 200, "{}", r.json);

    let conn = rusqlite::Connection::open(app.dir.path().join("test.db")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    conn.execute_batch(
        "INSERT INTO articles (id, content_hash, text, ingested_at, dated_at)
         VALUES (1, 'h', 't', 'now', 'now');",
    )
    .unwrap();
    let inserts = [
        (
            "INSERT INTO actors (canonical_name, folded_name, kind) VALUES ('B', 'b', ?1)",
            ["person", "organisation", "place", "group"].as_slice(),
            "people",
        ),
        (
            // (The label constraint lives on in `unlinked_mentions`, 0011.)
            "INSERT INTO unlinked_mentions (article_id, label, text, folded)
             VALUES (1, ?1, 't', 't')",
            ["PER", "ORG", "LOC", "MISC"].as_slice(),
            "PERSON",
        ),
        (
            "INSERT INTO quotes (article_id, start, \"end\", text, kind, confidence,
                                 dated_at, sort_key)
             VALUES (1, 0, 1, 't', ?1, 0.5, 'now', random())",
            ["direct", "mixed", "indirect"].as_slice(),
            "partial",
        ),
    ];
    for (sql, allowed, refused) in inserts {
        let opcodes: Vec<String> = conn
            .prepare(&format!("EXPLAIN {sql}"))
            .unwrap()
            .query_map(["x"], |r| r.get(1))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(
            !opcodes.iter().any(|op| op == "OpenEphemeral"),
            "{sql}: {opcodes:?}"
        );
        for value in allowed {
            conn.execute(sql, [value]).unwrap();
        }
        let err = conn.execute(sql, [refused]).unwrap_err().to_string();
        assert!(err.contains("CHECK constraint failed"), "{sql}: {err}");
    }
}

/// `0010_fts_columnsize_automerge.sql`: quotes indexed before it are found after it,
/// by every word, with no per-quote size row and FTS5 merging 16 segments at a time.
#[tokio::test]
async fn quotes_indexed_before_0010_are_found_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = database_before(dir.path(), "0010", 9).await;
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO articles (id, url, content_hash, source, title, text, ingested_at, dated_at)
         VALUES (1, 'https://example.org/march', x'01', 'wire', 'March', 'march text', '{MARCH}', '{MARCH}');
         INSERT INTO quotes (id, article_id, start, \"end\", text, kind, confidence, dated_at, sort_key)
         VALUES (1, 1, 0, 10, 'Tariffs will hurt farmers', 'direct', 0.9, '{MARCH}', {k0}),
                (2, 1, 20, 30, 'Farmers will hurt, not tariffs', 'indirect', 0.9, '{MARCH}', {k1});
         INSERT INTO quotes_fts (rowid, text) SELECT sort_key, text FROM quotes;",
        k0 = old_id(MARCH_UNIX, 0),
        k1 = old_id(MARCH_UNIX, 1),
    ))
    .unwrap();
    drop(conn);
    let app = app_in(dir, ApiConfig::default()).await;

    assert_eq!(ids(&app.get("/quotes?q=farmers").await.json), vec![2, 1]);
    let both = app.get("/quotes?q=farmers%20not").await;
    assert_eq!(ids(&both.json), vec![2], "{}", both.json);
    // New quotes go into the rebuilt index too, and deletes take them out.
    app.store_analysis(
        tariff_article("“Tariffs hurt,” said Ann Smith in October."),
        "https://example.org/october",
        "2023-10-01",
    )
    .await;
    assert_eq!(ids(&app.get("/quotes?q=tariffs").await.json).len(), 3);
    assert_eq!(app.delete("/articles/1").await.status, 204);
    assert_eq!(ids(&app.get("/quotes?q=tariffs").await.json).len(), 1);

    let conn = rusqlite::Connection::open(app.dir.path().join("test.db")).unwrap();
    assert_eq!(common::fts_integrity(&conn), "ok");
    let docsize: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'quotes_fts_docsize'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(docsize, 0, "columnsize=0 keeps no size table");
    let automerge: i64 = conn
        .query_row(
            "SELECT v FROM quotes_fts_config WHERE k = 'automerge'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(automerge, 16);
    let crisismerge: i64 = conn
        .query_row(
            "SELECT v FROM quotes_fts_config WHERE k = 'crisismerge'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(crisismerge, 64);
}

/// `0011_article_entities.sql`: a database whose mentions are rows (many per article,
/// some of no actor, texts that fold alike, labels and names that tie, two at one start)
/// gives the same article views, `entity_count`s and `GET /entities` pages after the
/// migration as the old statements gave on the rows; deletes afterwards count down.
#[tokio::test]
async fn mentions_stored_before_0011_answer_the_same_after_it() {
    use verbatim::store::fold::fold;
    let dir = tempfile::tempdir().unwrap();
    let db = database_before(dir.path(), "0011", 10).await;
    let conn = rusqlite::Connection::open(&db).unwrap();
    let kinds = ["person", "organisation", "place", "group"];
    for id in 1..=12i64 {
        // Two actors share each canonical name (different kinds): their groups tie.
        let name = format!("Actor {}", (id + 1) / 2);
        let kind = kinds[(id % 4) as usize];
        conn.execute(
            "INSERT INTO actors (id, canonical_name, folded_name, kind, surname)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![
                id,
                name,
                fold(&name),
                kind,
                (kind == "person").then(|| format!("{}", (id + 1) / 2))
            ],
        )
        .unwrap();
    }
    let unlinked = ["Acme", "ACME", "acme", "Zoë \"Q\" \\ Ł", "Kremlin"];
    let labels = ["PER", "ORG", "LOC", "MISC"];
    let mut expected_views = Vec::new();
    for article in 1..=30i64 {
        conn.execute(
            "INSERT INTO articles (id, url, content_hash, text, ingested_at, dated_at)
             VALUES (?1, ?2, ?3, 'text', ?4, ?4)",
            rusqlite::params![
                article,
                format!("https://example.org/{article}"),
                article.to_le_bytes().to_vec(),
                format!("2024-01-{:02}T00:00:00Z", article % 28 + 1)
            ],
        )
        .unwrap();
        let mut rows = Vec::new();
        for k in 0..(article % 7 + 3) {
            let pick = (article * 7 + k * 3) % 14;
            let actor = (pick >= 2).then_some(pick - 1);
            let text = match actor {
                None => unlinked[((article + k) % 5) as usize].to_owned(),
                Some(a) if k % 3 == 0 => format!("ACTOR {}", (a + 1) / 2),
                Some(a) => format!("Actor {}", (a + 1) / 2),
            };
            // Some mentions start together; inserted out of start order.
            let start = (9 - k) / 2 * 10;
            rows.push((actor, start, labels[((article + k) % 4) as usize], text));
        }
        for (actor, start, label, text) in &rows {
            conn.execute(
                "INSERT INTO mentions (article_id, actor_id, start, \"end\", label, text, folded)
                 VALUES (?1, ?2, ?3, ?3 + 4, ?4, ?5, ?6)",
                rusqlite::params![article, actor, start, label, text, fold(text)],
            )
            .unwrap();
            if let Some(a) = actor {
                conn.execute_batch(&format!(
                    "INSERT OR IGNORE INTO article_actors VALUES ({article}, {a});
                     INSERT OR IGNORE INTO mention_names VALUES ('{}', {a});",
                    fold(text)
                ))
                .unwrap();
            }
        }
        let view: Vec<serde_json::Value> = conn
            .prepare(
                "SELECT start, \"end\", text, label, actor_id FROM mentions
                 WHERE article_id = ?1 ORDER BY start, id",
            )
            .unwrap()
            .query_map([article], |r| {
                Ok(serde_json::json!({
                    "start": r.get::<_, i64>(0)?, "end": r.get::<_, i64>(1)?,
                    "text": r.get::<_, String>(2)?, "label": r.get::<_, String>(3)?,
                    "actor_id": r.get::<_, Option<i64>>(4)?,
                }))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        expected_views.push((article, view));
    }
    conn.execute_batch(
        "UPDATE actors SET
             mention_count = (SELECT COUNT(*) FROM mentions WHERE actor_id = actors.id),
             article_count = (SELECT COUNT(*) FROM article_actors WHERE actor_id = actors.id);",
    )
    .unwrap();
    drop(conn);
    let old = common::OldEntities::before_0011(&db);

    let app = app_in(dir, ApiConfig::default()).await;
    for (article, view) in &expected_views {
        let r = app.get(&format!("/articles/{article}")).await;
        assert_eq!(
            r.json["entities"],
            serde_json::json!(view),
            "article {article}"
        );
    }
    let list = app.get("/articles?limit=100").await;
    for item in list.json["items"].as_array().unwrap() {
        let id = item["id"].as_i64().unwrap();
        let view = &expected_views.iter().find(|v| v.0 == id).unwrap().1;
        assert_eq!(item["entity_count"], view.len(), "article {id}");
    }
    common::assert_entities_as(&app, &old, 200, 30, "after 0011").await;
    common::assert_entities_as_before(&app, 200, 30, "after 0011, from the JSON").await;

    // Deletes after the migration count down from the migrated counts.
    for article in [3, 4, 5, 17] {
        assert_eq!(
            app.delete(&format!("/articles/{article}")).await.status,
            204
        );
    }
    common::assert_entities_as_before(&app, 200, 30, "after deletes").await;
    let conn = rusqlite::Connection::open(app.dir.path().join("test.db")).unwrap();
    let wrong: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM actors a WHERE mention_count <>
                 (SELECT COUNT(*) FROM article_entities e, json_each(e.entities) j
                  WHERE j.value ->> 4 = a.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(wrong, 0);
}
