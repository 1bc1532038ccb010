//! HTML → article body (boilerplate removal).
//!
//! The extraction itself is the `trafilatura` crate's (precision focus with its readability /
//! justext fallback). This module adds what the crate does not give directly:
//!
//! - **Bounded work on hostile markup.** html5ever walks the stack of open elements on most
//!   start tags, so deep nesting makes parsing quadratic (50,000 nested `<div>`s: ~20 s), and
//!   parts of the crate and its dependencies recurse. A linear lexical pass
//!   (`limit_nesting`) drops start/end tags nested deeper than [`LEXICAL_MAX_DEPTH`] (text
//!   kept) before parsing; after parsing, a tree still deeper than [`MAX_DEPTH`] is
//!   re-serialised flat below that depth (iteratively). Real pages are never touched (deepest
//!   on html.dev: 51 in the lexical model).
//! - **Paragraphs.** The body is built from the crate's HTML output, one block per paragraph,
//!   separated by a blank line (its plain-text output glues paragraphs together).
//! - **Recall merge.** A second, recall-focused pass runs on a copy of the page; prose
//!   paragraphs it finds just before or between the precise pass's blocks (ledes styled
//!   apart, paragraphs split by an embed) are added in place.
//! - **Glued words.** The crate sometimes drops the space before an inline element ("ahead
//!   of <a>Adarius</a>" → "ofAdarius"); words that never occur on the page but split into
//!   words that do are split back.
//! - **Clean-up** (general patterns, no site rules): the headline and what precedes it, a
//!   standfirst, byline / reading-time / "posted by" lines and subscription pitches at the top;
//!   share buttons, "Read more: …" teasers and labels with their teaser lists inside; tags,
//!   follow / subscribe / newsletter calls, contributor notes, contact lines, author bios,
//!   keyword and link lists and trailing headings at the end.
//! - Title (site name stripped), byline and date (ISO `YYYY-MM-DD`) from the page metadata.

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

/// Extracts the article of a web page: title, byline, date (from the page metadata) and the
/// body, one paragraph per block separated by a blank line. [`HtmlError::NoBody`] when the
/// page has no usable article text.
///
/// Never panics: the work is linear in the page size and stack-bounded (see [`MAX_DEPTH`]),
/// and as a last resort a panic inside the extraction crate is caught and reported as
/// `NoBody` rather than taking the caller down.
pub fn extract(html: &str) -> Result<HtmlArticle, HtmlError> {
    std::panic::catch_unwind(|| extract_unguarded(html)).unwrap_or(Err(HtmlError::NoBody))
}

fn extract_unguarded(html: &str) -> Result<HtmlArticle, HtmlError> {
    if html.trim().is_empty() {
        return Err(HtmlError::NoBody);
    }
    let doc = parse_guarded(html);
    let page_text = page_text(&doc);
    let doc_recall = doc.clone_document();
    let opts = trafilatura::Options::default()
        .with_fallback(true)
        .with_focus(trafilatura::ExtractionFocus::FavorPrecision);
    let precise = trafilatura::extract_document(doc, &opts);
    let recall = {
        let opts = opts
            .clone()
            .with_focus(trafilatura::ExtractionFocus::FavorRecall);
        trafilatura::extract_document(doc_recall, &opts).ok()
    };
    let (meta, blocks) = match (precise, recall) {
        (Ok(p), Some(r)) => {
            let merged = merge_recall(
                blocks_from_html(&p.content_html),
                blocks_from_html(&r.content_html),
            );
            (p.metadata, merged)
        }
        (Ok(p), None) => (p.metadata, blocks_from_html(&p.content_html)),
        // The precise pass found nothing: the recall pass counts only if it found prose.
        (Err(_), Some(r)) => {
            let blocks = blocks_from_html(&r.content_html);
            if !blocks.iter().any(is_prose) {
                return Err(HtmlError::NoBody);
            }
            (r.metadata, blocks)
        }
        (Err(_), None) => return Err(HtmlError::NoBody),
    };
    let mut blocks = blocks;
    split_glued_words(&mut blocks, &page_text);
    let title = non_empty(&meta.title).map(|t| strip_site_name(&t, &meta.sitename));
    let byline = non_empty(&meta.author);
    let blocks = clean_blocks(blocks, title.as_deref(), byline.as_deref());
    let body = blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    if !usable(&blocks) {
        return Err(HtmlError::NoBody);
    }
    Ok(HtmlArticle {
        title,
        byline,
        published_at: meta.date.map(|d| d.format("%Y-%m-%d").to_string()),
        url: non_empty(&meta.url),
        body,
    })
}

fn non_empty(s: &str) -> Option<String> {
    let s = collapse_ws(s);
    (!s.is_empty()).then_some(s)
}

