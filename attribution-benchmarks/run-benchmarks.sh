#!/usr/bin/env bash
# Runs the JMH suite and saves the results as JSON under attribution-benchmarks/results/.
#   attribution-benchmarks/run-benchmarks.sh          quick: 10k and 100k opportunities, short iterations (~10 min on 2 cores)
#   attribution-benchmarks/run-benchmarks.sh full     adds 1M opportunities and the default iterations (about an hour)
# Builds the jar first if it is missing. Extra arguments after the mode go to JMH (e.g. a benchmark regex).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-quick}"
shift || true
jar=attribution-benchmarks/target/benchmarks.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
mkdir -p attribution-benchmarks/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
case "$mode" in
  quick)
    java -jar "$jar" -p opportunities=10000,100000 -f 1 -wi 1 -w 1 -i 3 -r 1 \
      -rf json -rff "attribution-benchmarks/results/quick-$stamp.json" "$@"
    ;;
  full)
    java -jar "$jar" -rf json -rff "attribution-benchmarks/results/full-$stamp.json" "$@"
    ;;
  *)
    echo "usage: $0 [quick|full] [JMH arguments]" >&2
    exit 2
    ;;
esac
echo "results: attribution-benchmarks/results/$mode-$stamp.json"
