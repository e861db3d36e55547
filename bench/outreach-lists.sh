#!/usr/bin/env bash
# Citizen requests and disputes (issue 7): 200,000 requests and 50,000 disputes; p50/p95 of the lists and
# figures pages rendered through the web stack. Usage: bench/outreach-lists.sh h2|pg [requests] [disputes]
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${2:-200000}
disputes=${3:-50000}
source bench/database.sh
use_database "${1:-h2}"
mvn -B -q test -Dtest=OutreachListsBenchmark -Dtest.excludedGroups= -Dtest.heap="-Xmx1g -Dbench.requests=$requests -Dbench.disputes=$disputes" | grep BENCH
