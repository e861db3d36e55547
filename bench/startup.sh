#!/usr/bin/env bash
# Start-up time and idle memory of the demo app (budget: ready <= 8 s, idle RSS <= 600 MB).
# Usage: bench/startup.sh            (builds the jar first unless SKIP_BUILD=1)
# Prints the figures and the rows to append to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -q -B -ntp package -DskipTests
jar=$(ls target/minyi-*.jar | head -n 1)
data=$(mktemp -d)
port=${PORT:-18080}

measure() { # $1 = label; starts the app, waits for health UP, samples RSS after 20 s idle
  local start end pid rss
  start=$(date +%s%N)
  java -jar "$jar" --spring.profiles.active=demo --minyi.data-dir="$data" --server.port="$port" > "$data/$1.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; do
    kill -0 "$pid" 2> /dev/null || { echo "app died, see $data/$1.log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  sleep 20
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2> /dev/null || true
  printf '%s ready_ms=%d rss_mb=%d\n' "$1" $(( (end - start) / 1000000 )) $(( rss / 1024 ))
}

measure first-start   # empty database: migrations, demo district, demo accounts
measure restart       # the same database again
rm -rf "$data"
