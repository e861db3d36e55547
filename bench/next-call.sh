#!/usr/bin/env bash
# CATI "next call" (issue 4): 200 interviewers asking for numbers at once against one database;
# latency of next call and of recording the outcome, and a check that no number is given twice.
# Usage: bench/next-call.sh h2|pg [interviewers] [cases] [dial-min-ms] [dial-max-ms]
set -euo pipefail
cd "$(dirname "$0")/.."
interviewers=${2:-200}
cases=${3:-20000}
dial_min=${4:-50}
dial_max=${5:-150}
source bench/database.sh
use_database "${1:-h2}"
mvn -B -q test -Dtest=NextCallBenchmark -Dtest.excludedGroups= \
  -Dtest.heap="-Xmx1g -Dbench.interviewers=$interviewers -Dbench.cases=$cases -Dbench.dialMin=$dial_min -Dbench.dialMax=$dial_max" | grep BENCH
