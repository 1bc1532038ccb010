//! The writer task and the SQL that changes the database.

use super::fold::{fold, surname, word_count};
use super::model::{ArticleView, CueView, EntityView, QuoteView, SpeakerView};
use super::{
    now_iso, Ingested, NewArticle, StoreError, WriteOp, WriteOutcome, WriteRequest, MAX_BATCH,
};
use crate::pipeline::normalize::CharIndex;
use crate::pipeline::{ActorKind, LocalActor, Span};
use rustc_hash::FxHashMap;
use sqlx::sqlite::SqliteConnection;
use tokio::sync::mpsc;

pub(super) async fn run_writer(mut conn: SqliteConnection, mut rx: mpsc::Receiver<WriteRequest>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = rx.recv().await {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(req) => batch.push(req),
                Err(_) => break,
            }
        }
        commit_batch(&mut conn, &mut batch).await;
    }
    // Every sender is gone: fold the WAL back so the file is whole on its own.
    let _ = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await;
}

/// One transaction for every request in `batch`; answers go out after COMMIT.
async fn commit_batch(conn: &mut SqliteConnection, batch: &mut Vec<WriteRequest>) {
    if let Err(e) = sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await {
        let msg = e.to_string();
        for req in batch.drain(..) {
            let _ = req.reply.send(Err(StoreError::Commit(msg.clone())));
        }
        return;
    }
    let mut results = Vec::with_capacity(batch.len());
    for req in batch.iter() {
        results.push(apply_in_savepoint(conn, &req.op).await);
    }
    let committed = sqlx::query("COMMIT").execute(&mut *conn).await;
    match committed {
        Ok(_) => {
            for (req, result) in batch.drain(..).zip(results) {
                let _ = req.reply.send(result);
            }
        }
        Err(e) => {
            tracing::error!(error = %e, "commit failed; rolling back the batch");
            let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
            let msg = e.to_string();
            for req in batch.drain(..) {
                let _ = req.reply.send(Err(StoreError::Commit(msg.clone())));
            }
        }
    }
}

async fn apply_in_savepoint(
    conn: &mut SqliteConnection,
    op: &WriteOp,
) -> Result<WriteOutcome, StoreError> {
    sqlx::query("SAVEPOINT op").execute(&mut *conn).await?;
    let result = match op {
        WriteOp::Insert(a) => insert_article(conn, a).await.map(WriteOutcome::Inserted),
        WriteOp::Delete(id) => delete_article(conn, *id).await.map(WriteOutcome::Deleted),
    };
    if result.is_err() {
        sqlx::query("ROLLBACK TO op").execute(&mut *conn).await?;
    }
    sqlx::query("RELEASE op").execute(&mut *conn).await?;
    result
}

