//! The writer: one OS thread that owns the only writing connection (rusqlite, with
//! cached prepared statements: a statement costs microseconds, not a channel round
//! trip per query). It takes every request waiting, applies them in ONE transaction,
//! each inside a savepoint, commits, and only then answers (group commit).

use super::fold::{fold, surname, word_count};
use super::model::{ActorRef, ArticleView, CueView, EntityView, QuoteView, SpeakerView};
use super::{
    now_iso, Ingested, NewArticle, StoreError, WriteOp, WriteOutcome, WriteRequest, MAX_BATCH,
};
use crate::pipeline::normalize::CharIndex;
use crate::pipeline::{ActorKind, LocalActor};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use rustc_hash::FxHashMap;
use std::path::Path;
use std::time::Duration;
use tokio::sync::mpsc;

/// Opens the writing connection with the same settings as the readers (`bulk`: see
/// `StoreOptions::bulk`).
pub(super) fn open(path: &Path, full_sync: bool, bulk: bool) -> Result<Connection, StoreError> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    conn.execute_batch(if full_sync {
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"
    } else {
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"
    })?;
    if bulk {
        conn.execute_batch("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;")?;
    }
    conn.set_prepared_statement_cache_capacity(64);
    Ok(conn)
}

pub(super) fn run_writer(mut conn: Connection, mut rx: mpsc::Receiver<WriteRequest>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = rx.blocking_recv() {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(req) => batch.push(req),
                Err(_) => break,
            }
        }
        commit_batch(&mut conn, &mut batch);
    }
    // Every sender is gone: fold the WAL back so the file is whole on its own.
    let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
}

fn fail_all(batch: &mut Vec<WriteRequest>, msg: String) {
    for req in batch.drain(..) {
        let _ = req.reply.send(Err(StoreError::Commit(msg.clone())));
    }
}

/// One transaction for every request in `batch`; answers go out after COMMIT.
fn commit_batch(conn: &mut Connection, batch: &mut Vec<WriteRequest>) {
    let mut tx = match conn.transaction_with_behavior(TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) => return fail_all(batch, e.to_string()),
    };
    let mut results = Vec::with_capacity(batch.len());
    for req in batch.iter() {
        let result = match tx.savepoint() {
            Ok(mut sp) => {
                // A panic (say, a span off a char boundary) must not kill the writer:
                // it becomes this request's error and its savepoint is rolled back.
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match &req.op {
                    WriteOp::Insert(a) => insert_article(&sp, a).map(WriteOutcome::Inserted),
                    WriteOp::Delete(id) => delete_article(&sp, *id).map(WriteOutcome::Deleted),
                }))
                .unwrap_or_else(|_| {
                    tracing::error!("a write panicked; its request fails, the others go on");
                    Err(StoreError::Commit("the write failed".into()))
                });
                let end = if r.is_ok() {
                    sp.commit()
                } else {
                    sp.rollback().and_then(|()| sp.commit())
                };
                end.map_err(StoreError::from).and(r)
            }
            Err(e) => Err(e.into()),
        };
        results.push(result);
    }
    match tx.commit() {
        Ok(()) => {
            for (req, result) in batch.drain(..).zip(results) {
                let _ = req.reply.send(result);
            }
        }
        Err(e) => {
            tracing::error!(error = %e, "commit failed; the batch is rolled back");
            fail_all(batch, e.to_string());
        }
    }
}

fn existing_article(
    conn: &Connection,
    url: Option<&str>,
    hash: &[u8],
) -> Result<Option<i64>, StoreError> {
    if let Some(url) = url {
        let id = conn
            .prepare_cached("SELECT id FROM articles WHERE url = ?1")?
            .query_row([url], |r| r.get(0))
            .optional()?;
        if id.is_some() {
            return Ok(id);
        }
    }
    Ok(conn
        .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([hash], |r| r.get(0))
        .optional()?)
}

