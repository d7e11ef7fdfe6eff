#!/usr/bin/env bash
# One account whose touches are each on a different channel (a hostile or broken export), plus 20 small
# accounts: wall time of `attribute --model M --out /dev/null` for linear, shapley and markov. Channel
# names follow a fixed permutation of the touch order (c(i * 7919 mod n)), so the names say nothing
# about the order of the journey. One command, from the repository root, after
#   mvn -B package -DskipTests
# Usage: attribution-benchmarks/pathological.sh [TOUCHES...]   (default: 20000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=attribution-cli/target/attribution-cli.jar
WORK=${WORK:-/tmp/attribution-pathological}
mkdir -p "$WORK"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20000 1000000)
echo "load before: $(uptime)" >&2
printf '| touches (distinct channels) | linear | shapley | markov |\n|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  dir="$WORK/$n"
  if [ ! -f "$dir/touchpoints.csv" ]; then
    mkdir -p "$dir"
    awk -v n="$n" 'BEGIN {
      print "touchpoint_id,account_id,occurred_at,channel"
      for (i = 0; i < n; i++) printf "t%d,BIG,%s,c%d\n", i, strftime("%Y-%m-%dT%H:%M:%SZ", 1704067200 + i, 1), (i * 7919) % n
      for (a = 0; a < 20; a++) for (k = 0; k < 5; k++) printf "s%d-%d,A%d,2025-06-0%dT00:00:00Z,Email\n", a, k, a, k + 1
    }' > "$dir/touchpoints.csv"
    {
      echo "opportunity_id,account_id,amount,currency,created_at,closed_at,status"
      echo "O-big,BIG,1000.00,USD,2026-01-01,2026-02-01,won"
      for a in $(seq 0 19); do echo "O-$a,A$a,100.00,USD,2025-07-01,2025-08-01,$([ $((a % 2)) = 0 ] && echo won || echo lost)"; done
    } > "$dir/opportunities.csv"
  fi
  heap=2g
  [ "$n" -ge 500000 ] && heap=3g
  row="| $(printf "%'d" "$n") |"
  for m in linear shapley markov; do
    start=$(date +%s.%N)
    if java -Xmx$heap -jar "$CLI" attribute --touchpoints "$dir/touchpoints.csv" \
        --opportunities "$dir/opportunities.csv" --model $m --out /dev/null 2> "$WORK/$n-$m.log"; then
      row="$row $(printf '%.1f s' "$(echo "$(date +%s.%N) - $start" | bc)") |"
    else
      row="$row exit $? in $(printf '%.1f s' "$(echo "$(date +%s.%N) - $start" | bc)") |"
      tail -1 "$WORK/$n-$m.log" >&2
    fi
  done
  echo "$row"
done
echo "load after: $(uptime)" >&2
