#!/usr/bin/env bash
# DL4J (rnn-suite's fast layers and the stock ones) against PyTorch on the same cases, machine and
# timing policy. For each thread count it runs `rnn-suite bench`, then, when a python3 with torch
# is found (`python3`, then /usr/bin/python3), scripts/bench/pytorch_reference.py, so that machine
# drift hits both alike; then it prints per case the best thread count's training ms/batch of DL4J
# fast, DL4J stock and PyTorch, and the ratios
#   PyTorch / DL4J fast  (throughput ratio: >= 1.0 means DL4J fast trains at least as fast as PyTorch)
#   stock / fast         (how many times faster the fast layers train than DL4J's stock ones).
# It installs nothing and builds nothing. Check that the machine is idle first (uptime).
#
# Usage: scripts/bench/compare.sh [--cases A,B] [--threads 1,2] [--repeats N] [--quick] [--output DIR]
#   (build first: ./mvnw -B -q package -DskipTests; default output reports/bench-compare)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cases=""; threads="1,2"; repeats=""; quick=""; out="reports/bench-compare"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cases) cases="${2:?--cases needs a value}"; shift 2 ;;
    --threads) threads="${2:?--threads needs a value}"; shift 2 ;;
    --repeats) repeats="${2:?--repeats needs a value}"; shift 2 ;;
    --quick) quick="--quick"; shift ;;
    --output|--output-dir) out="${2:?--output needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [[ ! "$threads" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]]; then
  echo "error: --threads expects thread counts like 1,2; got '$threads'" >&2
  exit 2
fi
if [[ ! -f "$here/examples/target/rnn-suite.jar" ]]; then
  echo "error: $here/examples/target/rnn-suite.jar not found; build first with: ./mvnw -B -q package -DskipTests" >&2
  exit 2
fi

# the exact cases (name=spec), resolved once by rnn-suite, so both sides run the same shapes
case_tokens="$("$here/scripts/rnn-suite" bench --list-cases ${cases:+--cases "$cases"} | paste -sd, -)"

python_torch=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import torch" >/dev/null 2>&1; then
    python_torch="$(command -v "$candidate")"
    break
  fi
done
if [[ -z "$python_torch" ]]; then
  echo "note: no python3 with torch found (tried python3, /usr/bin/python3): DL4J only" >&2
fi

mkdir -p "$out"
extra=()
[[ -n "$repeats" ]] && extra+=(--repeats "$repeats")
[[ -n "$quick" ]] && extra+=("$quick")
IFS=',' read -r -a thread_list <<<"$threads"
for n in "${thread_list[@]}"; do
  echo "== threads $n: DL4J (fast, stock)" >&2
  "$here/scripts/rnn-suite" bench --threads "$n" --cases "$case_tokens" --output "$out/dl4j-t$n" "${extra[@]}"
  if [[ -n "$python_torch" ]]; then
    echo "== threads $n: PyTorch ($python_torch)" >&2
    "$python_torch" "$here/scripts/bench/pytorch_reference.py" --threads "$n" --cases "$case_tokens" \
      --output "$out/pytorch-t$n" "${extra[@]}"
  fi
done

summary_python=""
for candidate in python3 /usr/bin/python3; do
  command -v "$candidate" >/dev/null 2>&1 && { summary_python="$candidate"; break; }
done
if [[ -z "$summary_python" ]]; then
  echo "no python3 for the summary; the tables are in $out/*/bench.md" >&2
  exit 0
fi
"$summary_python" - "$out" "$case_tokens" <<'PY'
import glob, json, os, sys

out, tokens = sys.argv[1], sys.argv[2]
order = [t.split("=", 1)[0] for t in tokens.split(",")]
best = {}   # (case, impl) -> (train_ms, threads)
loads = []
for path in sorted(glob.glob(os.path.join(out, "*-t*", "bench.json"))):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    machine = report.get("machine", {})
    for key in ("load_start", "load_end"):
        if machine.get(key):
            loads.append(machine[key][0])
    for r in report["results"]:
        if r.get("skipped") or r.get("train_ms") is None:
            continue
        key = (r["case_name"], r["impl"])
        if key not in best or r["train_ms"] < best[key][0]:
            best[key] = (r["train_ms"], r["threads"])

def ms(key):
    return "%.1f (%d)" % best[key] if key in best else "–"

def ratio(num, den):
    return "%.2f" % (best[num][0] / best[den][0]) if num in best and den in best else "–"

header = ["case", "DL4J fast ms (thr)", "DL4J stock ms (thr)", "PyTorch ms (thr)", "PyTorch/fast", "stock/fast"]
rows = [[c, ms((c, "fast")), ms((c, "stock")), ms((c, "pytorch")), ratio((c, "pytorch"), (c, "fast")),
         ratio((c, "stock"), (c, "fast"))] for c in order]
widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]
print()
print("training ms per batch at each side's best thread count (median of the repeats); ratios >= 1.0 favour DL4J fast")
for i, row in enumerate([header] + rows):
    print("  ".join(cell.ljust(widths[j]) if j == 0 else cell.rjust(widths[j]) for j, cell in enumerate(row)))
    if i == 0:
        print("-" * (sum(widths) + 2 * (len(widths) - 1)))
cores = os.cpu_count() or 1
if loads and max(loads) > 0.5 * cores:
    print("warning: 1-minute load average reached %.2f on %d cores during the runs: the figures are noisy" % (max(loads), cores))
md = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]
with open(os.path.join(out, "compare.md"), "w", encoding="utf-8") as f:
    f.write("\n".join(md) + "\n")
print("written: %s (per-run tables in %s/*/bench.md)" % (os.path.abspath(os.path.join(out, "compare.md")), out))
PY
