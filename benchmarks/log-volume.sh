#!/usr/bin/env bash
# Bytes of log per request: the published app in Production, its log (the console, as a container runtime
# keeps it) going to a file at the shipped levels; N requests of each kind with curl, and the file's growth
# divided by N. Prints figures; not a pass/fail test.
#   bash benchmarks/log-volume.sh [requests per kind, default 500]
# APP_DIR=<a published folder> skips publishing (to measure another build the same way).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-500}
port=5094
base="http://127.0.0.1:$port"
article="/publications/rsis-commentary-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy"
work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

app=${APP_DIR:-$work/app}
if [ -z "${APP_DIR:-}" ]; then
  dotnet publish src/Rsis.Portal.Web -c Release -o "$app" --nologo -v q >/dev/null
fi

ASPNETCORE_ENVIRONMENT=Production Site__PublicBaseUrl="$base" dotnet "$app/Rsis.Portal.Web.dll" --urls "$base" --contentRoot "$app" \
  --ConnectionStrings:Sqlite "Data Source=$work/bench.db" >"$work/app.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$base/"; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 0.1
done
static=$(curl -fs "$base/" | grep -o '/css/site[^"]*\.css' | head -1)

# One curl for all n requests of a kind (a config file of URLs), so they go over one kept-alive connection.
measure() {
  local label=$1 pattern=$2 before after
  for i in $(seq 1 "$n"); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$base" "${pattern//\{i\}/$i}"; done >"$work/urls"
  curl -s -o /dev/null "$base${pattern//\{i\}/0}"   # once first, so what is logged once (compiling) is not counted
  sleep 1
  before=$(stat -c %s "$work/app.log")
  curl -s -K "$work/urls"
  sleep 1   # the request line is written after the answer
  after=$(stat -c %s "$work/app.log")
  printf '%-28s %6d bytes a request\n' "$label" $(( (after - before) / n ))
  total=$(( total + after - before ))
  kinds=$(( kinds + 1 ))
}

total=0
kinds=0
echo "$n requests of each kind, log at the shipped levels (Production)"
measure "home page" "/"
measure "article page" "$article"
measure "search (a new word each)" "/search?q=cyber+w{i}"
measure "RSS feed" "/feeds/publications.rss"
measure "missing page (404)" "/no-such-page-{i}"
measure "static file" "$static"
printf '%-28s %6d bytes a request\n' "all of them" $(( total / (kinds * n) ))
