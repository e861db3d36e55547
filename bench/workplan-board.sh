#!/usr/bin/env bash
# Work plan board and task list (issue 6): 5,000 units x 30 items = 150,000 tasks; p50/p95 of the
# pages rendered through the web stack. Usage: bench/workplan-board.sh h2|pg [units]
set -euo pipefail
cd "$(dirname "$0")/.."
units=${2:-5000}
source bench/database.sh
use_database "${1:-h2}"
mvn -B -q test -Dtest=TaskBoardBenchmark -Dtest.excludedGroups= -Dtest.heap="-Xmx1g -Dbench.units=$units" | grep BENCH
