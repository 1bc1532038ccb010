//! HTML → article body (boilerplate removal).
//!
//! The heavy lifting is done by the `trafilatura` crate (precision focus with the readability /
//! justext fallback). This module adds what the crate does not give directly:
//!
//! - a guard against pathological nesting (the page is parsed once, and when it is deeper than
//!   [`MAX_DEPTH`] it is re-serialised flat beyond that depth before extraction, so no recursive
//!   code path in the crate or its dependencies can overflow the stack);
//! - a body built from the crate's *HTML* output, one paragraph per block separated by a blank
//!   line (its plain-text output glues paragraphs together);
//! - general post-processing: a leading repeat of the title is dropped, as are trailing share /
//!   tag / "Read more" / subscribe lines;
//! - title, byline and date from the page metadata.

use trafilatura::dom::{Document, NodeId};

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

/// Elements nested deeper than this are unwrapped (their content is kept, hoisted to the element
/// at this depth). Real pages stay far below it; the crate's own guards start at 500.
pub const MAX_DEPTH: usize = 256;

pub fn extract(html: &str) -> Result<HtmlArticle, HtmlError> {
    if html.trim().is_empty() {
        return Err(HtmlError::NoBody);
    }
    let doc = parse_guarded(html);
    let opts = trafilatura::Options::default()
        .with_fallback(true)
        .with_focus(trafilatura::ExtractionFocus::FavorPrecision);
    let result = trafilatura::extract_document(doc, &opts).map_err(|_| HtmlError::NoBody)?;
    let meta = &result.metadata;
    let title = non_empty(&meta.title);
    let paragraphs = blocks_from_html(&result.content_html);
    let paragraphs = clean_paragraphs(paragraphs, title.as_deref());
    let body = paragraphs.join("\n\n");
    if !body.chars().any(char::is_alphanumeric) {
        return Err(HtmlError::NoBody);
    }
    Ok(HtmlArticle {
        title,
        byline: non_empty(&meta.author),
        published_at: meta.date.map(|d| d.format("%Y-%m-%d").to_string()),
        url: non_empty(&meta.url),
        body,
    })
}

fn non_empty(s: &str) -> Option<String> {
    let s = collapse_ws(s);
    (!s.is_empty()).then_some(s)
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Nesting guard
// ---------------------------------------------------------------------------------------------

/// Parses the page; when the tree is deeper than [`MAX_DEPTH`], re-serialises it with elements
/// below that depth unwrapped and parses that instead. Parsing (html5ever) and the walks here
/// are iterative, so this is linear and stack-safe.
fn parse_guarded(html: &str) -> Document {
    let doc = Document::parse(html);
    // Depth of the deepest node, iteratively, stopping as soon as the limit is passed.
    let mut stack = vec![(doc.root(), 0usize)];
    let mut too_deep = false;
    while let Some((id, d)) = stack.pop() {
        if d > MAX_DEPTH {
            too_deep = true;
            break;
        }
        stack.extend(doc.children(id).into_iter().map(|c| (c, d + 1)));
    }
    if !too_deep {
        return doc;
    }
    Document::parse(&serialize_flat(&doc))
}

/// Serialises the tree iteratively, dropping the tags (not the content) of elements deeper
/// than [`MAX_DEPTH`].
fn serialize_flat(doc: &Document) -> String {
    enum Step {
        Open(NodeId, usize),
        Close(String),
    }
    let mut out = String::from("<!DOCTYPE html>");
    let mut stack = vec![Step::Open(doc.root(), 0)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Close(name) => {
                out.push_str("</");
                out.push_str(&name);
                out.push('>');
            }
            Step::Open(id, depth) => {
                if doc.is_text(id) {
                    let raw = doc.parent(id).is_some_and(|p| is_raw_text(doc.tag_name(p)));
                    let text = doc.outer_html(id);
                    if raw {
                        out.push_str(&text);
                    } else {
                        escape_into(&mut out, &text, false);
                    }
                    continue;
                }
                if doc.is_element(id) && depth <= MAX_DEPTH {
                    let name = doc.tag_name(id).to_owned();
                    out.push('<');
                    out.push_str(&name);
                    for k in doc.attribute_names(id) {
                        let v = doc.get_attribute(id, &k).unwrap_or_default();
                        out.push(' ');
                        out.push_str(&k);
                        out.push_str("=\"");
                        escape_into(&mut out, &v, true);
                        out.push('"');
                    }
                    out.push('>');
                    if !doc.is_void_element(id) {
                        stack.push(Step::Close(name));
                    }
                } else if doc.comment_data(id).is_some() {
                    continue;
                }
                let children = doc.child_nodes(id);
                stack.extend(children.into_iter().rev().map(|c| Step::Open(c, depth + 1)));
            }
        }
    }
    out
}

fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "textarea" | "title" | "xmp" | "iframe"
    )
}

fn escape_into(out: &mut String, s: &str, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' if !attr => out.push_str("&lt;"),
            '>' if !attr => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            _ => out.push(c),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "item"
            | "ul"
            | "ol"
            | "list"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "quote"
            | "pre"
            | "code"
            | "table"
            | "tr"
            | "row"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "figure"
            | "figcaption"
            | "graphic"
            | "hr"
            | "main"
            | "aside"
            | "body"
            | "html"
    )
}

/// Text of each block-level element of the crate's HTML output, whitespace collapsed.
fn blocks_from_html(content_html: &str) -> Vec<String> {
    let doc = Document::parse(content_html);
    let mut blocks = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, blocks: &mut Vec<String>| {
        let t = collapse_ws(cur);
        if !t.is_empty() {
            blocks.push(t);
        }
        cur.clear();
    };
    // Iterative pre-order walk with explicit "leave" markers for block elements.
    let mut stack = vec![(doc.root(), false)];
    while let Some((id, leaving)) = stack.pop() {
        if leaving {
            flush(&mut cur, &mut blocks);
            continue;
        }
        if doc.is_text(id) {
            cur.push_str(&doc.outer_html(id));
            continue;
        }
        if doc.is_element(id) {
            let name = doc.tag_name(id);
            if name == "br" {
                cur.push(' ');
                continue;
            }
            if is_raw_text(name) || name == "head" {
                continue;
            }
            if is_block(name) {
                flush(&mut cur, &mut blocks);
                stack.push((id, true));
            } else if matches!(name, "td" | "th" | "cell") {
                cur.push(' ');
            }
        }
        stack.extend(doc.child_nodes(id).into_iter().rev().map(|c| (c, false)));
    }
    flush(&mut cur, &mut blocks);
    blocks
}

// ---------------------------------------------------------------------------------------------
// Post-processing
// ---------------------------------------------------------------------------------------------

fn clean_paragraphs(mut paras: Vec<String>, title: Option<&str>) -> Vec<String> {
    // A leading repeat of the title.
    if let (Some(first), Some(title)) = (paras.first(), title) {
        if same_words(first, title) {
            paras.remove(0);
        }
    }
    paras
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn same_words(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    !a.is_empty() && a == b
}