async fn existing_article(
    conn: &mut SqliteConnection,
    url: Option<&str>,
    hash: &[u8],
) -> Result<Option<i64>, StoreError> {
    if let Some(url) = url {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM articles WHERE url = ?1")
            .bind(url)
            .fetch_optional(&mut *conn)
            .await?;
        if id.is_some() {
            return Ok(id);
        }
    }
    Ok(
        sqlx::query_scalar("SELECT id FROM articles WHERE content_hash = ?1")
            .bind(hash)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

async fn insert_article(
    conn: &mut SqliteConnection,
    new: &NewArticle,
) -> Result<Ingested, StoreError> {
    let a = &new.analysis;
    let hash = blake3::hash(a.text.as_bytes());
    if let Some(id) = existing_article(conn, new.url.as_deref(), hash.as_bytes()).await? {
        return Ok(Ingested::Duplicate { id });
    }
    let ingested_at = now_iso();
    let dated_at = new
        .published_at
        .clone()
        .unwrap_or_else(|| ingested_at.clone());
    let article_id: i64 = sqlx::query_scalar(
        "INSERT INTO articles (url, content_hash, source, title, byline, language, text,
                               published_at, ingested_at, dated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
    )
    .bind(new.url.as_deref())
    .bind(&hash.as_bytes()[..])
    .bind(new.source.as_deref())
    .bind(a.title.as_deref())
    .bind(new.byline.as_deref())
    .bind(new.language.as_deref())
    .bind(&a.text)
    .bind(new.published_at.as_deref())
    .bind(&ingested_at)
    .bind(&dated_at)
    .fetch_one(&mut *conn)
    .await?;

    // Article-local actors → global actors.
    let mut global: FxHashMap<usize, (i64, String)> = FxHashMap::default();
    for (index, la) in a.actors.iter().enumerate() {
        let (id, canonical) = join_actor(conn, la).await?;
        record_actor(conn, id, la, article_id).await?;
        global.insert(la.id, (id, canonical.clone()));
        if la.id != index {
            global.entry(index).or_insert((id, canonical));
        }
    }
    let actor_of = |local: Option<usize>| local.and_then(|l| global.get(&l));

    let ix = CharIndex::new(&a.text);
    let cp = |byte: usize| ix.char_at(byte) as i64;

    let mut entities = Vec::with_capacity(a.entities.len());
    for m in &a.entities {
        let text = m.span.text(&a.text);
        let actor_id = actor_of(m.actor).map(|g| g.0);
        let (start, end) = (cp(m.span.start), cp(m.span.end));
        sqlx::query(
            "INSERT INTO mentions (article_id, actor_id, start, \"end\", label, text, folded)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .bind(article_id)
        .bind(actor_id)
        .bind(start)
        .bind(end)
        .bind(m.label.as_str())
        .bind(text)
        .bind(fold(text))
        .execute(&mut *conn)
        .await?;
        entities.push(EntityView {
            start,
            end,
            text: text.to_owned(),
            label: m.label.as_str().to_owned(),
            actor_id,
        });
    }

    let mut quotes = Vec::with_capacity(a.quotes.len());
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
        let quote_id: i64 = sqlx::query_scalar(
            "INSERT INTO quotes (article_id, start, \"end\", text, kind, cue_start, cue_end,
                 cue_text, speaker_actor_id, speaker_name, speaker_text, speaker_start,
                 speaker_end, speaker_how, speaker_confidence, role, affiliation, confidence,
                 dated_at, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, ?18, ?19, ?20)
             RETURNING id",
        )
        .bind(article_id)
        .bind(start)
        .bind(end)
        .bind(text)
        .bind(q.kind.as_str())
        .bind(cue.as_ref().map(|c| c.start))
        .bind(cue.as_ref().map(|c| c.end))
        .bind(cue.as_ref().map(|c| c.text.as_str()))
        .bind(sp.and_then(|s| s.actor_id))
        .bind(sp.and_then(|s| s.name.as_deref()))
        .bind(sp.and_then(|s| s.text.as_deref()))
        .bind(sp.and_then(|s| s.start))
        .bind(sp.and_then(|s| s.end))
        .bind(sp.and_then(|s| s.how.as_deref()))
        .bind(sp.and_then(|s| s.confidence))
        .bind(sp.and_then(|s| s.role.as_deref()))
        .bind(sp.and_then(|s| s.affiliation.as_deref()))
        .bind(f64::from(q.confidence))
        .bind(&dated_at)
        .bind(new.source.as_deref())
        .fetch_one(&mut *conn)
        .await?;

        // Actors named inside the quote ("about"): named entities and actor mentions.
        let mut about: Vec<i64> = a
            .entities
            .iter()
            .filter(|m| q.span.contains(m.span))
            .filter_map(|m| actor_of(m.actor).map(|g| g.0))
            .collect();
        for la in &a.actors {
            if la.mentions.iter().any(|s: &Span| q.span.contains(*s)) {
                if let Some(g) = global.get(&la.id) {
                    about.push(g.0);
                }
            }
        }
        about.sort_unstable();
        about.dedup();
        for actor_id in about {
            sqlx::query(
                "INSERT OR IGNORE INTO quote_mentions (actor_id, quote_id) VALUES (?1, ?2)",
            )
            .bind(actor_id)
            .bind(quote_id)
            .execute(&mut *conn)
            .await?;
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
    })))
}

