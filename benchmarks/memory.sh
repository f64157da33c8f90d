#!/usr/bin/env bash
# Memory under a reader-like load: the published app's resident set (RSS) at rest, then after a fixed number
# of requests of benchmarks/mixed-load.lua (half of them searches nobody made before, each a new output-cache
# entry), three rounds of it, and again after ten idle seconds. Prints figures; not a pass/fail test.
#   bash benchmarks/memory.sh [requests, default 40000] [app arguments, e.g. --Caching:OutputCacheSizeLimitMB 32]
# Environment variables reach the app, so runtime settings can be compared too: DOTNET_gcServer=1 bash ...
# APP_DIR=<a published folder> skips publishing (to measure another build the same way).
# Needs wrk (apt-get install wrk). Runs the Release build in Production on an empty SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-40000}
shift || true
port=5093
threads=2
connections=16
base="http://127.0.0.1:$port"
work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; kill "${wrk_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

app=${APP_DIR:-$work/app}
if [ -z "${APP_DIR:-}" ]; then
  dotnet publish src/Rsis.Portal.Web -c Release -o "$app" --nologo -v q >/dev/null
fi

ASPNETCORE_ENVIRONMENT=Production Site__PublicBaseUrl="$base" Serilog__MinimumLevel__Default=Warning \
  dotnet "$app/Rsis.Portal.Web.dll" --urls "$base" --contentRoot "$app" \
  --ConnectionStrings:Sqlite "Data Source=$work/bench.db" "$@" >"$work/app.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$base/"; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 0.1
done

rss() { awk '$1 == "VmRSS:" {printf "%d MB", $2 / 1024}' "/proc/$pid/status"; }
peak() { awk '$1 == "VmHWM:" {printf "%d MB", $2 / 1024}' "/proc/$pid/status"; }

# At rest: every kind of page asked for once, so what a first visit loads (menu, site data, the search
# snapshot, compiled views) is in memory, as on a site that has been up a while.
static=$(curl -fs "$base/" | grep -o '/css/site[^"]*\.css' | head -1)
for path in / "/publications/rsis-commentary-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy" \
  /publications /feeds/publications.rss /sitemap.xml "/search?q=cyber" "$static"; do
  curl -fs -o /dev/null "$base$path"
done
sleep 5
printf 'at rest:                      RSS %s\n' "$(rss)"

# The same load three times over: memory that is bounded stays where the first round left it.
for round in 1 2 3; do
  rm -f "$work"/done-*
  wrk -t$threads -c$connections -d600s -s benchmarks/mixed-load.lua "$base" -- "$requests" $threads "$static" "$work" "$round" >"$work/wrk.txt" &
  wrk_pid=$!
  until [ "$(find "$work" -maxdepth 1 -name 'done-*' | wc -l)" -ge $threads ]; do
    kill -0 "$wrk_pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -INT "$wrk_pid" 2>/dev/null || true
  wait "$wrk_pid" || true
  sent=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
  failed=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
  printf 'round %s, after %s requests (%s unique searches, %s not 2xx/3xx): RSS %s, peak %s\n' \
    "$round" "$sent" "$((sent / 2))" "${failed:-0}" "$(rss)" "$(peak)"
done
sleep 10
printf 'ten seconds later:            RSS %s\n' "$(rss)"
errors=$(grep -c '"@l":"\(Error\|Fatal\)"' "$work/app.log" || true)
if [ "$errors" -gt 0 ]; then
  echo "the app logged $errors errors; the first: $(grep -m1 '"@l":"\(Error\|Fatal\)"' "$work/app.log" | cut -c1-300)" >&2
fi
