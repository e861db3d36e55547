#!/usr/bin/env bash
# Start-up time and idle memory of the demo app (budget: ready <= 8 s, idle RSS <= 600 MB).
# Usage: bench/startup.sh            (builds the jar first unless SKIP_BUILD=1)
# Measures the plain fat jar, and the extracted jar with a class-data-sharing archive
# (the documented production start, see README "Deployment"). "ready" = /actuator/health answers UP,
# after the start-up runners (migrations, demo district) have finished.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -q -B -ntp package -DskipTests
jar=$(ls target/minyi-*.jar | head -n 1)
work=$(mktemp -d)
data="$work/data"
port=${PORT:-18080}

measure() { # $1 = label, rest = java command; waits for health UP, samples RSS after 20 s idle
  local label=$1 start end pid rss
  shift
  start=$(date +%s%N)
  "$@" --spring.profiles.active=demo --minyi.data-dir="$data" --server.port="$port" > "$work/$label.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do
    kill -0 "$pid" 2> /dev/null || { echo "app died, see $work/$label.log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  sleep 20
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2> /dev/null || true
  printf '%-22s ready_ms=%6d rss_mb=%4d\n' "$label" $(( (end - start) / 1000000 )) $(( rss / 1024 ))
}

measure jar-first-start java -jar "$jar"    # empty database: migrations, demo district, demo accounts
measure jar-restart java -jar "$jar"        # the same database again

java -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
app="$work/app/$(basename "$jar")"
java -XX:ArchiveClassesAtExit="$work/app/app.jsa" -Dspring.context.exit=onRefresh -jar "$app" \
  --spring.profiles.active=demo --minyi.data-dir="$data" --server.port="$port" > "$work/train.log" 2>&1
measure cds-restart java -XX:SharedArchiveFile="$work/app/app.jsa" -jar "$app"
rm -rf "$work"
