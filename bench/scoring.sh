#!/usr/bin/env bash
# Scoring benchmark (issue 5): JMH on the estimation library, 1 M respondents, 10 strata, 6 indicators,
# raking to 3 margins, all SEs, ranks and rank sets; and the floor of one plain pass over the same arrays.
# Usage: bench/scoring.sh [extra JMH options, e.g. -wi 1 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main ScoringBenchmark "$@"
