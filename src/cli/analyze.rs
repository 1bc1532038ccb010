//! `verbatim analyze`: run the pipeline on files, print JSON, store nothing.

use crate::pipeline::html;
use crate::pipeline::normalize::CharIndex;
use crate::pipeline::{Analysis, ArticleInput, Pipeline};
use anyhow::{bail, Context};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::io::{BufRead, BufWriter, Read, Write};
use std::path::PathBuf;

pub fn run(
    file: Option<PathBuf>,
    jsonl: Option<PathBuf>,
    threads: Option<usize>,
) -> anyhow::Result<()> {
    let pipeline = Pipeline::load();
    if let Some(path) = jsonl {
        return run_jsonl(&pipeline, path, threads);
    }
    let Some(path) = file else {
        bail!("give a FILE, `-` for standard input, or --jsonl IN.jsonl");
    };
    let mut raw = String::new();
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut raw)?;
    } else {
        raw = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
    }
    let looks_html = raw.trim_start().starts_with('<');
    // (as `POST /articles` and `verbatim ingest` read the same file)
    let (body, title) = if looks_html {
        let page = html::extract(&raw).map_err(|e| anyhow::anyhow!("{e}"))?;
        (page.body, page.title)
    } else {
        let (title, body) = crate::ingest::split_plain_text(&raw);
        (body, title)
    };
    let analysis = pipeline.analyze(&ArticleInput {
        text: &body,
        title: title.as_deref(),
        ..Default::default()
    });
    let out = serde_json::to_string_pretty(&analysis_json(&analysis))?;
    println!("{out}");
    Ok(())
}

