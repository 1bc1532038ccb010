//! Aggregates behind the actor page: quotes over time, and who talks about whom.

use super::{Store, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

/// Width of a timeline bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    Day,
    Week,
    Month,
}

impl Bucket {
    pub fn parse(s: &str) -> Option<Bucket> {
        match s.to_ascii_lowercase().as_str() {
            "day" => Some(Bucket::Day),
            "week" => Some(Bucket::Week),
            "month" => Some(Bucket::Month),
            _ => None,
        }
    }

    /// SQL turning `q.dated_at` ('YYYY-MM-DDTHH:MM:SSZ') into the bucket's first day.
    fn sql(self) -> &'static str {
        match self {
            Bucket::Day => "substr(q.dated_at, 1, 10)",
            // Weeks start on Monday: to the next Sunday (or stay), then back six days.
            Bucket::Week => "date(substr(q.dated_at, 1, 10), 'weekday 0', '-6 days')",
            Bucket::Month => "substr(q.dated_at, 1, 7) || '-01'",
        }
    }
}

/// Quotes by an actor in one bucket; `start` is the bucket's first day (YYYY-MM-DD).
#[derive(Debug, Clone, Serialize, PartialEq, ToSchema, sqlx::FromRow)]
pub struct TimelinePoint {
    pub start: String,
    pub quotes: i64,
}

/// Another actor and how many quotes link the two.
#[derive(Debug, Clone, Serialize, PartialEq, ToSchema, sqlx::FromRow)]
pub struct NetworkLink {
    pub actor_id: i64,
    pub canonical_name: String,
    #[serde(rename = "type")]
    /// person, organisation, place or group.
    pub kind: String,
    pub quotes: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq, ToSchema)]
pub struct Network {
    pub actor_id: i64,
    /// Actors named in this actor's quotes, most often first.
    pub mentions: Vec<NetworkLink>,
    /// Speakers whose quotes name this actor, most often first.
    pub mentioned_by: Vec<NetworkLink>,
}

impl Store {
    /// Quotes spoken by `actor_id` per bucket, oldest first; empty buckets are left out.
    /// `since`/`until` are ISO 8601 UTC bounds on the article date.
    pub async fn timeline(
        &self,
        actor_id: i64,
        bucket: Bucket,
        since: Option<&str>,
        until: Option<&str>,
    ) -> Result<Vec<TimelinePoint>, StoreError> {
        let sql = format!(
            "SELECT {b} AS start, COUNT(*) AS quotes FROM quotes q
             WHERE q.speaker_actor_id = ?1
               AND (?2 IS NULL OR q.dated_at >= ?2) AND (?3 IS NULL OR q.dated_at <= ?3)
             GROUP BY 1 ORDER BY 1",
            b = bucket.sql()
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(actor_id)
            .bind(since)
            .bind(until)
            .fetch_all(self.read_pool())
            .await?)
    }

    /// Who `actor_id` talks about in quotes, and who is quoted talking about them.
    pub async fn network(&self, actor_id: i64, limit: u32) -> Result<Network, StoreError> {
        // The limit is written into the SQL: a bound LIMIT re-prepares (see `read.rs`).
        let mentions: Vec<NetworkLink> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT a.id AS actor_id, a.canonical_name, a.kind, COUNT(*) AS quotes
             FROM quotes q
             JOIN quote_mentions qm ON qm.quote_id = q.id
             JOIN actors a ON a.id = qm.actor_id
             WHERE q.speaker_actor_id = ?1 AND qm.actor_id <> ?1
             GROUP BY a.id ORDER BY quotes DESC, a.canonical_name LIMIT {}",
            i64::from(limit)
        )))
        .bind(actor_id)
        .fetch_all(self.read_pool())
        .await?;
        let mentioned_by: Vec<NetworkLink> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT a.id AS actor_id, a.canonical_name, a.kind, COUNT(*) AS quotes
             FROM quote_mentions qm
             JOIN quotes q ON q.id = qm.quote_id
             JOIN actors a ON a.id = q.speaker_actor_id
             WHERE qm.actor_id = ?1 AND q.speaker_actor_id <> ?1
             GROUP BY a.id ORDER BY quotes DESC, a.canonical_name LIMIT {}",
            i64::from(limit)
        )))
        .bind(actor_id)
        .fetch_all(self.read_pool())
        .await?;
        Ok(Network {
            actor_id,
            mentions,
            mentioned_by,
        })
    }
}
