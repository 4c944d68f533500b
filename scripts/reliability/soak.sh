#!/usr/bin/env bash
# Soak: `rnn-suite serve` under a steady load for a while, sampling its memory. Trains four tiny models
# (char-LM, classifier, translator, forecaster) unless --models names a directory of models, starts
# the server on a free loopback port, and keeps two clients busy with the JSON API (char-LM sample,
# complete and predict, classify, translate, forecast) while it samples, every --every seconds, the
# server's resident memory (VmRSS), its heap in use after a full GC (jcmd GC.run, then GC.heap_info)
# and the rest of what it holds (resident minus committed heap: ND4J's off-heap buffers, code, stacks).
# Prints one row per sample, then the growth after warm-up (the first quarter of the run).
#
#   scripts/reliability/soak.sh                          # 10 minutes, a sample every 30 s
#   scripts/reliability/soak.sh --minutes 30 --every 60
#   scripts/reliability/soak.sh --models models --minutes 5
#
# Needs the built jar (./mvnw -B -q package -DskipTests), curl and the JDK's jcmd.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$here/examples/target/rnn-suite.jar"
[[ -f "$jar" ]] || { echo "error: $jar not found; build first with: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
minutes=10 every=30 models=""
while (($#)); do
  case "$1" in
    --minutes) minutes="${2:-}"; shift 2 ;;
    --every) every="${2:-}"; shift 2 ;;
    --models) models="${2:-}"; shift 2 ;;
    *) echo "error: unknown argument '$1': expected --minutes N, --every SECONDS or --models DIR" >&2; exit 2 ;;
  esac
done
[[ "$minutes" =~ ^[1-9][0-9]*$ && "$every" =~ ^[1-9][0-9]*$ ]] || { echo "error: --minutes and --every expect positive whole numbers" >&2; exit 2; }
for tool in curl jcmd; do command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; exit 2; }; done
work="$(mktemp -d "${TMPDIR:-/tmp}/rnn-suite-soak.XXXXXX")"
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
java_cmd=(java -Xmx2g --add-modules jdk.incubator.vector -Djava.awt.headless=true
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.nd4j=error -jar "$jar")

if [[ -z "$models" ]]; then
  models="$work/models"
  python3 - "$work" <<'EOF'
import random, sys
d = sys.argv[1]
r = random.Random(5)
good, bad = ["good", "fine", "great", "nice"], ["bad", "poor", "awful", "sad"]
with open(d + "/texts.csv", "w") as f:
    f.write("text,label\n")
    for i in range(120):
        w = good if i % 2 == 0 else bad
        f.write("the %s %s day,%s\n" % (r.choice(w), r.choice(w), "pos" if i % 2 == 0 else "neg"))
words = ["the ", "cat ", "sat ", "on ", "a ", "mat. ", "dogs ", "run "]
with open(d + "/corpus.txt", "w") as f:
    f.write("".join(r.choice(words) for _ in range(1500)))
EOF
  common=(--epochs 2 --seed 3 --threads 1)
  "${java_cmd[@]}" charlm train --text "$work/corpus.txt" --hidden 16 --sequence-length 20 --tbptt 10 --batch-size 8 \
    --max-batches 4 "${common[@]}" --output-dir "$models/charlm" >/dev/null 2>"$work/train.err" &&
  "${java_cmd[@]}" classify train --csv "$work/texts.csv" --hidden 8 --embedding-size 8 --min-count 1 --batch-size 8 \
    "${common[@]}" --output-dir "$models/classify" >/dev/null 2>>"$work/train.err" &&
  "${java_cmd[@]}" translate train --dataset numbers-en-fr --pairs-count 60 --hidden 8 --max-length 30 --attention \
    --max-batches 2 "${common[@]}" --output-dir "$models/translate" >/dev/null 2>>"$work/train.err" &&
  "${java_cmd[@]}" forecast train --dataset airpassengers --hidden 8 --max-batches 2 "${common[@]}" \
    --output-dir "$models/forecast" >/dev/null 2>>"$work/train.err" ||
    { echo "error: training the tiny models failed: $(tail -3 "$work/train.err")" >&2; exit 1; }
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${java_cmd[@]}" serve --models "$models" --reports "$work" --port "$port" >"$work/serve.out" 2>"$work/serve.err" &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 240); do curl -sf "$base/api/models" >/dev/null && break; sleep 0.5; done
curl -sf "$base/api/models" >"$work/models.json" || { echo "error: the server did not answer: $(tail -3 "$work/serve.err")" >&2; exit 1; }
names=$(python3 -c 'import json, sys; print(" ".join(m["name"] + ":" + m["app"] for m in json.load(open(sys.argv[1]))["models"]))' "$work/models.json")

