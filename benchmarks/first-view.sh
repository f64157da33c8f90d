#!/usr/bin/env bash
# What a first view of the article costs on the wire: the page and every file of this site it asks for
# (stylesheets, scripts, icons, images), fetched as a browser with an empty cache does, accepting Brotli
# and gzip, and once more accepting neither. Prints bytes (body and headers); not a pass/fail test.
#   bash benchmarks/first-view.sh
# Runs the Release build (published, as deployed: its stylesheets and scripts are compressed at publish).
set -euo pipefail
cd "$(dirname "$0")/.."
port=5093
base="http://127.0.0.1:$port"
article="/publications/rsis-commentary-series/co13046-us-china-cyber-talks-internet-security-in-the-global-economy"
work=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/Rsis.Portal.Web -c Release -o "$work/app" --nologo -v q >/dev/null
ASPNETCORE_ENVIRONMENT=Production Site__PublicBaseUrl="$base" Serilog__MinimumLevel__Default=Warning \
  dotnet "$work/app/Rsis.Portal.Web.dll" --urls "$base" --contentRoot "$work/app" \
  --ConnectionStrings:Sqlite "Data Source=$work/bench.db" >"$work/app.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$base/"; do sleep 0.1; done

curl -fs "$base$article" -o "$work/article.html"
# The files of this site the page asks for, in the order it names them; /feedback/token is what the
# feedback widget's script asks for once the page has loaded.
files=$( { echo "$article"; grep -oE '(href|src)="/[^"]*"' "$work/article.html" \
  | grep -E '\.(css|js|svg|png|ico|webmanifest)(\?[^"]*)?"$' | sed -E 's/^(href|src)="//; s/"$//'; echo /feedback/token; } | awk '!seen[$0]++')

total() {
  local accept=$1 sum=0 line
  printf '\n%s\n' "Accept-Encoding: ${accept:-(none)}"
  for file in $files; do
    line=$(curl -fs -o /dev/null -H "Accept-Encoding: $accept" -w '%{size_download} %{size_header} %header{content-encoding}' "$base$file")
    read -r body header encoding <<<"$line"
    printf '  %7d + %4d  %-8s %s\n' "$body" "$header" "${encoding:--}" "$file"
    sum=$((sum + body + header))
  done
  printf '  %7d bytes in %d requests\n' "$sum" "$(wc -w <<<"$files")"
}

total "gzip, deflate, br, zstd"
total ""
