#!/usr/bin/env bash
# Two-node eviction delay: two nodes of the Release build on one SQLite file and one redis-server (Debian's, on
# a free loopback port, nothing saved), 100 saves on node A, and how long node B takes to stop serving the cached
# article after each (benchmarks/eviction-delay.cs). Prints p50/p99; not a pass/fail test.
#   bash benchmarks/two-node-eviction.sh [saves, default 100]
set -euo pipefail
cd "$(dirname "$0")/.."
saves=${1:-100}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

redis_port=$(free_port)
/usr/bin/redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
pids+=($!)

dotnet publish src/Rsis.Portal.Web -c Release -o "$work/app" --nologo -v q >/dev/null
settings=(--contentRoot "$work/app" --ConnectionStrings:Sqlite "Data Source=$work/portal.db"
  --ConnectionStrings:Redis "127.0.0.1:$redis_port" --Site:PublicBaseUrl "http://127.0.0.1")
run() { ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning dotnet "$work/app/Rsis.Portal.Web.dll" "$@"; }

# The staff account the saves are made with (migrates and seeds the database on the way).
email=bench@example.org
password=$(run create-admin "$email" "${settings[@]}" | sed -n 's/^Password[^:]*: //p')

node() {
  run --urls "http://127.0.0.1:$1" "${settings[@]}" >"$work/node-$1.log" 2>&1 &
  pids+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$1/"; do sleep 0.1; done
}
port_a=$(free_port); node "$port_a"
port_b=$(free_port); node "$port_b"

dotnet run benchmarks/eviction-delay.cs -- "http://127.0.0.1:$port_a" "http://127.0.0.1:$port_b" "$email" "$password" "$saves"
