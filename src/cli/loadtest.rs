//! `verbatim loadtest`: a bounded load generator for a running service on loopback.
//!
//! `--concurrency` clients, each on its own keep-alive HTTP/1 connection (hyper), send
//! requests back to back until `--requests` have been sent or `--duration` seconds have
//! passed, whichever comes first. Only loopback addresses are accepted.
//!
//! Modes:
//! - `ingest`: `POST /articles` with ~3 KB synthetic news articles (JSON), every one
//!   distinct (names, wording and URL vary), so each is analysed and stored; counts 201s.
//! - `query`: `GET /quotes?speaker=NAME`, `GET /actors?name=NAME` and `GET /quotes?q=WORD`
//!   in turn, with names and words that exist in a `verbatim seed-demo` database.
//!
//! Prints throughput, latency p50/p95/p99/max per request kind and the error count, then a
//! `SUMMARY` line per kind for `scripts/bench.sh`.

use super::seed_demo::{self, Rng};
use anyhow::{bail, Context};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Most requests one run may send, and longest it may last.
pub const MAX_REQUESTS: usize = 2_000_000;
pub const MAX_DURATION_SECS: u64 = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    Ingest,
    Query,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QueryKind {
    /// `GET /quotes?speaker=NAME`
    Speaker,
    /// `GET /actors?name=NAME`
    Actors,
    /// `GET /quotes?q=WORD`
    Q,
}

#[derive(Debug, Clone, clap::Args)]
pub struct LoadtestArgs {
    /// Address of the running service (loopback only).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    #[arg(long, value_enum, default_value_t = Mode::Query)]
    pub mode: Mode,
    /// Concurrent clients, one connection each.
    #[arg(long, default_value_t = 32)]
    pub concurrency: usize,
    /// Requests to send in all (at most 2,000,000).
    #[arg(long, default_value_t = 10_000)]
    pub requests: usize,
    /// Stop after this many seconds even if requests remain (at most 600).
    #[arg(long, default_value_t = 60)]
    pub duration: u64,
    /// Actors in the seeded database (`seed-demo --actors`), to draw names from.
    #[arg(long, default_value_t = 50_000)]
    pub actors: usize,
    /// Seed of the request generator.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Query mode: only these request kinds (comma-separated: speaker, actors, q).
    #[arg(long, value_delimiter = ',', default_value = "speaker,actors,q")]
    pub only: Vec<QueryKind>,
    /// Bearer token, when the service requires one.
    #[arg(long, env = "VERBATIM_API_KEY")]
    pub api_key: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ingest,
    Speaker,
    ActorName,
    Words,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Ingest, Kind::Speaker, Kind::ActorName, Kind::Words];
    fn label(self) -> &'static str {
        match self {
            Kind::Ingest => "POST /articles",
            Kind::Speaker => "GET /quotes?speaker=",
            Kind::ActorName => "GET /actors?name=",
            Kind::Words => "GET /quotes?q=",
        }
    }
    fn key(self) -> &'static str {
        match self {
            Kind::Ingest => "ingest",
            Kind::Speaker => "speaker",
            Kind::ActorName => "actors_name",
            Kind::Words => "q",
        }
    }
}

/// What one client saw.
#[derive(Default)]
struct Tally {
    /// (kind, latency in µs) of every answered request with the expected status.
    ok: Vec<(Kind, u32)>,
    /// Answered with another status.
    bad_status: Vec<(Kind, u16)>,
    /// Connection or protocol failures.
    io_errors: usize,
    first_error: Option<String>,
}

pub fn run(args: LoadtestArgs) -> anyhow::Result<()> {
    if !args.addr.ip().is_loopback() {
        bail!(
            "loadtest only targets loopback addresses (127.0.0.0/8, ::1), not {}",
            args.addr
        );
    }
    if args.concurrency == 0 || args.concurrency > 1024 {
        bail!("--concurrency must be from 1 to 1024");
    }
    if args.requests == 0 || args.requests > MAX_REQUESTS {
        bail!("--requests must be from 1 to {MAX_REQUESTS}");
    }
    if args.duration == 0 || args.duration > MAX_DURATION_SECS {
        bail!("--duration must be from 1 to {MAX_DURATION_SECS} seconds");
    }
    if args.only.is_empty() {
        bail!("--only needs at least one of speaker, actors, q");
    }
    if args.actors < 10 {
        bail!("--actors must be at least 10");
    }
    // One thread: the clients only wait on sockets (~0.02 ms of CPU a request), and on
    // two cores a second runtime thread competes with the server it measures.
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(load(args))
}