/// The analysis as the API shows it: spans as code-point offsets into the normalised text.
pub fn analysis_json(a: &Analysis) -> Value {
    let ix = CharIndex::new(&a.text);
    let span =
        |s: crate::pipeline::Span| json!({"start": ix.char_at(s.start), "end": ix.char_at(s.end)});
    json!({
        "title": a.title,
        "text": a.text,
        "entities": a.entities.iter().map(|m| json!({
            "span": span(m.span), "text": m.span.text(&a.text), "label": m.label, "actor": m.actor,
        })).collect::<Vec<_>>(),
        "quotes": a.quotes.iter().map(|q| json!({
            "span": span(q.span), "text": q.span.text(&a.text), "kind": q.kind,
            "cue": q.cue.map(|c| json!({"span": span(c), "text": c.text(&a.text)})),
            "speaker": q.speaker.as_ref().map(|s| json!({
                "name": s.name, "mention": span(s.mention), "mention_text": s.mention.text(&a.text),
                "actor": s.actor, "role": s.role, "affiliation": s.affiliation, "how": s.how,
                "confidence": s.confidence,
            })),
            "confidence": q.confidence,
        })).collect::<Vec<_>>(),
        "actors": a.actors.iter().map(|la| json!({
            "id": la.id, "canonical": la.canonical, "kind": la.kind, "aliases": la.aliases,
            "roles": la.roles, "affiliations": la.affiliations,
            "mentions": la.mentions.iter().map(|&m| span(m)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// One line in the format `../shared/eval/score.py` reads: code-point offsets into the input.
pub fn scorer_line(id: &Value, a: &Analysis, extracted_body: Option<&str>) -> Value {
    let m = &a.offsets;
    let mut line = json!({
        "id": id,
        "quotes": a.quotes.iter().map(|q| json!({
            "start": m.input_char(q.span.start), "end": m.input_end(q.span.end),
            "speaker": q.speaker.as_ref().map(|s| s.name.as_str()), "kind": q.kind,
            // not read by the scorer; there for error analysis
            "cue": q.cue.map(|c| c.text(&a.text)), "confidence": q.confidence,
            "how": q.speaker.as_ref().map(|s| s.how),
        })).collect::<Vec<_>>(),
        "entities": a.entities.iter().map(|e| json!({
            "start": m.input_char(e.span.start), "end": m.input_end(e.span.end), "label": e.label,
        })).collect::<Vec<_>>(),
    });
    if let Some(body) = extracted_body {
        line["text"] = Value::String(body.to_owned());
    }
    line
}

fn analyze_line(pipeline: &Pipeline, line: &str) -> Value {
    let doc: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return json!({"id": null, "error": format!("not JSON: {e}")}),
    };
    let id = doc.get("id").cloned().unwrap_or(Value::Null);
    let title = doc.get("title").and_then(Value::as_str);
    if let Some(text) = doc.get("text").and_then(Value::as_str) {
        let a = pipeline.analyze(&ArticleInput {
            text,
            title,
            ..Default::default()
        });
        return scorer_line(&id, &a, None);
    }
    if let Some(page) = doc.get("html").and_then(Value::as_str) {
        return match html::extract(page) {
            Ok(extracted) => {
                let a = pipeline.analyze(&ArticleInput {
                    text: &extracted.body,
                    title: extracted.title.as_deref(),
                    ..Default::default()
                });
                scorer_line(&id, &a, Some(&extracted.body))
            }
            Err(e) => json!({"id": id, "error": e.to_string(), "text": ""}),
        };
    }
    json!({"id": id, "error": "line has neither \"text\" nor \"html\""})
}

fn run_jsonl(pipeline: &Pipeline, path: PathBuf, threads: Option<usize>) -> anyhow::Result<()> {
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(&path).with_context(|| format!("opening {}", path.display()))?,
        ))
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    // Read in chunks so memory stays bounded on large inputs while lines run in parallel.
    let mut lines = reader.lines();
    loop {
        let chunk: Vec<String> = lines.by_ref().take(256).collect::<Result<_, _>>()?;
        if chunk.is_empty() {
            break;
        }
        let results: Vec<Value> = pool.install(|| {
            chunk
                .par_iter()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    // A bug on one article must not lose the rest of the batch: that
                    // line gets an error (the panic message is on stderr).
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        analyze_line(pipeline, l)
                    }))
                    .unwrap_or_else(|_| {
                        let id = serde_json::from_str::<Value>(l)
                            .ok()
                            .and_then(|d| d.get("id").cloned())
                            .unwrap_or(Value::Null);
                        json!({"id": id, "error": "internal error: the analysis of this article failed"})
                    })
                })
                .collect()
        });
        for r in results {
            serde_json::to_writer(&mut out, &r)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span printed, actors' mentions included, counts code points, so curly quote
    /// marks (three bytes each) before a name do not shift it.
    #[test]
    fn every_span_in_the_analysis_counts_code_points() {
        let pipeline = Pipeline::load();
        let text = "“We will not stand by,” Valdis Dombrovskis, the EU trade commissioner, told reporters.\n\nDombrovskis said the bloc would act.";
        let a = pipeline.analyze(&ArticleInput {
            text,
            ..Default::default()
        });
        let v = analysis_json(&a);
        let chars: Vec<char> = v["text"].as_str().unwrap().chars().collect();
        let at = |s: &Value| -> String {
            let (b, e) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            chars[b as usize..e as usize].iter().collect()
        };
        let person = v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["canonical"] == "Valdis Dombrovskis")
            .expect("an actor for Dombrovskis");
        let mentions = person["mentions"].as_array().unwrap();
        assert!(!mentions.is_empty());
        for m in mentions {
            assert!(at(m).contains("Dombrovskis"), "{m} is {:?}", at(m));
        }
        for e in v["entities"].as_array().unwrap() {
            assert_eq!(at(&e["span"]), e["text"].as_str().unwrap());
        }
        for q in v["quotes"].as_array().unwrap() {
            assert_eq!(at(&q["span"]), q["text"].as_str().unwrap());
            let sp = &q["speaker"];
            assert_eq!(at(&sp["mention"]), sp["mention_text"].as_str().unwrap());
        }
    }
}