/// "Headline - Site" / "Site | Headline" → "Headline", when the page names the site.
fn strip_site_name(title: &str, site: &str) -> String {
    let site = words(site);
    if site.is_empty() {
        return title.to_owned();
    }
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if words(tail) == site && !words(head).is_empty() {
                return head.trim().to_owned();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if words(head) == site && !words(tail).is_empty() {
                return tail.trim().to_owned();
            }
        }
    }
    title.to_owned()
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
    let doc = Document::parse(&limit_nesting(html, LEXICAL_MAX_DEPTH));
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

/// Nesting allowed by the lexical pre-pass (see [`limit_nesting`]).
pub const LEXICAL_MAX_DEPTH: usize = 512;

/// Elements that never have content.
fn is_void_tag(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose end the parser implies (a `</div>` may close them silently).
fn is_implied_end(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "dd"
            | "dt"
            | "option"
            | "optgroup"
            | "rb"
            | "rp"
            | "rt"
            | "rtc"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
    )
}

/// Start tags that close an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "dd"
            | "dt"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
    )
}

/// The open elements of [`limit_nesting`]'s model, with O(1) amortised operations.
#[derive(Default)]
struct OpenStack {
    names: Vec<String>,
    /// For each entry, 1 + the index of the nearest entry at or below it whose end the
    /// parser does not imply (0 if none).
    barrier: Vec<usize>,
    /// Positions of each open name, innermost last.
    positions: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Open `<svg>` / `<math>` elements.
    foreign: usize,
}

impl OpenStack {
    fn len(&self) -> usize {
        self.names.len()
    }
    fn top(&self) -> Option<&str> {
        self.names.last().map(String::as_str)
    }
    fn push(&mut self, name: String) {
        let i = self.names.len();
        let below = self.barrier.last().copied().unwrap_or(0);
        self.barrier
            .push(if is_implied_end(&name) { below } else { i + 1 });
        self.positions.entry(name.clone()).or_default().push(i);
        if name == "svg" || name == "math" {
            self.foreign += 1;
        }
        self.names.push(name);
    }
    fn pop(&mut self) {
        if let Some(name) = self.names.pop() {
            self.barrier.pop();
            if let Some(v) = self.positions.get_mut(&name) {
                v.pop();
            }
            if name == "svg" || name == "math" {
                self.foreign -= 1;
            }
        }
    }
    /// An end tag: pops through the innermost open `name` when everything above it is an
    /// element whose end the parser implies; otherwise (the parser would ignore the end tag
    /// or keep the elements above open) leaves the stack alone.
    fn close(&mut self, name: &str) {
        let Some(&pos) = self.positions.get(name).and_then(|v| v.last()) else {
            return;
        };
        let barrier = self.barrier.last().copied().unwrap_or(0);
        if pos + 1 >= barrier {
            while self.names.len() > pos {
                self.pop();
            }
        }
    }
}

