#!/usr/bin/env bash
# Data-parallel training figures on one machine (docs/results/scale-out.md):
#   [RUNS="local 1:4 2:1 2:4 2:16"] [CHARACTERS=20000] scripts/bench/scale-out.sh [extra charlm train flags...]
# starts a Spark standalone cluster here (a master and two workers, separate JVMs on 127.0.0.1,
# one core and 1 GB each), then trains the same char-LM in this process and on the cluster with 1 and
# 2 workers and several averaging frequencies, and prints one row per run: seconds, sequences per
# second, test bits per character, rounds, state bytes per round, where the minibatches came from
# and the data bytes per round (from each run.json). A run W:K has the workers read their own
# ranges of the text file; W:K:driver has the driver build and send the minibatches instead. Every
# process it starts is ended on exit. Build first with ./mvnw -B -q package -DskipTests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lib="$here/examples/target/lib"
[[ -d "$lib" ]] || { echo "error: $lib not found; build first with: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
out="$(mktemp -d "${TMPDIR:-/tmp}/scale-out.XXXXXX")"
mkdir -p "$out/spark-home/jars"
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens+=" --add-opens=java.base/$p=ALL-UNNAMED"
done
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for pid in "${pids[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM
start_jvm() { # name main-class args...
  local name="$1"; shift
  # shellcheck disable=SC2086
  SPARK_HOME="$out/spark-home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 OMP_NUM_THREADS=1 \
    java -Xmx384m $opens -cp "$lib/*" "$@" > "$out/$name.log" 2>&1 &
  pids+=($!)
}
port=$(free_port); ui=$(free_port)
start_jvm master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$ui"
for w in 1 2; do
  mkdir -p "$out/work-$w"
  start_jvm "worker-$w" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port "$(free_port)" \
    --cores 1 --memory 1g --work-dir "$out/work-$w" "spark://127.0.0.1:$port"
done
for _ in $(seq 120); do
  alive=$(curl -s "http://127.0.0.1:$ui/json/" | sed -n 's/.*"aliveworkers" *: *\([0-9]*\).*/\1/p' || true)
  [[ "${alive:-0}" -ge 2 ]] && break
  sleep 0.5
done
[[ "${alive:-0}" -ge 2 ]] || { echo "error: the cluster did not come up (logs in $out)" >&2; exit 1; }

cores="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)"
echo "machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $cores cores, load average $(cut -d' ' -f1 /proc/loadavg)"
# a generated word text (20,000 characters), so that loading and the n-gram baselines cost little
python3 -c '
import random, sys
words = "the cat sat on a mat and dog ran to its bed".split()
r = random.Random(1); s = ""
while len(s) < int(sys.argv[2]): s += r.choice(words) + (".\n" if r.randrange(8) == 0 else " ")
open(sys.argv[1], "w").write(s)' "$out/words.txt" "${CHARACTERS:-20000}"
common=(--text "$out/words.txt" --cell lstm --hidden 64 --layers 1 --sequence-length 32 --tbptt 32 --batch-size 16
  --max-batches 32 --epochs 1 --learning-rate 0.01 "$@")
export RNN_SUITE_JAVA_OPTS="-Xmx3g -Dspark.executor.memory=768m"
printf '| run | seconds | sequences/s | test bits/char | rounds | state bytes per round | data | data bytes per round |\n|---|---|---|---|---|---|---|---|\n'
row() { # label dir
  python3 - "$1" "$2/run.json" <<'PY'
import json, sys
label, path = sys.argv[1], sys.argv[2]
r = json.load(open(path)); t = r["training"]; c = t.get("cluster", {})
print(f"| {label} | {r['timings']['training']:.1f} | {t['sequences_per_second']:.1f} | {r['metrics']['bits_per_char']:.3f} "
      f"| {c.get('rounds', '–')} | {c.get('bytes_per_round', '–')} | {c.get('data', '–')} | {c.get('data_bytes_per_round', '–')} |")
PY
}
run() { # label java-opts flags...
  local label="$1" opts="$2"; shift 2
  local dir="$out/model-${label//[^a-zA-Z0-9]/_}"
  RNN_SUITE_JAVA_OPTS="$RNN_SUITE_JAVA_OPTS $opts" \
    "$here/scripts/rnn-suite" charlm train "${common[@]}" "$@" --output-dir "$dir" > "$dir.stdout" 2> "$dir.stderr" \
    || { echo "| $label | failed: $(tail -n 1 "$dir.stderr") |"; return; }
  row "$label" "$dir"
}
# RUNS: the cluster runs as WORKERS:K pairs; "local" is the run in this process
for spec in ${RUNS:-local 1:4 2:1 2:4 2:16}; do
  if [[ "$spec" == local ]]; then run "this process" ""; continue; fi
  IFS=: read -r w k from <<< "$spec"
  if [[ "${from:-}" == driver ]]; then
    run "cluster, $w worker(s), K=$k, driver sends data" "-Dspark.rnnsuite.workersReadData=false" \
      --spark "spark://127.0.0.1:$port" --workers "$w" --averaging-frequency "$k"
  else
    run "cluster, $w worker(s), K=$k" "" --spark "spark://127.0.0.1:$port" --workers "$w" --averaging-frequency "$k"
  fi
done
echo "(outputs in $out)"
