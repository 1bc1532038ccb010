//! `/entities`: named entities aggregated by actor (or name) and type.

use super::error::ErrorBody;
use super::extract::{page_json, query, QueryParams, Result};
use super::params::{self, EntityQuery, PageParams};
use super::{ApiError, AppState};
use crate::store::model::{EntityAggregate, Page};
use crate::store::EntityFilter;
use axum::extract::State;
use axum::response::Response;

/// Named entities aggregated by actor (or name) and type, most articles first.
#[utoipa::path(get, path = "/entities", tag = "entities", params(EntityQuery, PageParams),
    responses(
        (status = 200, description = "Entities by actor (or name) and type, most articles first", body = Page<EntityAggregate>),
        (status = 400, description = "invalid_field, invalid_limit, invalid_cursor", body = ErrorBody)))]
pub async fn list_entities(
    State(state): State<AppState>,
    q: QueryParams<EntityQuery>,
    page: QueryParams<PageParams>,
) -> Result<Response> {
    let (p, page) = (query(q)?, query(page)?);
    let label = match params::text(&p.kind) {
        None => None,
        Some(t) => {
            let upper = t.to_ascii_uppercase();
            let label = match upper.as_str() {
                "PERSON" => "PER".to_owned(),
                "ORGANISATION" | "ORGANIZATION" => "ORG".to_owned(),
                "PLACE" | "LOCATION" => "LOC".to_owned(),
                _ => upper,
            };
            if crate::pipeline::EntityLabel::parse(&label).is_none() {
                return Err(ApiError::InvalidField(
                    "type must be PER, ORG, LOC or MISC".into(),
                ));
            }
            Some(label)
        }
    };
    let f = EntityFilter {
        label,
        name: params::text(&p.name),
        article_id: params::id("article_id", &p.article_id)?,
        limit: page.limit()?,
        offset: page.offset()?,
    };
    Ok(page_json(state.store.entities(&f).await?))
}