/// Finds the global actor an article-local actor is, or creates it.
///
/// 1. same folded canonical name and kind;
/// 2. else exactly one actor of that kind with one of its names as an alias — for
///    people only through multi-word aliases, or by promoting a bare-surname actor;
/// 3. else, for a bare one-word person name, the one person with that surname, if
///    exactly one exists;
/// 4. else a new actor.
async fn join_actor(
    conn: &mut SqliteConnection,
    la: &LocalActor,
) -> Result<(i64, String), StoreError> {
    let kind = la.kind.as_str();
    let folded = fold(&la.canonical);
    let canonical = if folded.is_empty() {
        la.canonical.trim().to_owned()
    } else {
        la.canonical.clone()
    };
    let by_name: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, canonical_name FROM actors WHERE folded_name = ?1 AND kind = ?2",
    )
    .bind(&folded)
    .bind(kind)
    .fetch_optional(&mut *conn)
    .await?;
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
    for name in &names {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT a.id, a.canonical_name, a.folded_name FROM actor_aliases al
             JOIN actors a ON a.id = al.actor_id
             WHERE al.folded = ?1 AND a.kind = ?2 LIMIT 3",
        )
        .bind(name)
        .bind(kind)
        .fetch_all(&mut *conn)
        .await?;
        for row in rows {
            let usable = !is_person || word_count(name) >= 2 || row.2 == *name;
            if usable && !candidates.iter().any(|c| c.0 == row.0) {
                candidates.push(row);
            }
        }
    }
    if candidates.len() == 1 {
        let (id, old_canonical, old_folded) = candidates.remove(0);
        // A fuller name for a bare-surname actor ("Blinken" → "Antony Blinken").
        if is_person && word_count(&folded) > word_count(&old_folded) {
            let updated = sqlx::query(
                "UPDATE OR IGNORE actors SET canonical_name = ?1, folded_name = ?2, surname = ?3
                 WHERE id = ?4",
            )
            .bind(&canonical)
            .bind(&folded)
            .bind(surname(&folded))
            .bind(id)
            .execute(&mut *conn)
            .await?;
            if updated.rows_affected() == 1 {
                return Ok((id, canonical));
            }
        }
        return Ok((id, old_canonical));
    }

    if is_person && word_count(&folded) == 1 {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, canonical_name FROM actors WHERE surname = ?1 AND kind = 'person' LIMIT 2",
        )
        .bind(&folded)
        .fetch_all(&mut *conn)
        .await?;
        if rows.len() == 1 {
            return Ok(rows.into_iter().next().expect("one row"));
        }
    }

    let id: i64 = sqlx::query_scalar(
        "INSERT INTO actors (canonical_name, folded_name, kind, surname)
         VALUES (?1, ?2, ?3, ?4) RETURNING id",
    )
    .bind(&canonical)
    .bind(&folded)
    .bind(kind)
    .bind(if is_person { surname(&folded) } else { None })
    .fetch_one(&mut *conn)
    .await?;
    Ok((id, canonical))
}

/// Aliases, roles and affiliations seen, and the article ↔ actor link.
async fn record_actor(
    conn: &mut SqliteConnection,
    actor_id: i64,
    la: &LocalActor,
    article_id: i64,
) -> Result<(), StoreError> {
    for alias in std::iter::once(&la.canonical).chain(la.aliases.iter()) {
        let folded = fold(alias);
        if folded.is_empty() {
            continue;
        }
        sqlx::query(
            "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, folded) VALUES (?1, ?2, ?3)",
        )
        .bind(actor_id)
        .bind(alias.trim())
        .bind(&folded)
        .execute(&mut *conn)
        .await?;
    }
    let attrs = la
        .roles
        .iter()
        .map(|r| ("role", r))
        .chain(la.affiliations.iter().map(|a| ("affiliation", a)));
    for (kind, value) in attrs {
        sqlx::query(
            "INSERT OR IGNORE INTO actor_attributes (actor_id, kind, value) VALUES (?1, ?2, ?3)",
        )
        .bind(actor_id)
        .bind(kind)
        .bind(value.trim())
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query("INSERT OR IGNORE INTO article_actors (article_id, actor_id) VALUES (?1, ?2)")
        .bind(article_id)
        .bind(actor_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn delete_article(conn: &mut SqliteConnection, id: i64) -> Result<bool, StoreError> {
    let actors: Vec<i64> =
        sqlx::query_scalar("SELECT actor_id FROM article_actors WHERE article_id = ?1")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let deleted = sqlx::query("DELETE FROM articles WHERE id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if deleted == 0 {
        return Ok(false);
    }
    for actor_id in actors {
        sqlx::query(
            "DELETE FROM actors WHERE id = ?1
             AND NOT EXISTS (SELECT 1 FROM article_actors WHERE actor_id = ?1)",
        )
        .bind(actor_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(true)
}
