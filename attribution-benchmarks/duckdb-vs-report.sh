#!/usr/bin/env bash
# Rule-based attribution by channel, DuckDB SQL against `report`, side by side (DuckDbComparison):
#   attribution-benchmarks/duckdb-vs-report.sh                      1M opportunities (seed 7), 3 rounds
#   attribution-benchmarks/duckdb-vs-report.sh --rounds 5 --data DIR --xmx 4g --threads 2
# Generates the data into /tmp/attribution-1m-seed7 when it is missing and reuses it afterwards.
# Builds the jars first if they are missing. Needs /usr/bin/time (GNU time) for the peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=attribution-benchmarks/target/benchmarks.jar
cli=attribution-cli/target/attribution-cli.jar
[ -f "$jar" ] && [ -f "$cli" ] || mvn -B -q package -DskipTests
exec java -cp "$jar" io.github.attribution.benchmarks.DuckDbComparison --cli "$cli" "$@"
