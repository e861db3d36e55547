#!/usr/bin/env bash
# Sample frame import (issue 4): a generated 1 M-row CSV imported with the heap capped at 512 MB;
# on PostgreSQL also COPY of the same file as the floor. Usage: bench/frame-import.sh h2|pg [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${2:-1000000}
source bench/database.sh
use_database "${1:-h2}"
mvn -B -q test -Dtest=FrameImportBenchmark -Dtest.excludedGroups= -Dtest.heap="-Xmx512m -Dbench.rows=$rows" | grep BENCH
