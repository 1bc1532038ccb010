#!/usr/bin/env bash
# Every performance figure in one run, printed as one table (README "Performance").
#
#   scripts/bench.sh            # full run: ~1M quotes seeded (cached), ~10 minutes cold
#   BENCH_QUOTES=100000 BENCH_ACTORS=5000 scripts/bench.sh   # quicker, smaller database
#   BENCH_SKIP_PIPELINE=1 scripts/bench.sh   # reuse the last criterion run (server parts only)
#   BENCH_BIN=target/bench-fast/verbatim scripts/bench.sh   # that binary, no release build
#
# 1. criterion pipeline bench, one thread, on ../shared/eval/data/polnear.dev.jsonl
# 2. start-up of `verbatim serve` until /health answers (empty db and seeded db)
# 3. seed-demo (N quotes, M actors; cached in target/bench/) + query load test
# 4. ingest load test on a fresh database, with the server's peak RSS (VmHWM)
#
# Everything runs on 127.0.0.1, each step bounded in requests and time; servers started
# here are stopped here (by PID). Needs curl and python3 (start-up timing).
set -euo pipefail
cd "$(dirname "$0")/.."

QUOTES=${BENCH_QUOTES:-1000000}
ACTORS=${BENCH_ACTORS:-50000}
CONC=${BENCH_CONCURRENCY:-32}
QUERY_REQUESTS=${BENCH_QUERY_REQUESTS:-30000}
INGEST_REQUESTS=${BENCH_INGEST_REQUESTS:-20000}
MAX_SECS=${BENCH_MAX_SECS:-60}
PORT=${BENCH_PORT:-18471}
ADDR=127.0.0.1:$PORT
DIR=target/bench
BIN=${BENCH_BIN:-target/release/verbatim}   # BENCH_BIN=target/bench-fast/verbatim: no release build
mkdir -p "$DIR"
SERVER_PID=

stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}
trap stop_server EXIT

start_server() { # db
    "$BIN" serve --addr "$ADDR" --db "$1" >"$DIR/serve.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 300); do
        curl -fs "http://$ADDR/health" >/dev/null 2>&1 && return 0
        sleep 0.05
    done
    echo "the server did not come up; see $DIR/serve.log" >&2
    exit 1
}

# Milliseconds from exec to the first answered GET /health, median of 5.
startup_ms() { # db
    python3 - "$BIN" "$ADDR" "$1" <<'EOF'
import socket, subprocess, sys, time, statistics
binary, addr, db = sys.argv[1:4]
host, port = addr.rsplit(":", 1)
runs = []
for _ in range(5):
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "serve", "--addr", addr, "--db", db],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ms = None
    while time.perf_counter() - t0 < 10:
        try:
            with socket.create_connection((host, int(port)), timeout=0.5) as s:
                s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if s.recv(64).startswith(b"HTTP/1.1 200"):
                    ms = (time.perf_counter() - t0) * 1e3
                    break
        except OSError:
            time.sleep(0.001)
    p.terminate()
    p.wait(timeout=10)
    if ms is None:
        sys.exit("no answer within 10 s")
    runs.append(ms)
print(f"{statistics.median(runs):.0f}")
EOF
}

summary_field() { # file kind field
    grep "^SUMMARY loadtest kind=$2 " "$1" | tr ' ' '\n' | sed -n "s/^$3=//p" | head -1
}

if [[ -z "${BENCH_BIN:-}" ]]; then
    echo "== build (release)"
    cargo build --release --quiet
fi

echo "== 1. pipeline bench (criterion, one thread)"
if [[ "${BENCH_SKIP_PIPELINE:-0}" == 1 ]]; then
    if [[ -f "$DIR/pipeline.txt" ]]; then
        echo "(BENCH_SKIP_PIPELINE=1: reusing $DIR/pipeline.txt from an earlier run)"
    else
        echo "(BENCH_SKIP_PIPELINE=1 and no earlier run: the pipeline rows stay empty)"
        : >"$DIR/pipeline.txt"
    fi
else
    timeout 600 cargo bench --quiet --bench pipeline 2>&1 | tee "$DIR/pipeline.txt"
fi
thrpt() { # bench name -> median MB/s from criterion's thrpt line
    awk -v name="$1" '
        $0 ~ "^"name"( |$)" {found=1}
        found && /thrpt:/ {gsub(/\[|\]/, ""); print $4; exit}
    ' "$DIR/pipeline.txt"
}
PIPE_MB=$(grep '^SUMMARY pipeline' "$DIR/pipeline.txt" | tr ' ' '\n' | sed -n 's/^mb_per_s=//p' || true)
PIPE_ART=$(grep '^SUMMARY pipeline' "$DIR/pipeline.txt" | tr ' ' '\n' | sed -n 's/^articles_per_s=//p' || true)
CORPUS=$(grep '^SUMMARY pipeline' "$DIR/pipeline.txt" | tr ' ' '\n' | sed -n 's/^corpus=//p' || true)
CRIT_MB=$(thrpt "pipeline/analyze/$CORPUS")
S_NORM=$(thrpt stage/normalize)
S_SEG=$(thrpt stage/segment)
S_NER=$(thrpt stage/ner)
S_QAA=$(thrpt "stage/quotes\\+attribution\\+actors")

echo "== 3a. seed-demo ($QUOTES quotes, $ACTORS actors)"
SEEDED="$DIR/demo-$QUOTES-$ACTORS.db"
if [[ ! -f "$SEEDED.done" ]]; then
    rm -f "$SEEDED" "$SEEDED-wal" "$SEEDED-shm"
    t0=$(date +%s%N)
    timeout 900 "$BIN" seed-demo --db "$SEEDED" --quotes "$QUOTES" --actors "$ACTORS"
    echo $(( ($(date +%s%N) - t0) / 1000000000 )) >"$SEEDED.done"