/// Lexical nesting limiter, run on the raw page before it is parsed.
///
/// html5ever checks "is there a `<p>` in scope" by walking the stack of open elements on most
/// start tags, so a page of 10,000 nested `<div>`s costs time quadratic in its size (measured:
/// 50,000 levels, 250 kB, ~20 s). This pass tokenises the page cheaply (comments, raw-text
/// elements and quoted attributes respected), follows a conservative model of the open
/// elements (it pops only what the parser surely pops, so it never under-estimates depth by
/// more than the parser's own implied ends) and drops the start tags, and matching end tags,
/// that would nest deeper than `limit`. Their text is kept. Linear in the input; returns the
/// input unchanged (borrowed) when nothing is dropped, which is the case on real pages.
fn limit_nesting(html: &str, limit: usize) -> std::borrow::Cow<'_, str> {
    let b = html.as_bytes();
    let n = b.len();
    let mut stack = OpenStack::default();
    let mut dropped: rustc_hash::FxHashMap<String, usize> = Default::default();
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut drop_range = |out: &mut Option<String>, from: usize, to: usize| {
        let o = out.get_or_insert_with(|| String::with_capacity(n));
        o.push_str(&html[copied..from]);
        copied = to;
    };
    let find = |from: usize, pat: &[u8]| -> usize {
        b[from.min(n)..]
            .windows(pat.len())
            .position(|w| w.eq_ignore_ascii_case(pat))
            .map_or(n, |p| from + p + pat.len())
    };
    let mut i = 0usize;
    while i < n {
        let Some(off) = b[i..].iter().position(|&c| c == b'<') else {
            break;
        };
        let lt = i + off;
        let next = b.get(lt + 1).copied().unwrap_or(0);
        if b[lt..].starts_with(b"<!--") {
            i = find(lt + 4, b"-->");
            continue;
        }
        if next == b'!' || next == b'?' {
            i = find(lt + 2, b">");
            continue;
        }
        let closing = next == b'/';
        let name_start = if closing { lt + 2 } else { lt + 1 };
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = if closing { find(lt + 2, b">") } else { lt + 1 };
            continue;
        }
        let mut j = name_start;
        while j < n && !matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
            j += 1;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        // Attributes up to the closing '>', quoted values skipped whole.
        let mut self_closing = false;
        while j < n && b[j] != b'>' {
            match b[j] {
                b'=' => {
                    j += 1;
                    while j < n && b[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    if j < n && (b[j] == b'"' || b[j] == b'\'') {
                        let q = b[j];
                        j = b[j + 1..]
                            .iter()
                            .position(|&c| c == q)
                            .map_or(n, |p| j + 1 + p + 1);
                        continue;
                    }
                }
                b'/' => {
                    self_closing = b.get(j + 1) == Some(&b'>');
                    j += 1;
                }
                _ => j += 1,
            }
        }
        let end = (j + 1).min(n);
        i = end;
        if closing {
            if let Some(c) = dropped.get_mut(&name).filter(|c| **c > 0) {
                *c -= 1;
                drop_range(&mut out, lt, end);
            } else {
                stack.close(&name);
            }
            continue;
        }
        if matches!(
            name.as_str(),
            "script"
                | "style"
                | "textarea"
                | "title"
                | "xmp"
                | "iframe"
                | "noembed"
                | "noframes"
                | "noscript"
        ) {
            let close = format!("</{name}");
            i = find(end, close.as_bytes());
            continue;
        }
        if name == "plaintext" {
            break;
        }
        if is_void_tag(&name) || (self_closing && stack.foreign > 0) {
            continue;
        }
        // Ends the parser implies before this start tag.
        if closes_p(&name) && stack.top() == Some("p") {
            stack.pop();
        }
        let same_kind = |s: &str| match name.as_str() {
            "li" => s == "li",
            "dd" | "dt" => s == "dd" || s == "dt",
            "option" => s == "option",
            "td" | "th" => s == "td" || s == "th",
            "tr" => s == "tr" || s == "td" || s == "th",
            _ => false,
        };
        while stack.top().is_some_and(same_kind) {
            stack.pop();
        }
        if stack.len() >= limit {
            *dropped.entry(name).or_default() += 1;
            drop_range(&mut out, lt, end);
        } else {
            stack.push(name);
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
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

/// One block of the extracted body: its text (whitespace collapsed) and the name of the
/// innermost block element it came from.
#[derive(Debug, Clone, PartialEq)]
struct Block {
    text: String,
    tag: String,
}

impl Block {
    fn is_heading(&self) -> bool {
        matches!(
            self.tag.as_str(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "head"
        )
    }
}

/// Text of each block-level element of the crate's HTML output, whitespace collapsed.
fn blocks_from_html(content_html: &str) -> Vec<Block> {
    let doc = Document::parse(content_html);
    let mut blocks = Vec::new();
    let mut cur = String::new();
    let mut open: Vec<String> = Vec::new();
    let flush = |cur: &mut String, open: &[String], blocks: &mut Vec<Block>| {
        let t = collapse_ws(cur);
        if !t.is_empty() {
            let tag = open.last().cloned().unwrap_or_default();
            blocks.push(Block { text: t, tag });
        }
        cur.clear();
    };
    // Iterative pre-order walk with explicit "leave" markers for block elements.
    let mut stack = vec![(doc.root(), false)];
    while let Some((id, leaving)) = stack.pop() {
        if leaving {
            flush(&mut cur, &open, &mut blocks);
            open.pop();
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
                flush(&mut cur, &open, &mut blocks);
                open.push(name.to_owned());
                stack.push((id, true));
            } else if matches!(name, "td" | "th" | "cell") {
                cur.push(' ');
            }
        }
        stack.extend(doc.child_nodes(id).into_iter().rev().map(|c| (c, false)));
    }
    flush(&mut cur, &open, &mut blocks);
    blocks
}

// ---------------------------------------------------------------------------------------------
// Glued words
// ---------------------------------------------------------------------------------------------

/// The page's visible text as a reader sees it: text nodes in order, a space between blocks,
/// nothing between inline elements (so "<b>Fo</b>o" stays one word).
fn page_text(doc: &Document) -> String {
    let mut out = String::new();
    // `None` marks the end of a block.
    let mut stack = vec![Some(doc.root())];
    while let Some(item) = stack.pop() {
        let Some(id) = item else {
            out.push(' ');
            continue;
        };
        if doc.is_text(id) {
            out.push_str(&doc.outer_html(id));
            continue;
        }
        let name = doc.tag_name(id);
        if is_raw_text(name) {
            continue;
        }
        if is_block(name) || matches!(name, "br" | "td" | "th" | "img" | "button" | "option") {
            out.push(' ');
            stack.push(None);
        }
        stack.extend(doc.child_nodes(id).into_iter().rev().map(Some));
    }
    out
}

/// Words longer than this are left alone (bounded work per word).
const MAX_GLUED_LEN: usize = 64;

/// The extractor sometimes drops the space between a word and the inline element after it
/// ("ahead of <a>Adarius</a>" → "ahead ofAdarius"). A word of the output that never occurs
/// on the page but splits into words that do is split back.
fn split_glued_words(blocks: &mut [Block], page: &str) {
    let known: rustc_hash::FxHashSet<&str> = page.split_whitespace().collect();
    for b in blocks.iter_mut() {
        if b.text.split(' ').all(|w| known.contains(w)) {
            continue;
        }
        let mut out = String::with_capacity(b.text.len() + 8);
        for (i, w) in b.text.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            match (!known.contains(w)).then(|| segment(w, &known)).flatten() {
                Some(parts) => out.push_str(&parts.join(" ")),
                None => out.push_str(w),
            }
        }
        b.text = out;
    }
}

/// Splits `word` into the fewest known words (at least two), if it can be done.
fn segment<'a>(word: &'a str, known: &rustc_hash::FxHashSet<&str>) -> Option<Vec<&'a str>> {
    if word.len() > MAX_GLUED_LEN {
        return None;
    }
    let cuts: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .collect();
    // best[k] = (pieces, previous cut) for the prefix ending at cuts[k].
    let mut best: Vec<Option<(usize, usize)>> = vec![None; cuts.len()];
    best[0] = Some((0, 0));
    for k in 1..cuts.len() {
        for j in 0..k {
            let Some((n, _)) = best[j] else { continue };
            if known.contains(&word[cuts[j]..cuts[k]]) && best[k].is_none_or(|(m, _)| n + 1 < m) {
                best[k] = Some((n + 1, j));
            }
        }
    }
    let (n, _) = best[cuts.len() - 1]?;
    if n < 2 {
        return None;
    }
    let mut parts = Vec::with_capacity(n);
    let mut k = cuts.len() - 1;
    while k > 0 {
        let (_, j) = best[k]?;
        parts.push(&word[cuts[j]..cuts[k]]);
        k = j;
    }
    parts.reverse();
    Some(parts)
}