fn insert_article(conn: &Connection, new: &NewArticle) -> Result<Ingested, StoreError> {
    let a = &new.analysis;
    let hash = blake3::hash(a.text.as_bytes());
    if let Some(id) = existing_article(conn, new.url.as_deref(), hash.as_bytes())? {
        return Ok(Ingested::Duplicate { id });
    }
    let ingested_at = now_iso();
    let dated_at = new
        .published_at
        .clone()
        .unwrap_or_else(|| ingested_at.clone());
    conn.prepare_cached(
        "INSERT INTO articles (url, content_hash, source, title, byline, language, text,
                               published_at, ingested_at, dated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        new.url,
        &hash.as_bytes()[..],
        new.source,
        a.title,
        new.byline,
        new.language,
        a.text,
        new.published_at,
        ingested_at,
        dated_at,
    ])?;
    let article_id = conn.last_insert_rowid();

    // Article-local actors → global actors.
    let mut global: FxHashMap<usize, (i64, String)> = FxHashMap::default();
    let mut actors: Vec<ActorRef> = Vec::new();
    for (index, la) in a.actors.iter().enumerate() {
        let (id, canonical) = join_actor(conn, la)?;
        if !actors.iter().any(|r| r.id == id) {
            actors.push(ActorRef {
                id,
                canonical_name: canonical.clone(),
                kind: la.kind.as_str().to_owned(),
            });
        }
        record_actor(conn, id, la, article_id)?;
        global.insert(la.id, (id, canonical.clone()));
        global.entry(index).or_insert((id, canonical));
    }
    let actor_of = |local: Option<usize>| local.and_then(|l| global.get(&l));

    let ix = CharIndex::new(&a.text);
    let cp = |byte: usize| ix.char_at(byte) as i64;

    let mut entities = Vec::with_capacity(a.entities.len());
    {
        let mut stmt = conn.prepare_cached(
            "INSERT INTO mentions (article_id, actor_id, start, \"end\", label, text, folded)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for m in &a.entities {
            let text = m.span.text(&a.text);
            let actor_id = actor_of(m.actor).map(|g| g.0);
            let (start, end) = (cp(m.span.start), cp(m.span.end));
            stmt.execute(params![
                article_id,
                actor_id,
                start,
                end,
                m.label.as_str(),
                text,
                fold(text)
            ])?;
            entities.push(EntityView {
                start,
                end,
                text: text.to_owned(),
                label: m.label.as_str().to_owned(),
                actor_id,
            });
        }
    }

    let mut quotes = Vec::with_capacity(a.quotes.len());
    let mut insert_quote = conn.prepare_cached(
        "INSERT INTO quotes (article_id, start, \"end\", text, kind, cue_start, cue_end,
             cue_text, speaker_actor_id, speaker_name, speaker_text, speaker_start,
             speaker_end, speaker_how, speaker_confidence, role, affiliation, confidence,
             dated_at, source, speaker_folded, id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?20, ?21, ?22)",
    )?;
    let mut insert_about = conn.prepare_cached(
        "INSERT OR IGNORE INTO quote_mentions (actor_id, quote_id) VALUES (?1, ?2)",
    )?;
    for q in &a.quotes {
        let text = q.span.text(&a.text);
        let (start, end) = (cp(q.span.start), cp(q.span.end));
        let cue = q.cue.map(|c| CueView {
            start: cp(c.start),
            end: cp(c.end),
            text: c.text(&a.text).to_owned(),
        });
        let speaker = q.speaker.as_ref().map(|s| {
            let g = actor_of(s.actor);
            SpeakerView {
                text: Some(s.mention.text(&a.text).to_owned()),
                start: Some(cp(s.mention.start)),
                end: Some(cp(s.mention.end)),
                name: Some(s.name.clone()),
                actor_id: g.map(|g| g.0),
                canonical_name: g.map(|g| g.1.clone()),
                role: s.role.clone(),
                affiliation: s.affiliation.clone(),
                how: serde_json::to_value(s.how)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned)),
                confidence: Some(f64::from(s.confidence)),
            }
        });
        let sp = speaker.as_ref();
        // An unresolved speaker stays findable by its folded name.
        let unresolved = sp
            .filter(|s| s.actor_id.is_none())
            .and_then(|s| s.name.as_deref())
            .map(fold)
            .filter(|f| !f.is_empty());
        let quote_id = next_quote_id(conn, &dated_at)?;
        insert_quote.execute(params![
            article_id,
            start,
            end,
            text,
            q.kind.as_str(),
            cue.as_ref().map(|c| c.start),
            cue.as_ref().map(|c| c.end),
            cue.as_ref().map(|c| c.text.as_str()),
            sp.and_then(|s| s.actor_id),
            sp.and_then(|s| s.name.as_deref()),
            sp.and_then(|s| s.text.as_deref()),
            sp.and_then(|s| s.start),
            sp.and_then(|s| s.end),
            sp.and_then(|s| s.how.as_deref()),
            sp.and_then(|s| s.confidence),
            sp.and_then(|s| s.role.as_deref()),
            sp.and_then(|s| s.affiliation.as_deref()),
            f64::from(q.confidence),
            dated_at,
            new.source,
            unresolved,
            quote_id,
        ])?;

        // Actors named inside the quote ("about"): named entities and actor mentions.
        let mut about: Vec<i64> = a
            .entities
            .iter()
            .filter(|m| q.span.contains(m.span))
            .filter_map(|m| actor_of(m.actor).map(|g| g.0))
            .collect();
        for la in &a.actors {
            if la.mentions.iter().any(|s| q.span.contains(*s)) {
                if let Some(g) = global.get(&la.id) {
                    about.push(g.0);
                }
            }
        }
        about.sort_unstable();
        about.dedup();
        for actor_id in about {
            insert_about.execute(params![actor_id, quote_id])?;
        }

        quotes.push(QuoteView {
            id: quote_id,
            article_id,
            start,
            end,
            text: text.to_owned(),
            kind: q.kind.as_str().to_owned(),
            cue,
            speaker,
            confidence: f64::from(q.confidence),
            source: new.source.clone(),
            date: dated_at.clone(),
            article_title: a.title.clone(),
            article_url: new.url.clone(),
        });
    }

    Ok(Ingested::Created(Box::new(ArticleView {
        id: article_id,
        url: new.url.clone(),
        source: new.source.clone(),
        title: a.title.clone(),
        byline: new.byline.clone(),
        language: new.language.clone(),
        published_at: new.published_at.clone(),
        ingested_at,
        text: a.text.clone(),
        entities,
        quotes,
        actors: {
            actors.sort_by_key(|r| r.id);
            actors
        },
    })))
}