fi
SEED_S=$(cat "$SEEDED.done")
SEED_MB=$(( $(stat -c %s "$SEEDED") / 1000000 ))

echo "== 2. start-up of verbatim serve"
FRESH="$DIR/startup.db"
rm -f "$FRESH" "$FRESH-wal" "$FRESH-shm"
START_FRESH=$(startup_ms "$FRESH")
START_SEEDED=$(startup_ms "$SEEDED")

echo "== 3b. query load test ($CONC clients, $QUERY_REQUESTS requests, at most ${MAX_SECS}s)"
start_server "$SEEDED"
"$BIN" loadtest --addr "$ADDR" --mode query --concurrency "$CONC" --actors "$ACTORS" \
    --requests 3000 --duration 20 >/dev/null   # warm the page cache and the pool
"$BIN" loadtest --addr "$ADDR" --mode query --concurrency "$CONC" --actors "$ACTORS" \
    --requests "$QUERY_REQUESTS" --duration "$MAX_SECS" | tee "$DIR/query.txt"
for kind in speaker actors q; do   # each kind alone: its own latency, not the mix's queue
    "$BIN" loadtest --addr "$ADDR" --mode query --concurrency "$CONC" --actors "$ACTORS" \
        --only "$kind" --requests "$QUERY_REQUESTS" --duration 20 | tee "$DIR/query-$kind.txt"
done
stop_server

echo "== 4. ingest load test ($CONC clients, $INGEST_REQUESTS articles, at most ${MAX_SECS}s)"
INGEST_DB="$DIR/ingest.db"
rm -f "$INGEST_DB" "$INGEST_DB-wal" "$INGEST_DB-shm"
start_server "$INGEST_DB"
"$BIN" loadtest --addr "$ADDR" --mode ingest --concurrency "$CONC" --actors "$ACTORS" \
    --requests "$INGEST_REQUESTS" --duration "$MAX_SECS" | tee "$DIR/ingest.txt"
RSS_MB=$(( $(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status") / 1024 ))
stop_server

Q=$DIR/query.txt
I=$DIR/ingest.txt
echo
echo "== Verbatim performance ($(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '| %-58s | %-24s | %-12s |\n' "measure" "Verbatim" "target"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "$(printf -- '-%.0s' {1..26})" "$(printf -- '-%.0s' {1..14})"
row() { printf '| %-58s | %-24s | %-12s |\n' "$1" "$2" "$3"; }
row "pipeline, 1 thread, $CORPUS (criterion median)" "$CRIT_MB MB/s" ">= 5 MB/s"
row "pipeline, 1 thread, median of 7 rounds" "$PIPE_MB MB/s, $PIPE_ART articles/s" ""
row "  stage: normalize" "$S_NORM MB/s" ""
row "  stage: segment" "$S_SEG MB/s" ""
row "  stage: NER" "$S_NER MB/s" ""
row "  stage: quotes + attribution + actors" "$S_QAA MB/s" ""
row "serve start-up to first /health (empty db, median of 5)" "$START_FRESH ms" "<= 300 ms"
row "serve start-up to first /health ($QUOTES-quote db)" "$START_SEEDED ms" "<= 300 ms"
row "seed-demo $QUOTES quotes / $ACTORS actors" "$SEED_S s, $SEED_MB MB" ""
row "ingest, ~3 KB articles, $CONC clients (201 after commit)" "$(summary_field "$I" ingest per_s) articles/s" ">= 2,000/s"
row "ingest latency p50 / p99" "$(summary_field "$I" ingest p50_ms) / $(summary_field "$I" ingest p99_ms) ms" ""
row "ingest errors" "$(summary_field "$I" ingest errors)" "0"
row "server peak RSS during ingest (VmHWM)" "$RSS_MB MB" "<= 150 MB"
row "mixed queries, $CONC clients, answered" "$(grep -o '[0-9]* answered' "$Q" | head -1 | cut -d' ' -f1) in $(grep -o '[0-9.]* s$' "$Q" | head -1)" ""
row "  mixed: GET /quotes?speaker= p50 / p99" "$(summary_field "$Q" speaker p50_ms) / $(summary_field "$Q" speaker p99_ms) ms" ""
row "  mixed: GET /actors?name= p50 / p99" "$(summary_field "$Q" actors_name p50_ms) / $(summary_field "$Q" actors_name p99_ms) ms" ""
row "  mixed: GET /quotes?q= p50 / p99" "$(summary_field "$Q" q p50_ms) / $(summary_field "$Q" q p99_ms) ms" ""
QS=$DIR/query-speaker.txt QA=$DIR/query-actors.txt QQ=$DIR/query-q.txt
row "alone: GET /quotes?speaker= per s, p50 / p99" "$(summary_field "$QS" speaker per_s)/s, $(summary_field "$QS" speaker p50_ms) / $(summary_field "$QS" speaker p99_ms) ms" "p99 <= 10 ms"
row "alone: GET /actors?name= per s, p50 / p99" "$(summary_field "$QA" actors_name per_s)/s, $(summary_field "$QA" actors_name p50_ms) / $(summary_field "$QA" actors_name p99_ms) ms" "p99 <= 10 ms"
row "alone: GET /quotes?q= per s, p50 / p99" "$(summary_field "$QQ" q per_s)/s, $(summary_field "$QQ" q p50_ms) / $(summary_field "$QQ" q p99_ms) ms" "p99 <= 25 ms"
