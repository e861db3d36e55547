# Sourced by the benchmark scripts: "use_database h2|pg" points the app at a fresh database —
# an H2 file under target/bench-h2, or the PostgreSQL database minyi_bench on 127.0.0.1.
use_database() {
  if [ "${1:-h2}" = pg ]; then
    psql -h 127.0.0.1 -U postgres -q -c "drop database if exists minyi_bench" -c "create database minyi_bench"
    export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/minyi_bench SPRING_DATASOURCE_USERNAME=postgres
  else
    rm -rf target/bench-h2
    export SPRING_DATASOURCE_URL="jdbc:h2:file:$PWD/target/bench-h2/minyi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  fi
}