/// Quote ids carry their date: `unix seconds of dated_at << 20`, plus a sequence inside
/// that second. So id order is date order, and "newest first" over a full-text match is
/// FTS5's own rowid order, read backwards with a LIMIT instead of sorting every match.
pub(super) const QUOTE_ID_SHIFT: u32 = 20;

pub(super) fn quote_id_base(dated_at: &str) -> i64 {
    let seconds =
        time::OffsetDateTime::parse(dated_at, &time::format_description::well_known::Rfc3339)
            .map(|t| t.unix_timestamp())
            .unwrap_or(0);
    seconds << QUOTE_ID_SHIFT
}

fn next_quote_id(conn: &Connection, dated_at: &str) -> Result<i64, StoreError> {
    let base = quote_id_base(dated_at);
    let id: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(MAX(id) + 1, ?1) FROM quotes WHERE id >= ?1 AND id < ?1 + ?2",
        )?
        .query_row(params![base, 1i64 << QUOTE_ID_SHIFT], |r| r.get(0))?;
    Ok(id)
}

/// Finds the global actor an article-local actor is, or creates it.
///
/// 1. same folded canonical name and kind;
/// 2. else exactly one actor of that kind known by one of its names (an alias) — for
///    people only through multi-word names, or by promoting a bare-surname actor
///    ("Blinken" stored, "Antony Blinken" arrives: same actor, fuller name);
/// 3. else, for a bare one-word person name, the one person with that surname, if
///    exactly one exists;
/// 4. else a new actor.
fn join_actor(conn: &Connection, la: &LocalActor) -> Result<(i64, String), StoreError> {
    let kind = la.kind.as_str();
    let folded = fold(&la.canonical);
    let canonical = la.canonical.trim().to_owned();
    let by_name = conn
        .prepare_cached(
            "SELECT id, canonical_name FROM actors WHERE folded_name = ?1 AND kind = ?2",
        )?
        .query_row(params![folded, kind], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some(found) = by_name {
        return Ok(found);
    }

    let is_person = la.kind == ActorKind::Person;
    let mut names: Vec<String> = std::iter::once(folded.clone())
        .chain(la.aliases.iter().map(|s| fold(s)))
        .filter(|f| !f.is_empty())
        .collect();
    names.sort();
    names.dedup();
    let mut candidates: Vec<(i64, String, String)> = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT a.id, a.canonical_name, a.folded_name FROM actor_aliases al
             JOIN actors a ON a.id = al.actor_id
             WHERE al.folded = ?1 AND a.kind = ?2 LIMIT 3",
        )?;
        for name in &names {
            let rows = stmt.query_map(params![name, kind], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let row = row?;
                let usable = !is_person || word_count(name) >= 2 || row.2 == *name;
                if usable && !candidates.iter().any(|c| c.0 == row.0) {
                    candidates.push(row);
                }
            }
        }
    }
    if candidates.len() == 1 {
        let (id, old_canonical, old_folded) = candidates.remove(0);
        if is_person && word_count(&folded) > word_count(&old_folded) {
            let updated = conn
                .prepare_cached(
                    "UPDATE OR IGNORE actors SET canonical_name = ?1, folded_name = ?2,
                     surname = ?3 WHERE id = ?4",
                )?
                .execute(params![canonical, folded, surname(&folded), id])?;
            if updated == 1 {
                return Ok((id, canonical));
            }
        }
        return Ok((id, old_canonical));
    }

    if is_person && word_count(&folded) == 1 {
        let mut stmt = conn.prepare_cached(
            "SELECT id, canonical_name FROM actors WHERE surname = ?1 AND kind = 'person' LIMIT 2",
        )?;
        let rows: Vec<(i64, String)> = stmt
            .query_map([&folded], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        if rows.len() == 1 {
            return Ok(rows.into_iter().next().expect("one row"));
        }
    }

    conn.prepare_cached(
        "INSERT INTO actors (canonical_name, folded_name, kind, surname) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        canonical,
        folded,
        kind,
        if is_person { surname(&folded) } else { None }
    ])?;
    Ok((conn.last_insert_rowid(), canonical))
}

