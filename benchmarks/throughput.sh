#!/usr/bin/env bash
# Throughput of the article page and its PDF, against the same bytes served as static files by the same
# server (MapStaticAssets) and by a bare Kestrel static-file server (benchmarks/static-server.cs), with wrk on
# loopback; the cached article also with the request line logged (Information, as shipped). Ends with the ratios
# issue 15 asks about. Prints figures; not a pass/fail test.
#   bash benchmarks/throughput.sh [seconds] [connections] [warm-up seconds, default 30: a fresh process takes about a minute of load to reach full speed] [redis]
# With "redis" last, the cached article and PDF are measured a second time with the output cache in Redis
# (Debian's redis-server on a free loopback port), in the same run, as several nodes would have it.
# Needs wrk (apt-get install wrk). Runs the Release build in Production on an empty SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
warmup=${3:-30}
with_redis=${4:-}
port=5092
base="http://127.0.0.1:$port"
article="/publications/rsis-commentary-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy"
bench_dir=src/Rsis.Portal.Web/wwwroot/bench
work=$(mktemp -d)
trap 'kill "${pid:-}" "${redis_pid:-}" "${bare_pid:-}" 2>/dev/null || true; rm -rf "$work" "$bench_dir"' EXIT

publish() { dotnet publish src/Rsis.Portal.Web -c Release -o "$work/app" --nologo -v q >/dev/null; }

# The content root must be the published folder: from anywhere else the static files are not found, and
# MapStaticAssets answers their addresses with empty 200s (which would make "static" look fast).
start() {
  ASPNETCORE_ENVIRONMENT=Production Site__PublicBaseUrl="$base" Serilog__MinimumLevel__Default=Warning \
    dotnet "$work/app/Rsis.Portal.Web.dll" --urls "$base" --contentRoot "$work/app" \
    --ConnectionStrings:Sqlite "Data Source=$work/bench.db" "$@" >"$work/app.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "$base/"; do sleep 0.1; done
}

stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }

measure() {
  local label=$1 url=$2 expected=$3 size
  size=$(curl -fs -o /dev/null -w '%{size_download}' "$url")   # the first request also fills the caches
  if [ "$size" != "$expected" ]; then
    echo "$url answered $size bytes, expected $expected: not measuring it" >&2
    exit 1
  fi
  # Warm up first: the first seconds of a fresh process are spent compiling (tiered JIT), not serving.
  wrk -t2 -c"$connections" -d"${warmup}s" "$url" >/dev/null
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url" >"$work/wrk.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  printf '%-44s %10s req/s   p99 %s\n' "$label" "$rps" "$p99"
  rates[$label]=$rps
}
declare -A rates

# Copy the article's HTML and PDF into wwwroot so the same server also serves them as static files.
publish
start
mkdir -p "$bench_dir"
curl -fs "$base$article" -o "$bench_dir/article.html"
curl -fs "$base$article.pdf" -o "$bench_dir/CO13046.pdf"
stop
mkdir -p "$work/bare" && cp "$bench_dir/article.html" "$work/bare/"
html_bytes=$(stat -c %s "$bench_dir/article.html")
pdf_bytes=$(stat -c %s "$bench_dir/CO13046.pdf")
printf 'article HTML %s bytes, PDF %s bytes\n' "$html_bytes" "$pdf_bytes"
publish

echo "wrk: ${seconds}s, ${connections} connections, 2 threads, loopback"
start
measure "static article.html" "$base/bench/article.html" "$html_bytes"
measure "article page (output cache)" "$base$article" "$html_bytes"
measure "static CO13046.pdf" "$base/bench/CO13046.pdf" "$pdf_bytes"
measure "article PDF (output cache)" "$base$article.pdf" "$pdf_bytes"
stop

if [ "$with_redis" = redis ]; then
  redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  /usr/bin/redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
  redis_pid=$!
  start --ConnectionStrings:Redis "127.0.0.1:$redis_port"
  measure "article page (output cache, Redis)" "$base$article" "$html_bytes"
  measure "article PDF (output cache, Redis)" "$base$article.pdf" "$pdf_bytes"
  stop
  kill "$redis_pid"; wait "$redis_pid" 2>/dev/null || true
fi

# Issue 15's yardstick: the same bytes from a bare Kestrel static-file server (benchmarks/static-server.cs), and
# the cached article with the request line logged, as the portal ships (Information).
bare_port=5098
dotnet build -c Release benchmarks/static-server.cs -o "$work/bare-app" --nologo -v q >/dev/null
dotnet "$work/bare-app/static-server.dll" "$work/bare" "http://127.0.0.1:$bare_port" >"$work/bare.log" 2>&1 &
bare_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$bare_port/article.html"; do sleep 0.1; done
measure "bare Kestrel static server, article.html" "http://127.0.0.1:$bare_port/article.html" "$html_bytes"
kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true
start --Serilog:MinimumLevel:Default Information
measure "article page (output cache, Information log)" "$base$article" "$html_bytes"
stop

start --Caching:OutputCache false
measure "article page (no output cache)" "$base$article" "$html_bytes"
measure "article PDF (no output cache)" "$base$article.pdf" "$pdf_bytes"
stop

ratio() { awk -v a="${rates[$1]}" -v b="${rates[$2]}" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "cached article (Warning log) / bare static server:     $(ratio "article page (output cache)" "bare Kestrel static server, article.html")"
echo "cached article (Information log) / bare static server: $(ratio "article page (output cache, Information log)" "bare Kestrel static server, article.html")"
echo "cached article (Warning log) / the portal's static:    $(ratio "article page (output cache)" "static article.html")"
echo "uncached article / the portal's static:                $(ratio "article page (no output cache)" "static article.html")"
