//! HTML → article body (boilerplate removal). Stub: filled in by the html stage work.

/// The parts of a web page the service keeps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published_at: Option<String>,
    pub url: Option<String>,
    /// Paragraphs separated by a blank line.
    pub body: String,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum HtmlError {
    #[error("no article body could be extracted from the HTML")]
    NoBody,
}

pub fn extract(_html: &str) -> Result<HtmlArticle, HtmlError> {
    Err(HtmlError::NoBody)
}