/// Request `n` of the run: method, path and query, body.
fn request_for(args: &LoadtestArgs, nonce: u64, n: usize) -> (Kind, Method, String, Bytes) {
    let mut rng = Rng::new(args.seed.wrapping_mul(0x1000_0001) ^ (n as u64) << 1);
    match args.mode {
        Mode::Ingest => {
            let (title, text) = seed_demo::ingest_article(&mut rng, n as u64, args.actors);
            let date = seed_demo::date_for(n as u64);
            let body = serde_json::json!({
                "title": title,
                "text": text,
                "url": format!("https://loadtest.example/{nonce}/{n}"),
                "source": "Loadtest Wire",
                "published_at": date,
            });
            (
                Kind::Ingest,
                Method::POST,
                "/articles".to_owned(),
                Bytes::from(body.to_string()),
            )
        }
        Mode::Query => {
            let i = seed_demo::speaker_index(&mut rng, args.actors);
            let (full, _) = seed_demo::actor_name(i);
            let name = if rng.below(2) == 0 {
                full.clone()
            } else {
                seed_demo::surname_of(&full).to_owned()
            };
            let (kind, path) = match args.only[n % args.only.len()] {
                QueryKind::Speaker => (Kind::Speaker, format!("/quotes?speaker={}", encode(&name))),
                QueryKind::Actors => (Kind::ActorName, format!("/actors?name={}", encode(&name))),
                QueryKind::Q => (
                    Kind::Words,
                    format!("/quotes?q={}", rng.pick(seed_demo::TOPIC_WORDS)),
                ),
            };
            (kind, Method::GET, path, Bytes::new())
        }
    }
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

type Sender = http1::SendRequest<Full<Bytes>>;

async fn connect(addr: SocketAddr) -> anyhow::Result<Sender> {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .with_context(|| format!("connecting to {addr}"))?;
    stream.set_nodelay(true)?;
    let (sender, conn) = http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(sender)
}

async fn client(
    args: Arc<LoadtestArgs>,
    next: Arc<AtomicUsize>,
    deadline: Instant,
    nonce: u64,
) -> Tally {
    let mut tally = Tally::default();
    let mut sender: Option<Sender> = None;
    let expected = match args.mode {
        Mode::Ingest => StatusCode::CREATED,
        Mode::Query => StatusCode::OK,
    };
    let host = args.addr.to_string();
    loop {
        if Instant::now() >= deadline {
            break;
        }
        let n = next.fetch_add(1, Ordering::Relaxed);
        if n >= args.requests {
            break;
        }
        let (kind, method, path, body) = request_for(&args, nonce, n);
        let s = match sender.as_mut() {
            Some(s) => s,
            None => match connect(args.addr).await {
                Ok(s) => sender.insert(s),
                Err(e) => {
                    tally.io_errors += 1;
                    tally.first_error.get_or_insert(e.to_string());
                    // Do not spin on a dead server.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(hyper::header::HOST, &host);
        if args.mode == Mode::Ingest {
            req = req.header(hyper::header::CONTENT_TYPE, "application/json");
        }
        if let Some(key) = &args.api_key {
            req = req.header(hyper::header::AUTHORIZATION, format!("Bearer {key}"));
        }
        let req = match req.body(Full::new(body)) {
            Ok(r) => r,
            Err(e) => {
                tally.io_errors += 1;
                tally.first_error.get_or_insert(e.to_string());
                continue;
            }
        };
        let started = Instant::now();
        let answer = async {
            s.ready().await?;
            let res = s.send_request(req).await?;
            let status = res.status();
            // Read the whole body: the request is done when its answer has arrived.
            let _ = res.into_body().collect().await?;
            Ok::<_, hyper::Error>(status)
        }
        .await;
        let micros = started.elapsed().as_micros().min(u128::from(u32::MAX)) as u32;
        match answer {
            Ok(status) if status == expected => tally.ok.push((kind, micros)),
            Ok(status) => {
                tally.bad_status.push((kind, status.as_u16()));
                tally
                    .first_error
                    .get_or_insert(format!("{} answered {status}", kind.label()));
            }
            Err(e) => {
                tally.io_errors += 1;
                tally.first_error.get_or_insert(e.to_string());
                sender = None;
            }
        }
    }
    tally
}

async fn load(args: LoadtestArgs) -> anyhow::Result<()> {
    // Fail fast, with a clear message, when nothing listens.
    connect(args.addr)
        .await
        .context("is `verbatim serve` running there?")?;
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let args = Arc::new(args);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(args.duration);
    let clients: Vec<_> = (0..args.concurrency)
        .map(|_| tokio::spawn(client(args.clone(), next.clone(), deadline, nonce)))
        .collect();
    let mut all = Tally::default();
    for c in clients {
        let t = c.await?;
        all.ok.extend(t.ok);
        all.bad_status.extend(t.bad_status);
        all.io_errors += t.io_errors;
        if all.first_error.is_none() {
            all.first_error = t.first_error;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    report(&args, &all, secs);
    Ok(())
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1] as f64 / 1000.0
}

fn report(args: &LoadtestArgs, t: &Tally, secs: f64) {
    let errors = t.bad_status.len() + t.io_errors;
    println!(
        "loadtest {:?} on {}: {} clients, {} answered as expected, {} errors, {:.2} s",
        args.mode,
        args.addr,
        args.concurrency,
        t.ok.len(),
        errors,
        secs
    );
    println!(
        "{:<24} {:>8} {:>10} {:>8} {:>8} {:>8} {:>8} {:>7}",
        "request", "ok", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"
    );
    for kind in Kind::ALL {
        let mut lat: Vec<u32> =
            t.ok.iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, l)| *l)
                .collect();
        let kind_errors = t.bad_status.iter().filter(|(k, _)| *k == kind).count();
        if lat.is_empty() && kind_errors == 0 {
            continue;
        }
        lat.sort_unstable();
        let rate = lat.len() as f64 / secs;
        let (p50, p95, p99) = (
            percentile(&lat, 50.0),
            percentile(&lat, 95.0),
            percentile(&lat, 99.0),
        );
        let max = lat.last().copied().unwrap_or(0) as f64 / 1000.0;
        println!(
            "{:<24} {:>8} {:>10.0} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>7}",
            kind.label(),
            lat.len(),
            rate,
            p50,
            p95,
            p99,
            max,
            kind_errors
        );
        println!(
            "SUMMARY loadtest kind={} ok={} per_s={rate:.0} p50_ms={p50:.2} p95_ms={p95:.2} \
             p99_ms={p99:.2} max_ms={max:.2} errors={kind_errors}",
            kind.key(),
            lat.len()
        );
    }
    if t.io_errors > 0 {
        println!("connection errors: {}", t.io_errors);
    }
    if let Some(e) = &t.first_error {
        println!("first error: {e}");
    }
    let mut statuses: Vec<u16> = t.bad_status.iter().map(|(_, s)| *s).collect();
    statuses.sort_unstable();
    statuses.dedup();
    if !statuses.is_empty() {
        println!("unexpected statuses: {statuses:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_rank() {
        let v: Vec<u32> = (1..=100).map(|x| x * 1000).collect();
        assert_eq!(percentile(&v, 50.0), 50.0);
        assert_eq!(percentile(&v, 99.0), 99.0);
        assert_eq!(percentile(&v, 100.0), 100.0);
        assert_eq!(percentile(&[], 99.0), 0.0);
    }

    #[test]
    fn names_are_url_encoded() {
        assert_eq!(encode("Anna Karsten"), "Anna+Karsten");
        assert_eq!(encode("El País"), "El+Pa%C3%ADs");
    }

    #[test]
    fn refuses_other_hosts() {
        let args = LoadtestArgs {
            addr: "10.0.0.1:8080".parse().unwrap(),
            mode: Mode::Query,
            concurrency: 1,
            requests: 1,
            duration: 1,
            actors: 100,
            seed: 1,
            only: vec![QueryKind::Q],
            api_key: None,
        };
        assert!(run(args).is_err());
    }
}