// ---------------------------------------------------------------------------------------------
// Post-processing
// ---------------------------------------------------------------------------------------------

/// General clean-up of the crate's blocks: what a news page puts before the headline and
/// around the body (headline repeat, standfirst, byline, reading time; share buttons, "Read
/// more" teasers; trailing tags, subscribe and follow lines).
fn clean_blocks(mut blocks: Vec<Block>, title: Option<&str>, author: Option<&str>) -> Vec<Block> {
    drop_headline(&mut blocks, title);
    // A standfirst: a sentence-long heading right under the headline.
    if let (Some(first), Some(second)) = (blocks.first(), blocks.get(1)) {
        if first.is_heading() && !second.is_heading() && word_count(&first.text) >= 6 {
            blocks.remove(0);
        }
    }
    let mut i = 0;
    while i < blocks.len().min(3) {
        if is_lead_meta(&blocks[i].text) {
            blocks.remove(i);
        } else {
            i += 1;
        }
    }
    blocks = drop_inline_boilerplate(blocks);
    // An article does not end with a heading or with the page's furniture.
    while let Some(last) = blocks.last() {
        if last.is_heading() || is_tail_boilerplate(&last.text, author) {
            blocks.pop();
        } else {
            break;
        }
    }
    blocks
}

/// Drops the headline (a block among the first few that is an `<h1>` or repeats the title)
/// and whatever precedes it (kicker, section name, lead image caption).
fn drop_headline(blocks: &mut Vec<Block>, title: Option<&str>) {
    let found = blocks.iter().take(4).position(|b| {
        b.tag == "h1"
            || title.is_some_and(|t| {
                // A sentence that merely shares the title's words is the lede, not the title.
                words(&b.text) == words(t)
                    || ((b.is_heading() || !ends_sentence(&b.text)) && similar_to_title(&b.text, t))
            })
    });
    if let Some(i) = found {
        blocks.drain(..=i);
    }
}

/// Adds to the precise extraction the paragraphs the recall-oriented one found around it:
/// the lede just before its first block (often styled apart and missed) and, between two of
/// its blocks, full sentences it skipped. Only prose is taken over (a paragraph of some
/// length ending like a sentence), never headline-like lines or link lists.
fn merge_recall(precise: Vec<Block>, recall: Vec<Block>) -> Vec<Block> {
    if precise.is_empty() {
        return precise;
    }
    let key = |b: &Block| words(&b.text).join(" ");
    let rkeys: Vec<String> = recall.iter().map(key).collect();
    // Greedy monotone alignment of precise blocks onto recall blocks.
    let mut pos: Vec<Option<usize>> = Vec::with_capacity(precise.len());
    let mut j = 0;
    for b in &precise {
        let k = key(b);
        let found = (j..rkeys.len()).find(|&i| rkeys[i] == k);
        if let Some(i) = found {
            j = i + 1;
        }
        pos.push(found);
    }
    let mut out = Vec::with_capacity(precise.len());
    let mut last: Option<usize> = None;
    for (b, p) in precise.into_iter().zip(pos) {
        if let Some(i) = p {
            match last {
                None => {
                    // The contiguous run of prose right before the first aligned block.
                    let mut s = i;
                    while s > 0 && (is_prose(&recall[s - 1]) || is_label(&recall[s - 1].text)) {
                        s -= 1;
                    }
                    out.extend(recall[s..i].iter().filter(|r| is_prose(r)).cloned());
                }
                Some(l) => {
                    out.extend(recall[l + 1..i].iter().filter(|r| is_prose(r)).cloned());
                }
            }
            last = Some(i);
        }
        out.push(b);
    }
    out
}

