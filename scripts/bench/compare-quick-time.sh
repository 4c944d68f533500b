#!/usr/bin/env bash
# Times the main job's small version, the README's first command after the build:
#   scripts/bench/compare-quick-time.sh [extra compare flags...]
# prints the wall time of `rnn-suite compare --quick` and whether it is within the 5-minute target.
# Measure on an idle machine (it warns when the load average says otherwise); build first with
# ./mvnw -B -q package -DskipTests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(mktemp -d "${TMPDIR:-/tmp}/compare-quick.XXXXXX")"
load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
cores="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)"
echo "machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $cores cores, load average $load"
if [[ "$load" != "?" ]] && awk -v l="$load" -v c="$cores" 'BEGIN { exit !(l > c / 2) }'; then
  echo "warning: the machine is busy (load $load on $cores cores); the time below is an upper bound"
fi
start=$(date +%s.%N)
"$here/scripts/rnn-suite" compare --quick --output-dir "$out" "$@" > "$out/stdout.txt" 2> "$out/stderr.txt"
end=$(date +%s.%N)
seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')
echo "compare --quick $*: ${seconds} s wall time ($(awk -v s="$seconds" 'BEGIN { printf "%d min %02d s", s / 60, s % 60 }'))"
if (( seconds <= 300 )); then echo "within the 5-minute target"; else echo "OVER the 5-minute target"; fi
tail -n 1 "$out/stdout.txt"
