#!/usr/bin/env bash
# Sustained web submissions (issue 3; budget >= 1,000/s, p99 <= 100 ms, none lost or duplicated).
# Usage: bench/submissions.sh h2|pg [total=40000] [concurrency=64] [rate]  (SKIP_BUILD=1 reuses the jar)
# Without a rate the clients send as fast as they can (saturation); with one, they are paced to it.
# Starts the demo app (embedded H2 in a fresh data directory, or a fresh PostgreSQL database
# minyi_bench on 127.0.0.1:5432 as user postgres), then runs bench/SubmissionLoad.java against it:
# no-op endpoint first, then real submissions, same bodies, same client, same run.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}; total=${2:-40000}; concurrency=${3:-64}; rate=${4:-0}
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -q -B -ntp package -DskipTests
jar=$(ls target/minyi-*.jar | head -n 1)
work=$(mktemp -d)
port=${PORT:-18080}
args=(--spring.profiles.active=demo --minyi.data-dir="$work/data" --server.port="$port")
if [ "$db" = pg ]; then
  psql -h 127.0.0.1 -U postgres -qc 'drop database if exists minyi_bench' -c 'create database minyi_bench' > /dev/null
  args+=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/minyi_bench --spring.datasource.username=postgres)
fi
java -Xmx1g -jar "$jar" "${args[@]}" > "$work/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null; wait $pid 2> /dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do
  kill -0 "$pid" 2> /dev/null || { echo "app died:"; tail -50 "$work/app.log"; exit 1; }
  sleep 0.2
done
echo "database=$db total=$total concurrency=$concurrency rate=$rate cores=$(nproc)"
java -Xmx1g bench/SubmissionLoad.java "http://127.0.0.1:$port" district 'Minyi@Demo2026' "$total" "$concurrency" "$rate"
