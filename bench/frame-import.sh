#!/usr/bin/env bash
# Sample frame import (issue 4): a generated 1 M-row CSV imported with the heap capped at 512 MB;
# on PostgreSQL also COPY of the same file as the floor. Usage: bench/frame-import.sh h2|pg [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${2:-1000000}
if [ "${1:-h2}" = pg ]; then
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists minyi_bench" -c "create database minyi_bench"
  export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/minyi_bench SPRING_DATASOURCE_USERNAME=postgres
else
  rm -rf target/bench-h2
  export SPRING_DATASOURCE_URL="jdbc:h2:file:$PWD/target/bench-h2/minyi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
fi
mvn -B -q test -Dtest=FrameImportBenchmark -Dtest.excludedGroups= -Dtest.heap="-Xmx512m -Dbench.rows=$rows" | grep BENCH
