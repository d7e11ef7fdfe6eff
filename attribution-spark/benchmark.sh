#!/usr/bin/env bash
# Times the command line's `attribute` and the Spark job (local[1], local[2]) on the same generated
# files and prints a Markdown table. One command, from the repository root, after
#   mvn -B -o package -DskipTests
# Usage: attribution-spark/benchmark.sh [DATA_DIR]
#   OPPORTUNITIES (default 1000000): size of the generated dataset when DATA_DIR has none
#   MODELS (default "w-shaped markov"): the models, as --model values
#   HEAP (default 4g): -Xmx of each run (Spark local mode: driver and executor in one JVM)
#   WORK (default /tmp/attribution-spark-bench): where outputs go (deleted before each run)
set -euo pipefail
cd "$(dirname "$0")/.."

OPPORTUNITIES=${OPPORTUNITIES:-1000000}
DATA=${1:-/tmp/attribution-spark-bench/data-${OPPORTUNITIES}-seed7}
MODELS=${MODELS:-w-shaped markov}
HEAP=${HEAP:-4g}
WORK=${WORK:-/tmp/attribution-spark-bench}
CLI=attribution-cli/target/attribution-cli.jar
JAR=$(ls attribution-spark/target/attribution-spark-*.jar | grep -v -e sources -e javadoc -e tests | head -1)
mkdir -p "$WORK"

if [ ! -f "$DATA/touchpoints.csv" ]; then
  java -jar "$CLI" generate --opportunities "$OPPORTUNITIES" --seed 7 --out "$DATA"
fi

# core and Spark's jars (what a cluster provides), listed by the package phase
CP="$JAR:$(cat attribution-spark/target/spark-classpath.txt)"

model_args=()
for m in $MODELS; do model_args+=(--model "$m"); done
inputs=(--touchpoints "$DATA/touchpoints.csv" --opportunities "$DATA/opportunities.csv"
  --people "$DATA/people.csv")

seconds() { date +%s.%N; }

echo "load before: $(uptime)" >&2
rm -f "$WORK/cli.csv"
t0=$(seconds)
java -Xmx"$HEAP" -jar "$CLI" attribute "${inputs[@]}" "${model_args[@]}" --out "$WORK/cli.csv" 2> "$WORK/cli.log"
grep '^summary' "$WORK/cli.log" >&2 || true
cli=$(echo "$(seconds) - $t0" | bc)
rows=$(($(wc -l < "$WORK/cli.csv") - 1))

declare -A spark
for cores in 1 2; do
  rm -rf "$WORK/spark-$cores"
  t0=$(seconds)
  java -Xmx"$HEAP" -Dspark.master="local[$cores]" -Dspark.ui.enabled=false \
    -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
    -Dspark.sql.shuffle.partitions=$((cores * 8)) \
    -cp "$CP" io.github.attribution.spark.AttributionJob attribute "${inputs[@]}" "${model_args[@]}" \
    --out "$WORK/spark-$cores" --format parquet 2> "$WORK/spark-$cores.log"
  grep '^summary\|^error' "$WORK/spark-$cores.log" >&2
  spark[$cores]=$(echo "$(seconds) - $t0" | bc)
done
echo "load after: $(uptime)" >&2

printf '| run | wall time (s) | vs CLI |\n|---|---:|---:|\n'
printf '| CLI `attribute` (%s rows, CSV) | %.1f | 1.00 |\n' "$rows" "$cli"
for cores in 1 2; do
  printf '| Spark `local[%s]` (Parquet) | %.1f | %.2f |\n' "$cores" "${spark[$cores]}" "$(echo "${spark[$cores]} / $cli" | bc -l)"
done
printf '\nSpeed-up from local[1] to local[2]: %.2f\n' "$(echo "${spark[1]} / ${spark[2]}" | bc -l)"
