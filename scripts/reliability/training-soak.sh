#!/usr/bin/env bash
# Training soak: `charlm train` at its defaults (europarl-en, 2-layer LSTM(128), sequences of 100,
# tBPTT 50, batch 32) for --minutes, sampling the training JVM's memory every --every seconds:
# resident memory (VmRSS), heap in use after a full GC (jcmd GC.run, then GC.heap_info), heap committed
# and resident minus committed heap (ND4J's off-heap buffers and workspaces, code, stacks). Then draws
# --sample-chars characters with `charlm sample` from the model it wrote, sampling that JVM likewise.
# Prints one row per sample and the growth after warm-up (the first quarter of the training).
# (Sampling under a long steady load, through the server, is scripts/reliability/soak.sh.)
#
#   scripts/reliability/training-soak.sh                  # 30 minutes, a sample every 60 s
#   scripts/reliability/training-soak.sh --minutes 5 --every 20
#
# Needs the built jar (./mvnw -B -q package -DskipTests) and the JDK's jcmd.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$here/examples/target/rnn-suite.jar"
[[ -f "$jar" ]] || { echo "error: $jar not found; build first with: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
minutes=30 every=60 sample_chars=200000
while (($#)); do
  case "$1" in
    --minutes) minutes="${2:-}"; shift 2 ;;
    --every) every="${2:-}"; shift 2 ;;
    --sample-chars) sample_chars="${2:-}"; shift 2 ;;
    *) echo "error: unknown argument '$1': expected --minutes N, --every SECONDS or --sample-chars N" >&2; exit 2 ;;
  esac
done
[[ "$minutes" =~ ^[1-9][0-9]*$ && "$every" =~ ^[1-9][0-9]*$ && "$sample_chars" =~ ^[1-9][0-9]*$ ]] ||
  { echo "error: --minutes, --every and --sample-chars expect positive whole numbers" >&2; exit 2; }
command -v jcmd >/dev/null || { echo "error: jcmd not found (it comes with the JDK)" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/rnn-suite-training-soak.XXXXXX")"
child=""
cleanup() { [[ -n "$child" ]] && kill "$child" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_CBWR=AUTO
java_cmd=(java -Xmx4g --add-modules jdk.incubator.vector -Djava.awt.headless=true
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.nd4j=error -jar "$jar")

sample() { # PID -> "resident_mib heap_used_mib heap_committed_mib"
  local rss info
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null)
  [[ -n "$rss" ]] || return 1
  jcmd "$1" GC.run >/dev/null 2>&1
  info=$(jcmd "$1" GC.heap_info 2>/dev/null | head -3 | tr '\n' ' ') # G1: "garbage-first heap total 262144K, used 51234K"
  awk -v rss="$rss" -v info="$info" 'BEGIN {
    match(info, /total [0-9]+K/); t = substr(info, RSTART + 6, RLENGTH - 7)
    match(info, /used [0-9]+K/); u = substr(info, RSTART + 5, RLENGTH - 6)
    printf "%.1f %.1f %.1f", rss / 1024, u / 1024, t / 1024 }'
}
row() { # elapsed_s rss used committed updates
  printf '| %.1f | %s | %s | %s | %s | %.1f |\n' "$(awk -v e="$1" 'BEGIN { print e / 60 }')" "$5" "$2" "$3" "$4" \
    "$(awk -v r="$2" -v c="$4" 'BEGIN { print r - c }')"
}
updates() { # epochs finished so far, from the training console ("... epoch N/M  train ...  val ...")
  cat "$work/train.out" "$work/train.err" 2>/dev/null | grep -c 'epoch [0-9]*/[0-9]* .*val'
}

echo "training soak: charlm train at its defaults for $minutes min, a sample every $every s; then charlm sample of $sample_chars characters"
echo "CPU: $(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2 }'), $(nproc --all) CPUs; $(java -version 2>&1 | head -1)"
echo
echo "| minute | epochs done | resident MiB | heap in use after GC MiB | heap committed MiB | resident minus committed heap MiB |"
echo "|---|---|---|---|---|---|"
"${java_cmd[@]}" charlm train --budget "${minutes}m" --epochs 100000 --patience 100000 --output-dir "$work/model" \
  >"$work/train.out" 2>"$work/train.err" &
child=$!
start=$SECONDS rows=()
sleep 5
while kill -0 "$child" 2>/dev/null; do
  elapsed=$((SECONDS - start))
  read -r rss used committed <<<"$(sample "$child")" || break
  [[ -n "${rss:-}" ]] || break
  row "$elapsed" "$rss" "$used" "$committed" "$(updates)"
  rows+=("$elapsed $rss $used")
  sleep "$every"
done
wait "$child"; status=$?; child=""
((status == 0)) || { echo "error: charlm train failed (exit $status): $(tail -3 "$work/train.err")" >&2; exit 1; }
((${#rows[@]} >= 2)) || { echo "error: the training ended before two samples were taken" >&2; exit 1; }
warm=$((minutes * 60 / 4))
for r in "${rows[@]}"; do read -r t rss used <<<"$r"; ((t >= warm)) && { first_rss=$rss first_used=$used; break; }; done
read -r _ last_rss last_used <<<"${rows[-1]}"
echo
awk -v a="${first_rss:-0}" -v b="$last_rss" -v c="${first_used:-0}" -v d="$last_used" -v w="$warm" 'BEGIN {
  printf "training, after warm-up (from %d s): resident %+.1f MiB (%.1f -> %.1f), heap in use after GC %+.1f MiB (%.1f -> %.1f)\n", w, b - a, a, b, d - c, c, d }'
grep -E 'stopped|test' "$work/train.out" | tail -2

echo
echo "| second of sampling | resident MiB | heap in use after GC MiB | heap committed MiB |"
echo "|---|---|---|---|"
sample_start=$SECONDS
"${java_cmd[@]}" charlm sample --model "$work/model" --length "$sample_chars" --seed 7 >"$work/sample.out" 2>"$work/sample.err" &
child=$!
sleep 3
while kill -0 "$child" 2>/dev/null; do
  read -r rss used committed <<<"$(sample "$child")" || break
  [[ -n "${rss:-}" ]] || break
  printf '| %d | %s | %s | %s |\n' "$((SECONDS - sample_start))" "$rss" "$used" "$committed"
  sleep 5
done
wait "$child"; status=$?; child=""
((status == 0)) || { echo "error: charlm sample failed (exit $status): $(tail -3 "$work/sample.err")" >&2; exit 1; }
echo "sampling: $(wc -c <"$work/sample.out") bytes written in $((SECONDS - sample_start)) s (JVM start included); training stderr lines: $(grep -vc '^WARNING: Using incubator' "$work/train.err")"
