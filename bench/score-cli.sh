#!/usr/bin/env bash
# The analyst command line on a generated 1 M-row CSV (issue 5): 10 townships as strata with their
# populations, 6 satisfaction questions as answer codes, raking to township, gender and age group.
# Prints the wall time and peak RSS (GNU time). Usage: bench/score-cli.sh [rows] [extra java options]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
shift || true
dir=target/bench-cli
mkdir -p "$dir"
[ -f target/minyi-0.1.0-SNAPSHOT.jar ] || mvn -B -q -DskipTests package
awk -v rows="$rows" 'BEGIN {
  srand(20261128);
  split("很满意 满意 基本满意 不太满意 不满意 说不清", code, " ");
  split("18-29 30-39 40-49 50-59 60+", ages, " ");
  print "township,population,gender,age,Q3,Q4,Q5,Q6,Q7,Q8";
  for (i = 0; i < rows; i++) {
    h = i % 10;
    line = "T" h "," (200000 + 60000 * h) "," (rand() < 0.56 ? "F" : "M") "," ages[1 + int(rand() * 5)];
    for (k = 0; k < 6; k++) line = line "," code[1 + int(rand() * 6)];
    print line;
  }
}' > "$dir/data.csv"
{
  echo "variable,level,total"
  total=0
  for h in $(seq 0 9); do echo "township,T$h,$((200000 + 60000 * h))"; total=$((total + 200000 + 60000 * h)); done
  echo "gender,F,$((total * 49 / 100))"; echo "gender,M,$((total - total * 49 / 100))"
  for a in 18-29 30-39 40-49 50-59 60+; do echo "age,$a,$((total / 5))"; done
} > "$dir/margins.csv"
map="很满意=100,满意=80,基本满意=60,不太满意=30,不满意=0"
indicators=()
for q in Q3 Q4 Q5 Q6 Q7 Q8; do indicators+=(--indicator "$q=$q:$map"); done
/usr/bin/time -f "wall %e s, peak RSS %M KB" java "$@" -jar target/minyi-0.1.0-SNAPSHOT.jar score --input "$dir/data.csv" \
  --strata township --fpc population "${indicators[@]}" --by township --rake "$dir/margins.csv" --output "$dir/results.csv"
head -3 "$dir/results.csv"