/// Aliases, roles and affiliations seen, and the article ↔ actor link.
fn record_actor(
    conn: &Connection,
    actor_id: i64,
    la: &LocalActor,
    article_id: i64,
) -> Result<(), StoreError> {
    let mut alias_stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, folded) VALUES (?1, ?2, ?3)",
    )?;
    for alias in std::iter::once(&la.canonical).chain(la.aliases.iter()) {
        let folded = fold(alias);
        if !folded.is_empty() {
            alias_stmt.execute(params![actor_id, alias.trim(), folded])?;
        }
    }
    let mut attr_stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO actor_attributes (actor_id, kind, value) VALUES (?1, ?2, ?3)",
    )?;
    let attrs = la
        .roles
        .iter()
        .map(|r| ("role", r))
        .chain(la.affiliations.iter().map(|a| ("affiliation", a)));
    for (kind, value) in attrs {
        if !value.trim().is_empty() {
            attr_stmt.execute(params![actor_id, kind, value.trim()])?;
        }
    }
    conn.prepare_cached(
        "INSERT OR IGNORE INTO article_actors (article_id, actor_id) VALUES (?1, ?2)",
    )?
    .execute(params![article_id, actor_id])?;
    Ok(())
}

fn delete_article(conn: &Connection, id: i64) -> Result<bool, StoreError> {
    let actors: Vec<i64> = conn
        .prepare_cached("SELECT actor_id FROM article_actors WHERE article_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let deleted = conn
        .prepare_cached("DELETE FROM articles WHERE id = ?1")?
        .execute([id])?;
    if deleted == 0 {
        return Ok(false);
    }
    let mut stmt = conn.prepare_cached(
        "DELETE FROM actors WHERE id = ?1
         AND NOT EXISTS (SELECT 1 FROM article_actors WHERE actor_id = ?1)",
    )?;
    for actor_id in actors {
        stmt.execute([actor_id])?;
    }
    Ok(true)
}