/// A paragraph of prose: some length, ending like a sentence, not a boilerplate line.
fn is_prose(b: &Block) -> bool {
    !b.is_heading()
        && word_count(&b.text) >= 10
        && ends_sentence(&b.text)
        && !is_tail_boilerplate(&b.text, None)
}

/// Enough text to call it an article body: a sentence-sized block, or a few short ones.
/// A list of navigation links ("Home", "News", "Sport") is not.
fn usable(blocks: &[Block]) -> bool {
    let total: usize = blocks.iter().map(|b| word_count(&b.text)).sum();
    total >= 10 || blocks.iter().any(|b| word_count(&b.text) >= 5)
}

/// `s` starts with the word(s) `w` (followed by a non-alphanumeric character or the end).
fn starts_with_word(s: &str, w: &str) -> bool {
    s.strip_prefix(w)
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn word_count(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// The block says what the title says: the same words, or nearly all of its words are in
/// the title and they cover a good part of it (titles often carry the site name).
fn similar_to_title(block: &str, title: &str) -> bool {
    let (b, t) = (words(block), words(title));
    if b.is_empty() || t.is_empty() {
        return false;
    }
    if b == t {
        return true;
    }
    if b.len() < 3 || b.len() > t.len() * 2 {
        return false;
    }
    let mut pool: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for w in &t {
        *pool.entry(w.as_str()).or_default() += 1;
    }
    let mut common = 0usize;
    for w in &b {
        if let Some(n) = pool.get_mut(w.as_str()) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
    }
    common * 10 >= b.len() * 7 && common * 2 >= t.len()
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', ';', ')', '…'])
}

/// A byline ("By Jane Doe", the author's name alone) or a reading-time line near the top.
fn is_lead_meta(text: &str) -> bool {
    let lower = text.to_lowercase();
    let n = word_count(text);
    // "05/10/2018 - Posted by: Jane Doe - Category: Health"
    if n <= 30
        && [
            "posted by",
            "published by",
            "written by",
            "publicado por",
            "veröffentlicht von",
            "publié par",
            "category:",
            "categoria:",
            "categoría:",
            "kategorie:",
            "catégorie:",
        ]
        .iter()
        .any(|p| lower.contains(p))
    {
        return true;
    }
    // A subscription pitch above the article.
    if n <= 40
        && [
            "sign up for",
            "subscribe to",
            "newsletter",
            "delivered to your inbox",
        ]
        .iter()
        .any(|p| lower.contains(p))
    {
        return true;
    }
    if n <= 12 && !text.trim_end().ends_with('.') {
        for p in ["by ", "por ", "von ", "par ", "di ", "door "] {
            if lower.starts_with(p) {
                return true;
            }
        }
    }
    n <= 8
        && [
            "min read",
            "minute read",
            "minutes read",
            "reading time",
            "read time",
            "tempo de leitura",
            "tiempo de lectura",
            "temps de lecture",
            "lesezeit",
            "tempo di lettura",
        ]
        .iter()
        .any(|p| lower.contains(p))
}

/// Whole-block labels that introduce teasers or sit between paragraphs.
const LABELS: &[&str] = &[
    "advertisement",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "read more",
    "read also",
    "see also",
    "more",
    "more stories",
    "more on this",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "explore further",
    "citation",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tweet",
    "most popular",
    "most read",
    "trending",
    "don t miss",
    "continue reading",
    "click to tweet",
];

/// Prefixes of one-line teasers ("Read more: …", "Related: …", "Also on …").
const TEASER_PREFIXES: &[&str] = &[
    "read more:",
    "read more -",
    "read more –",
    "read more about",
    "read also:",
    "also read:",
    "see also:",
    "related:",
    "related post:",
    "related article:",
    "related story:",
    "related content:",
    "related coverage:",
    "also on ",
    "watch:",
    "watch more:",
    "more:",
    "recommended:",
    "don't miss:",
    "don’t miss:",
    "leia também:",
    "leia mais:",
    "lesen sie auch:",
    "lire aussi:",
    "lee también:",
];

/// Names on share buttons.
const SHARE_WORDS: &[&str] = &[
    "share",
    "facebook",
    "twitter",
    "tweet",
    "whatsapp",
    "pinterest",
    "pin",
    "pint",
    "linkedin",
    "reddit",
    "email",
    "e",
    "mail",
    "print",
    "telegram",
    "messenger",
    "sms",
    "copy",
    "link",
    "flipboard",
    "tumblr",
    "baixar",
    "download",
    "compartilhar",
    "teilen",
    "partager",
    "compartir",
];

fn is_label(text: &str) -> bool {
    let w = words(text).join(" ");
    !w.is_empty() && LABELS.contains(&w.as_str())
}

fn is_teaser(text: &str) -> bool {
    let lower = text.to_lowercase();
    word_count(text) <= 30 && TEASER_PREFIXES.iter().any(|p| lower.starts_with(p))
}

fn is_share_buttons(text: &str) -> bool {
    let w = words(text);
    !w.is_empty() && w.len() <= 8 && w.iter().all(|x| SHARE_WORDS.contains(&x.as_str()))
}

/// A short line that reads as a headline: few words, no closing punctuation.
fn is_headline_like(text: &str) -> bool {
    let n = word_count(text);
    n > 0 && n <= 15 && !ends_sentence(text)
}

fn drop_inline_boilerplate(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut after_label = false;
    for mut b in blocks {
        if is_label(&b.text) {
            after_label = true;
            continue;
        }
        if after_label && is_headline_like(&b.text) {
            continue;
        }
        after_label = false;
        if is_teaser(&b.text) || is_share_buttons(&b.text) {
            continue;
        }
        // "…a quotable sentence.Click To Tweet": the button's label glued to the sentence.
        for suffix in ["click to tweet", "tweet this"] {
            let cut = b.text.len().saturating_sub(suffix.len());
            if cut > 0 && b.text.is_char_boundary(cut) && b.text[cut..].eq_ignore_ascii_case(suffix)
            {
                b.text = b.text[..cut].trim_end().to_owned();
            }
        }
        out.push(b);
    }
    out
}

/// Lines that end a page rather than an article: tags, subscribe / follow / share calls,
/// contributor notes, contact lines, author bios.
fn is_tail_boilerplate(text: &str, author: Option<&str>) -> bool {
    let lower = text.to_lowercase();
    let n = word_count(text);
    if is_label(text) || is_teaser(text) || is_share_buttons(text) {
        return true;
    }
    // Tag and category lists, however long.
    if [
        "tags",
        "tagged",
        "filed under",
        "posted in",
        "categories",
        "category",
        "topics",
    ]
    .iter()
    .any(|p| starts_with_word(&lower, p))
    {
        return true;
    }
    // A block of links: several URLs and little else ("Listen: http://… Download: http://…").
    {
        let urls = text
            .split_whitespace()
            .filter(|w| w.contains("://"))
            .count();
        if urls >= 2 && n <= urls * 6 {
            return true;
        }
    }
    if n <= 60 {
        const STARTS: &[&str] = &[
            "tags",
            "tagged",
            "filed under",
            "posted in",
            "categories:",
            "category:",
            "topics:",
            "follow ",
            "like this story",
            "share this",
            "sign up",
            "subscribe",
            "get the latest",
            "if you enjoyed this",
            "if you liked this",
            "originally published",
            "this article was originally",
            "this story was originally",
            "reach the reporter",
            "contact the reporter",
            "contact the author",
            "email the author",
            "click here",
            "you may also like",
            "more from",
            "also on ",
        ];
        if STARTS.iter().any(|p| lower.starts_with(p)) {
            return true;
        }
        const CONTAINS: &[&str] = &[
            "newsletter",
            "contributed to this report",
            "contributed reporting",
            "contributed to this story",
            "contributed to this article",
            "delivered to your inbox",
            "in your inbox",
            "subscribe to",
            "sign up for",
            "follow us on",
            "follow him on",
            "follow her on",
            "follow them on",
            "on twitter at",
            "click here",
        ];
        if CONTAINS.iter().any(|p| lower.contains(p)) {
            return true;
        }
    }
    // A lone e-mail address or social profile link.
    if n <= 6 && !lower.contains(' ') {
        if lower.contains('@') && lower.contains('.') {
            return true;
        }
        for site in [
            "twitter.com/",
            "facebook.com/",
            "instagram.com/",
            "linkedin.com/",
        ] {
            if lower.contains(site) {
                return true;
            }
        }
    }
    // An author bio: "Jane Doe is a reporter …".
    if let Some(a) = author {
        let a = a.to_lowercase();
        if n <= 60 && !a.is_empty() && lower.starts_with(&a) {
            let rest = lower[a.len()..].trim_start();
            if rest.starts_with("is ") || rest.starts_with("was ") || rest.starts_with("writes ") {
                return true;
            }
        }
    }
    // A keyword list: several short comma-separated items, no sentence.
    let items: Vec<&str> = text.split(',').collect();
    items.len() >= 4
        && !ends_sentence(text)
        && n <= items.len() * 4
        && items.iter().all(|i| word_count(i) <= 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    const P1: &str = "The city council voted on Tuesday to approve the new budget after a long debate that lasted well into the night, officials said.";
    const P2: &str = "Mayor Jane Smith said the plan would fund schools, repair roads and hire more firefighters over the next three years.";
    const P3: &str = "Opponents argued that the tax increase would hurt small businesses, and several of them promised to challenge it in court.";

    fn page(head: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
    }

    fn article_page() -> String {
        page(
            r#"<title>Council approves budget | Daily Bugle</title>
            <meta property="og:title" content="Council approves budget">
            <meta name="author" content="John Reporter">
            <meta property="article:published_time" content="2024-03-05T10:00:00Z">"#,
            &format!(
                r#"<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
                <article>
                  <h1>Council approves budget</h1>
                  <p>{P1}</p>
                  <p>{P2}</p>
                  <p>{P3}</p>
                </article>
                <div id="comments" class="comments"><h3>Leave a comment</h3>
                  <form><textarea name="comment">Your comment</textarea><input type="submit" value="Post comment"></form></div>
                <footer><p>Copyright 2024 Daily Bugle. All rights reserved. Privacy policy. Terms of use.</p></footer>"#
            ),
        )
    }

    #[test]
    fn keeps_paragraphs_separated_by_blank_lines() {
        let a = extract(&article_page()).unwrap();
        assert_eq!(a.body, format!("{P1}\n\n{P2}\n\n{P3}"));
    }

    #[test]
    fn drops_nav_footer_and_comment_form() {
        let a = extract(&article_page()).unwrap();
        for junk in ["Home", "Sport", "Copyright", "comment", "Privacy"] {
            assert!(!a.body.contains(junk), "{junk:?} in body: {}", a.body);
        }
    }

    #[test]
    fn keeps_title_and_drops_its_repeat() {
        let a = extract(&article_page()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Council approves budget"));
        assert!(a.body.starts_with("The city council"), "{}", a.body);
    }

    #[test]
    fn title_repeat_in_a_paragraph_is_dropped() {
        let html = page(
            "<title>Council approves budget</title>",
            &format!("<article><p>Council approves budget</p><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"),
        );
        let a = extract(&html).unwrap();
        assert!(a.body.starts_with("The city council"), "{}", a.body);
    }

    #[test]
    fn site_name_is_stripped_from_the_title() {
        assert_eq!(
            strip_site_name("Budget passes - Daily Bugle", "Daily Bugle"),
            "Budget passes"
        );
        assert_eq!(
            strip_site_name("Daily Bugle | Budget passes", "daily bugle"),
            "Budget passes"
        );
        assert_eq!(
            strip_site_name("Budget passes - again", "Daily Bugle"),
            "Budget passes - again"
        );
        assert_eq!(strip_site_name("Budget passes", ""), "Budget passes");
    }

    #[test]
    fn byline_and_date_from_meta_tags() {
        let a = extract(&article_page()).unwrap();
        assert_eq!(a.byline.as_deref(), Some("John Reporter"));
        assert_eq!(a.published_at.as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn trailing_share_and_tag_lines_dropped() {
        let html = page(
            "<title>Council approves budget</title>",
            &format!(
                "<article><p>{P1}</p><p>{P2}</p><p>{P3}</p>\
                 <p>Read more: Council members clash over parking fees</p>\
                 <p>Follow us on Twitter and Facebook for the latest news.</p>\
                 <p>Tags: budget, council, taxes, schools</p></article>"
            ),
        );
        let a = extract(&html).unwrap();
        assert_eq!(a.body, format!("{P1}\n\n{P2}\n\n{P3}"));
    }

    #[test]
    fn empty_and_navigation_only_pages_have_no_body() {
        assert_eq!(extract(""), Err(HtmlError::NoBody));
        assert_eq!(extract("   \n "), Err(HtmlError::NoBody));
        assert_eq!(
            extract("<html><body></body></html>"),
            Err(HtmlError::NoBody)
        );
        let nav = page(
            "<title>Home</title>",
            r#"<nav><ul><li><a href="/a">News</a></li><li><a href="/b">Sport</a></li></ul></nav>"#,
        );
        assert_eq!(extract(&nav), Err(HtmlError::NoBody));
    }

    #[test]
    fn glued_words_are_split_back() {
        let mut blocks = vec![Block {
            text: "staying ahead ofAdarius Taylor on the chart".into(),
            tag: "p".into(),
        }];
        split_glued_words(&mut blocks, "staying ahead of Adarius Taylor on the chart");
        assert_eq!(
            blocks[0].text,
            "staying ahead of Adarius Taylor on the chart"
        );
        // Words split across inline elements on the page stay whole.
        let doc = Document::parse("<p>A <b>Fo</b>o bar</p><p>next</p>");
        let text = page_text(&doc);
        assert!(text.split_whitespace().any(|w| w == "Foo"), "{text}");
        assert!(text.split_whitespace().any(|w| w == "bar"), "{text}");
    }

    fn nested(depth: usize) -> String {
        let mut s = String::from("<html><body>");
        for _ in 0..depth {
            s.push_str("<div>");
        }
        s.push_str(&format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>"));
        for _ in 0..depth {
            s.push_str("</div>");
        }
        s.push_str("</body></html>");
        s
    }

    #[test]
    fn deep_nesting_does_not_crash() {
        // Run on a thread with a modest stack, as a server worker would have.
        for depth in [300, 10_000] {
            let html = nested(depth);
            let result = std::thread::Builder::new()
                .stack_size(2 * 1024 * 1024)
                .spawn(move || extract_unguarded(&html))
                .unwrap()
                .join()
                .expect("extract panicked or overflowed");
            let a = result.expect("the paragraphs are found");
            assert!(a.body.contains("city council"), "{}", a.body);
        }
        let spans: String = "<span>".repeat(10_000) + "text";
        let _ = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || extract_unguarded(&spans))
            .unwrap()
            .join()
            .expect("extract panicked or overflowed");
    }

    #[test]
    fn lexical_limit_leaves_real_pages_alone() {
        let html = article_page();
        assert!(matches!(
            limit_nesting(&html, LEXICAL_MAX_DEPTH),
            std::borrow::Cow::Borrowed(_)
        ));
        // Unclosed paragraphs and list items do not pile up.
        let sloppy = "<ul><li>a<li>b<li>c</ul><p>one<p>two<p>three".repeat(1_000);
        assert!(matches!(
            limit_nesting(&sloppy, 8),
            std::borrow::Cow::Borrowed(_)
        ));
        // Tags inside comments, scripts and attribute values are not tags.
        let tricky = r#"<!-- <div><div><div> --><script>"<div><div><div>"</script><p title="<div><div>">x</p>"#;
        assert!(matches!(
            limit_nesting(tricky, 2),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn lexical_limit_drops_deep_tags_and_keeps_text() {
        let html = format!("{}deep text{}", "<div>".repeat(50), "</div>".repeat(50));
        let out = limit_nesting(&html, 10);
        assert_eq!(out.matches("<div>").count(), 10);
        assert_eq!(out.matches("</div>").count(), 10);
        assert!(out.contains("deep text"));
        // End tags the parser ignores do not fool the model.
        let html = "<span><div></span>".repeat(100);
        let out = limit_nesting(&html, 10);
        assert!(out.matches("<div>").count() + out.matches("<span>").count() <= 10);
    }

    #[test]
    fn flattened_page_is_bounded_in_depth() {
        let doc = parse_guarded(&nested(5_000));
        let mut stack = vec![(doc.root(), 0usize)];
        let mut max = 0;
        while let Some((id, d)) = stack.pop() {
            max = max.max(d);
            stack.extend(doc.child_nodes(id).into_iter().map(|c| (c, d + 1)));
        }
        assert!(max <= MAX_DEPTH + 2, "depth {max}");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let huge_attr = format!("<div title=\"{}\"><p>{P1}</p></div>", "x".repeat(1_000_000));
        let inputs = [
            "plain text, no markup at all".to_string(),
            "<<<>>>&&&;;;</p></div></html>".to_string(),
            "&#xFFFFFFFF; &#0; &bogus; &amp &#x110000; &#55296;".to_string(),
            huge_attr,
            "\u{0}\u{1}<p>\u{feff}</p>".to_string(),
            "<table><tr><td><table><tr><td>".repeat(2_000),
        ];
        for i in inputs {
            let _ = extract_unguarded(&i);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn arbitrary_strings_never_panic(s in "\\PC{0,400}") {
            let _ = extract_unguarded(&s);
        }

        #[test]
        fn lexical_limit_never_panics_and_keeps_text(s in "[<>/a-z\"'= !-]{0,300}") {
            let out = limit_nesting(&s, 3);
            // Only whole tags are removed.
            proptest::prop_assert!(out.len() <= s.len());
        }

        #[test]
        fn arbitrary_tag_soup_never_panics(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just("<p>".to_string()),
                    proptest::prelude::Just("</p>".to_string()),
                    proptest::prelude::Just("<div class=\"article\">".to_string()),
                    proptest::prelude::Just("</div>".to_string()),
                    proptest::prelude::Just("<h1>".to_string()),
                    proptest::prelude::Just("<a href='x'>".to_string()),
                    proptest::prelude::Just("&amp;&#x1F600;&nope;".to_string()),
                    "[a-zA-Z ,.]{0,80}",
                ],
                0..60,
            )
        ) {
            let _ = extract_unguarded(&parts.concat());
        }
    }
}
