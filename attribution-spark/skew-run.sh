#!/usr/bin/env bash
# The full-scale skew run: the generated dataset with 30% of its accounts merged into one account
# (ACC-BIG: about 30% of all touches, people and opportunities), attributed by the Spark job in local
# mode with 1 GB of heap for driver and executor together (local mode has no separate executor JVM,
# so -Xmx1g is a stricter bound than spark.executor.memory=1g on a cluster). Contact-based journeys,
# as a skewed account's journeys must be: account-based journeys of one account with millions of
# touches would hold all of them, in Spark and on one machine alike (see README, "Memory per task").
# One command, from the repository root, after  mvn -B package -DskipTests
# Usage: attribution-spark/skew-run.sh [GENERATED_DIR]   (default: generates 1M opportunities, seed 7)
#   HEAP (default 1g), CORES (default 2), MODELS (default "w-shaped markov"), WORK (default /tmp/attribution-spark-skew)
set -euo pipefail
cd "$(dirname "$0")/.."

HEAP=${HEAP:-1g}
CORES=${CORES:-2}
MODELS=${MODELS:-w-shaped markov}
WORK=${WORK:-/tmp/attribution-spark-skew}
SRC=${1:-$WORK/data-1000000-seed7}
CLI=attribution-cli/target/attribution-cli.jar
JAR=$(ls attribution-spark/target/attribution-spark-*.jar | grep -v -e sources -e javadoc -e tests | head -1)
mkdir -p "$WORK"

if [ ! -f "$SRC/touchpoints.csv" ]; then
  java -jar "$CLI" generate --opportunities 1000000 --seed 7 --out "$SRC"
fi
DATA=$WORK/skewed
if [ ! -f "$DATA/touchpoints.csv" ]; then
  mkdir -p "$DATA"
  # account ACC-nnnnnn becomes ACC-BIG when nnnnnn mod 10 < 3; column 2 in every file that has one
  skew='BEGIN { FS = OFS = "," } NR > 1 && $2 ~ /^ACC-[0-9]+$/ && substr($2, length($2)) + 0 < 3 { $2 = "ACC-BIG" } { print }'
  for f in touchpoints opportunities people; do awk "$skew" "$SRC/$f.csv" > "$DATA/$f.csv"; done
  cp "$SRC/opportunity_contacts.csv" "$DATA/"
fi
big=$(grep -c ',ACC-BIG,' "$DATA/touchpoints.csv")
all=$(($(wc -l < "$DATA/touchpoints.csv") - 1))
echo "ACC-BIG holds $big of $all touches ($((100 * big / all))%)" >&2

CP="$JAR:$(cat attribution-spark/target/spark-classpath.txt)"
model_args=()
for m in $MODELS; do model_args+=(--model "$m"); done
rm -rf "$WORK/out"
/usr/bin/time -v java -Xmx"$HEAP" -Dspark.master="local[$CORES]" -Dspark.ui.enabled=false \
  -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
  -Dspark.sql.shuffle.partitions=$((CORES * 8)) \
  -cp "$CP" io.github.attribution.spark.AttributionJob attribute \
  --touchpoints "$DATA/touchpoints.csv" --opportunities "$DATA/opportunities.csv" \
  --people "$DATA/people.csv" --contacts "$DATA/opportunity_contacts.csv" \
  "${model_args[@]}" --out "$WORK/out" --format parquet 2> "$WORK/spark.log"
grep -e '^summary' -e '^error' -e 'OutOfMemory' -e 'Elapsed (wall' -e 'Maximum resident' "$WORK/spark.log" >&2
