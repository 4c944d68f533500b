#!/usr/bin/env bash
# Measures forecasting training throughput (windows/s) with 1 and 2 OpenMP threads, alternating
# runs so that machine noise hits both alike, and prints the median of each.
# Each run trains 2 epochs of 25 minibatches (plus validation).
# Usage: scripts/bench/threads.sh [RUNS] [CELL] [DATASET]   (build first: ./mvnw -B -q package -DskipTests)
# Check the machine is idle first (uptime): a build running alongside distorts the figures.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"; cell="${2:-lstm}"; dataset="${3:-electricity}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
declare -A results
for ((i = 1; i <= runs; i++)); do
  for threads in 1 2; do
    rate=$(OMP_NUM_THREADS=$threads "$here/scripts/rnn-suite" forecast train --dataset "$dataset" --cell "$cell" \
      --epochs 2 --max-batches 25 --patience 100 --output-dir "$out/t$threads" 2>/dev/null | awk -v c="$cell" '$1 == c {print $(NF-1)}')
    echo "run $i, OMP_NUM_THREADS=$threads: $rate windows/s"
    results[$threads]+="$rate "
  done
done
for threads in 1 2; do
  median=$(echo ${results[$threads]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "median, $threads thread(s): $median windows/s ($cell, $dataset, $runs runs)"
done
