#!/usr/bin/env bash
# Survey comments (issue 7): a round of 1,000,000 responses, one in seven with a comment; the backfill
# migration's time and p50/p95 of the comment page. Usage: bench/survey-comments.sh h2|pg [responses]
set -euo pipefail
cd "$(dirname "$0")/.."
responses=${2:-1000000}
source bench/database.sh
use_database "${1:-h2}"
mvn -B -q test -Dtest=SurveyCommentsBenchmark -Dtest.excludedGroups= -Dtest.heap="-Xmx1g -Dbench.responses=$responses" | grep BENCH
