//! `verbatim loadtest`: a small HTTP/1.1 keep-alive load generator for loopback, bounded
//! by request count and time. Prints throughput and latency percentiles.
//!
//! Modes: `ingest` (POST ~3 KB synthetic articles), `speaker` (`GET /quotes?speaker=`),
//! `actors` (`GET /actors?name=`), `fts` (`GET /quotes?q=`). Query modes use the names
//! `seed-demo` creates.

use super::seed_demo::{actor_name, article, Rng};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    Ingest,
    Speaker,
    Actors,
    Fts,
}

const WORDS: [&str; 8] = [
    "sanctions",
    "budget",
    "ceasefire",
    "election",
    "treaty",
    "summit",
    "tariffs",
    "housing",
];

pub struct Args {
    pub addr: SocketAddr,
    pub mode: Mode,
    pub clients: usize,
    pub requests: usize,
    pub max_secs: u64,
    pub actors: usize,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    anyhow::ensure!(
        args.addr.ip().is_loopback(),
        "loadtest only targets loopback addresses"
    );
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(load(args))
}

struct Outcome {
    latencies: Vec<Duration>,
    errors: usize,
}

async fn load(args: Args) -> anyhow::Result<()> {
    let issued = Arc::new(AtomicUsize::new(0));
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let deadline = Instant::now() + Duration::from_secs(args.max_secs.max(1));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..args.clients.max(1) {
        let issued = issued.clone();
        let (addr, mode, requests, actors) = (args.addr, args.mode, args.requests, args.actors);
        tasks.push(tokio::spawn(async move {
            let mut rng = Rng::new(nonce ^ (c as u64 + 1).wrapping_mul(0x9E37));
            let mut out = Outcome {
                latencies: Vec::new(),
                errors: 0,
            };
            let mut conn: Option<BufReader<TcpStream>> = None;
            loop {
                let n = issued.fetch_add(1, Ordering::Relaxed);
                if n >= requests || Instant::now() >= deadline {
                    break;
                }
                let request = make_request(mode, n, nonce, actors, &mut rng);
                let t = Instant::now();
                let result = async {
                    if conn.is_none() {
                        conn = Some(BufReader::new(TcpStream::connect(addr).await?));
                    }
                    let stream = conn.as_mut().expect("connected");
                    stream.get_mut().write_all(&request).await?;
                    read_response(stream).await
                }
                .await;
                match result {
                    Ok(status) if (200..300).contains(&status) => out.latencies.push(t.elapsed()),
                    Ok(_) => out.errors += 1,
                    Err(_) => {
                        out.errors += 1;
                        conn = None;
                    }
                }
            }
            out
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for t in tasks {
        let o = t.await?;
        latencies.extend(o.latencies);
        errors += o.errors;
    }
    let secs = started.elapsed().as_secs_f64();
    latencies.sort();
    let pct = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[i].as_secs_f64() * 1000.0
    };
    println!(
        "mode={:?} clients={} ok={} errors={} secs={:.2} rate={:.0}/s p50={:.2}ms p95={:.2}ms p99={:.2}ms",
        args.mode,
        args.clients,
        latencies.len(),
        errors,
        secs,
        latencies.len() as f64 / secs,
        pct(0.50),
        pct(0.95),
        pct(0.99)
    );
    Ok(())
}

fn make_request(mode: Mode, n: usize, nonce: u64, actors: usize, rng: &mut Rng) -> Vec<u8> {
    let get = |path: String| format!("GET {path} HTTP/1.1\r\nHost: loadtest\r\n\r\n").into_bytes();
    let enc = |s: &str| s.replace(' ', "%20");
    let actors = actors.max(1);
    match mode {
        Mode::Ingest => {
            let a = article(n, 16, actors, rng);
            let body = serde_json::json!({
                "text": format!("Run {nonce}, article {n}.\n\n{}", a.text),
                "source": "loadtest",
            })
            .to_string();
            let mut req = format!(
                "POST /articles HTTP/1.1\r\nHost: loadtest\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )
            .into_bytes();
            req.extend_from_slice(body.as_bytes());
            req
        }
        Mode::Speaker => {
            let name = actor_name(rng.below(actors));
            let key = if rng.below(2) == 0 {
                name.rsplit(' ').next().unwrap_or(&name).to_owned()
            } else {
                name
            };
            get(format!("/quotes?speaker={}&limit=20", enc(&key)))
        }
        Mode::Actors => {
            let name = actor_name(rng.below(actors));
            let surname = name.rsplit(' ').next().unwrap_or(&name).to_owned();
            get(format!("/actors?name={}&limit=20", enc(&surname)))
        }
        Mode::Fts => {
            let w = WORDS[rng.below(WORDS.len())];
            get(format!("/quotes?q={w}&limit=20"))
        }
    }
}

/// Reads one response (status line, headers, body by length or chunks); returns the status.
async fn read_response(stream: &mut BufReader<TcpStream>) -> std::io::Result<u16> {
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_owned());
    let mut line = String::new();
    if stream.read_line(&mut line).await? == 0 {
        return Err(bad("connection closed"));
    }
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("no status"))?;
    let mut length = 0usize;
    let mut chunked = false;
    loop {
        line.clear();
        stream.read_line(&mut line).await?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        let lower = l.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse().map_err(|_| bad("bad length"))?;
        } else if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    if chunked {
        loop {
            line.clear();
            stream.read_line(&mut line).await?;
            let size = usize::from_str_radix(line.trim(), 16).map_err(|_| bad("bad chunk"))?;
            let mut skip = vec![0u8; size + 2];
            stream.read_exact(&mut skip).await?;
            if size == 0 {
                break;
            }
        }
    } else {
        let mut body = vec![0u8; length];
        stream.read_exact(&mut body).await?;
    }
    Ok(status)
}
