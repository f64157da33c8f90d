#!/usr/bin/env bash
# Cold start: from launching the published app on an empty SQLite file (so it migrates and seeds)
# to its first 200 response on "/". Prints the figure; not a pass/fail test.
#   bash benchmarks/cold-start.sh [runs] [--ready-to-run]
# --ready-to-run publishes precompiled (ReadyToRun) code, as the Dockerfile does, so less is JIT-compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=5091
out=$(mktemp -d)
publish_args=()
if [ "${2:-}" = "--ready-to-run" ]; then
  publish_args=(-r linux-x64 --self-contained false -p:PublishReadyToRun=true)
fi
dotnet publish src/Rsis.Portal.Web -c Release -o "$out/app" --nologo -v q "${publish_args[@]}" >/dev/null

for i in $(seq 1 "$runs"); do
  db="$out/run$i.db"
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production Site__PublicBaseUrl="http://127.0.0.1:$port" Serilog__MinimumLevel__Default=Warning \
    dotnet "$out/app/Rsis.Portal.Web.dll" --urls "http://127.0.0.1:$port" \
    --ConnectionStrings:Sqlite "Data Source=$db" >"$out/run$i.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/"; do
    kill -0 "$pid" 2>/dev/null || { echo "the app exited; see $out/run$i.log"; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $i: first 200 after $(( (end - start) / 1000000 )) ms (empty database: migrate + seed)"
done

# A restart on the database the last run left: no migration or seed to apply.
start=$(date +%s%N)
ASPNETCORE_ENVIRONMENT=Production Site__PublicBaseUrl="http://127.0.0.1:$port" Serilog__MinimumLevel__Default=Warning \
  dotnet "$out/app/Rsis.Portal.Web.dll" --urls "http://127.0.0.1:$port" \
  --ConnectionStrings:Sqlite "Data Source=$db" >"$out/restart.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.02; done
end=$(date +%s%N)
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "restart: first 200 after $(( (end - start) / 1000000 )) ms (database already migrated and seeded)"
rm -rf "$out"