client() { # runs requests until the file "$work/stop" appears; counts them in $work/count.N and errors in $work/errors.N
  local n=0 e=0 i=0 name app
  while [[ ! -e "$work/stop" ]]; do
    for entry in $names; do
      name="${entry%%:*}" app="${entry#*:}"
      case "$app" in
        char-lm*) bodies=("sample" '{"prime": "the ", "length": 200, "seed": '$i'}' "complete" '{"text": "the ca"}'
                          "predict" '{"inputs": ["the dog"]}') ;;
        text-classification*) bodies=("classify" '{"text": "the good fine day '$i'"}' "predict" '{"inputs": ["a bad day"]}') ;;
        seq2seq*) bodies=("translate" '{"sentence": "three hundred", "beam": 4}') ;;
        timeseries*) bodies=("forecast" '{"horizon": 12}') ;;
        *) bodies=("predict" '{"inputs": ["x"]}') ;;
      esac
      for ((k = 0; k < ${#bodies[@]}; k += 2)); do
        if curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d "${bodies[k + 1]}" \
            "$base/api/models/$name/${bodies[k]}"; then n=$((n + 1)); else e=$((e + 1)); fi
      done
      curl -sf -o /dev/null "$base/api/models" && n=$((n + 1)) || e=$((e + 1))
    done
    i=$((i + 1))
    echo "$n" >"$work/count.$1"; echo "$e" >"$work/errors.$1"
  done
}
client 1 & c1=$!
client 2 & c2=$!

sample() { # -> "resident_mib heap_used_mib heap_committed_mib"
  local rss info
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$server/status")
  jcmd "$server" GC.run >/dev/null 2>&1
  info=$(jcmd "$server" GC.heap_info 2>/dev/null | head -3 | tr '\n' ' ') # G1: "garbage-first heap total 262144K, used 51234K"
  awk -v rss="$rss" -v info="$info" 'BEGIN {
    match(info, /total [0-9]+K/); t = substr(info, RSTART + 6, RLENGTH - 7)
    match(info, /used [0-9]+K/); u = substr(info, RSTART + 5, RLENGTH - 6)
    printf "%.1f %.1f %.1f", rss / 1024, u / 1024, t / 1024 }'
}
total() { cat "$work"/$1.* 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; }

echo "soak: rnn-suite serve over $(wc -w <<<"$names") models ($names), 2 clients, $minutes min, a sample every $every s"
echo "CPU: $(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2 }'), $(getconf _NPROCESSORS_ONLN) CPUs; $(java -version 2>&1 | head -1)"
echo
echo "| minute | requests | errors | resident MiB | heap in use after GC MiB | heap committed MiB | resident minus committed heap MiB |"
echo "|---|---|---|---|---|---|---|"
start=$SECONDS rows=()
while true; do
  elapsed=$((SECONDS - start))
  read -r rss used committed <<<"$(sample)"
  row=$(printf '| %.1f | %s | %s | %s | %s | %s | %.1f |' "$(awk -v e="$elapsed" 'BEGIN { print e / 60 }')" \
    "$(total count)" "$(total errors)" "$rss" "$used" "$committed" "$(awk -v r="$rss" -v c="$committed" 'BEGIN { print r - c }')")
  echo "$row"; rows+=("$elapsed $rss $used")
  ((elapsed >= minutes * 60)) && break
  kill -0 "$server" 2>/dev/null || { echo "error: the server died: $(tail -3 "$work/serve.err")" >&2; exit 1; }
  sleep "$every"
done
touch "$work/stop"; wait "$c1" "$c2" 2>/dev/null
# growth after warm-up: from the first sample past a quarter of the run to the last
warm=$((minutes * 60 / 4))
for r in "${rows[@]}"; do read -r t rss used <<<"$r"; ((t >= warm)) && { first_rss=$rss first_used=$used; break; }; done
read -r _ last_rss last_used <<<"${rows[-1]}"
echo
awk -v a="$first_rss" -v b="$last_rss" -v c="$first_used" -v d="$last_used" -v w="$warm" 'BEGIN {
  printf "after warm-up (from %d s): resident %+.1f MiB (%.1f -> %.1f), heap in use after GC %+.1f MiB (%.1f -> %.1f)\n", w, b - a, a, b, d - c, c, d }'
echo "requests: $(total count), errors: $(total errors); server stderr lines: $(grep -vc '^WARNING: Using incubator' "$work/serve.err")"
