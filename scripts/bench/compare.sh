#!/usr/bin/env bash
# DL4J (rnn-suite's fast layers and the stock ones) against PyTorch on the same cases, machine and
# timing policy. For each thread count it runs `rnn-suite bench`, then scripts/bench/pytorch_reference.py
# with the Python given by --python (else the first of python3, /usr/bin/python3 that has torch), so
# that machine drift hits both alike; then it prints the torch build it measured (version, BLAS /
# oneDNN lines of torch.__config__.show(), torch.get_num_threads()) and per case the best thread
# count's figures of DL4J fast, DL4J stock and PyTorch with the ratios
#   training ms per batch:       PyTorch / fast (>= 1.0: DL4J fast trains at least as fast as PyTorch), stock / fast
#   B = 1 latency ms (forward):  PyTorch / fast (>= 1.0: DL4J fast answers at least as fast)
#   sampling chars/s (char-LM):  fast / PyTorch (>= 1.0: DL4J fast samples at least as fast)
# It installs nothing and builds nothing. Check that the machine is idle first (uptime).
#
# Usage: scripts/bench/compare.sh [--python PATH] [--cases A,B] [--threads 1,2] [--repeats N]
#          [--repeat-seconds S] [--sample-chars N] [--impls fast,stock] [--quick] [--output DIR]
#   (--impls fast leaves DL4J's stock layers out: about half the DL4J side's time, no stock / fast column)
#   (build first: ./mvnw -B -q package -DskipTests; default output reports/bench-compare;
#    docs/results/performance.md says how to make a Python environment with today's PyTorch)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cases=""; threads="1,2"; repeats=""; repeat_seconds=""; quick=""; out="reports/bench-compare"; python_arg=""; sample_chars=""; impls=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --python) python_arg="${2:?--python needs a path}"; shift 2 ;;
    --sample-chars) sample_chars="${2:?--sample-chars needs a value}"; shift 2 ;;
    --cases) cases="${2:?--cases needs a value}"; shift 2 ;;
    --impls) impls="${2:?--impls needs a value}"; shift 2 ;;
    --threads) threads="${2:?--threads needs a value}"; shift 2 ;;
    --repeats) repeats="${2:?--repeats needs a value}"; shift 2 ;;
    --repeat-seconds) repeat_seconds="${2:?--repeat-seconds needs a value}"; shift 2 ;;
    --quick) quick="--quick"; shift ;;
    --output|--output-dir) out="${2:?--output needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [[ ! "$threads" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]]; then
  echo "error: --threads expects thread counts like 1,2; got '$threads'" >&2
  exit 2
fi
if [[ -n "$repeat_seconds" && ! "$repeat_seconds" =~ ^[0-9]+(\.[0-9]+)?$ ]]; then
  echo "error: --repeat-seconds expects seconds like 0.5 (0: one call per repetition); got '$repeat_seconds'" >&2
  exit 2
fi
if [[ -n "$sample_chars" && ! "$sample_chars" =~ ^[0-9]+$ ]]; then
  echo "error: --sample-chars expects a number of characters (0 skips the sampling case); got '$sample_chars'" >&2
  exit 2
fi
if [[ -n "$python_arg" ]]; then
  if ! command -v "$python_arg" >/dev/null 2>&1; then
    echo "error: --python $python_arg: no such executable" >&2
    exit 2
  fi
  if ! "$python_arg" -c "import torch" >/dev/null 2>&1; then
    echo "error: --python $python_arg has no torch (\"$python_arg -c 'import torch'\" fails); see docs/results/performance.md" >&2
    exit 2
  fi
fi
if [[ ! -f "$here/examples/target/rnn-suite.jar" ]]; then
  echo "error: $here/examples/target/rnn-suite.jar not found; build first with: ./mvnw -B -q package -DskipTests" >&2
  exit 2
fi

# the exact cases (name=spec), resolved once by rnn-suite, so both sides run the same shapes
case_tokens="$("$here/scripts/rnn-suite" bench --list-cases ${cases:+--cases "$cases"} | paste -sd, -)"

python_torch=""
if [[ -n "$python_arg" ]]; then
  python_torch="$(command -v "$python_arg")"
else
  for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import torch" >/dev/null 2>&1; then
      python_torch="$(command -v "$candidate")"
      break
    fi
  done
  if [[ -z "$python_torch" ]]; then
    echo "note: no python3 with torch found (tried python3, /usr/bin/python3; see --python): DL4J only" >&2
  fi
fi

mkdir -p "$out"
extra=()
[[ -n "$repeats" ]] && extra+=(--repeats "$repeats")
[[ -n "$repeat_seconds" ]] && extra+=(--repeat-seconds "$repeat_seconds")
[[ -n "$quick" ]] && extra+=("$quick")
[[ -n "$sample_chars" ]] && extra+=(--sample-chars "$sample_chars")
dl4j_extra=()
[[ -n "$impls" ]] && dl4j_extra+=(--impls "$impls")
IFS=',' read -r -a thread_list <<<"$threads"
for n in "${thread_list[@]}"; do
  echo "== threads $n: DL4J (fast, stock)" >&2
  "$here/scripts/rnn-suite" bench --threads "$n" --cases "$case_tokens" --output "$out/dl4j-t$n" "${extra[@]}" "${dl4j_extra[@]}"
  if [[ -n "$python_torch" ]]; then
    echo "== threads $n: PyTorch ($python_torch)" >&2
    "$python_torch" "$here/scripts/bench/pytorch_reference.py" --threads "$n" --cases "$case_tokens" \
      --output "$out/pytorch-t$n" "${extra[@]}"
  fi
done

summary_python="$python_torch"
for candidate in ${python_torch:+"$python_torch"} python3 /usr/bin/python3; do
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
best = {}      # (case, impl) -> (train_ms, threads)
latency = {}   # (case, impl) -> (latency_ms, threads)
sampling = {}  # impl -> (chars_per_s, threads)
sampling_cpu = {}  # impl -> (chars_per_cpu_s, threads), one thread only
loads = []
steal = []     # seconds the host took for other guests during each side's run, where known
torch_build = None
for path in sorted(glob.glob(os.path.join(out, "*-t*", "bench.json"))):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    machine = report.get("machine", {})
    for key in ("load_start", "load_end"):
        if machine.get(key):
            loads.append(machine[key][0])
    if machine.get("steal_start") is not None and machine.get("steal_end") is not None:
        steal.append(max(0.0, machine["steal_end"] - machine["steal_start"]))
    if report.get("torch"):
        torch_build = report["torch"]
    for r in report["results"]:
        if r.get("skipped") or r.get("train_ms") is None:
            continue
        key = (r["case_name"], r["impl"])
        if key not in best or r["train_ms"] < best[key][0]:
            best[key] = (r["train_ms"], r["threads"])
        if r.get("latency_ms") is not None and (key not in latency or r["latency_ms"] < latency[key][0]):
            latency[key] = (r["latency_ms"], r["threads"])
    for r in report.get("sampling") or []:
        if r.get("skipped") or r.get("chars_per_s") is None:
            continue
        if r["impl"] not in sampling or r["chars_per_s"] > sampling[r["impl"]][0]:
            sampling[r["impl"]] = (r["chars_per_s"], r["threads"])
        if r["threads"] == 1 and r.get("chars_per_cpu_s"):
            sampling_cpu[r["impl"]] = (r["chars_per_cpu_s"], 1)

def cell(table, key, digits=1):
    return ("%.*f (%d)" % (digits, table[key][0], table[key][1])) if key in table else "–"

def ratio(table, num, den):
    return "%.2f" % (table[num][0] / table[den][0]) if num in table and table.get(den) and table[den][0] > 0 else "–"

def show(title, header, rows, name):
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) if rows else len(header[i]) for i in range(len(header))]
    print()
    print(title)
    for i, row in enumerate([header] + rows):
        print("  ".join(c.ljust(widths[j]) if j == 0 else c.rjust(widths[j]) for j, c in enumerate(row)))
        if i == 0:
            print("-" * (sum(widths) + 2 * (len(widths) - 1)))
    return ["", "**" + title + "**", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + \
           ["| " + " | ".join(r) + " |" for r in rows]

md = []
if torch_build:
    print()
    print("PyTorch side: torch %s; torch.get_num_threads() %s by default, per measuring process (threads: value) %s" % (
        torch_build["version"], torch_build.get("num_threads_default"),
        ", ".join("%s: %s" % kv for kv in sorted(torch_build.get("num_threads_by_process", {}).items()))))
    md.append("- PyTorch side: torch %s; torch.get_num_threads() per measuring process (threads: value) %s" % (
        torch_build["version"], ", ".join("%s: %s" % kv for kv in sorted(torch_build.get("num_threads_by_process", {}).items()))))
    for line in torch_build.get("config", []):
        print("  " + line)
        md.append("- `" + line + "`")
    print("  torch.backends: mkl %s, mkldnn (oneDNN) %s" % (torch_build.get("mkl_available"), torch_build.get("mkldnn_available")))

header = ["case", "DL4J fast ms (thr)", "DL4J stock ms (thr)", "PyTorch ms (thr)", "PyTorch/fast", "stock/fast"]
rows = [[c, cell(best, (c, "fast")), cell(best, (c, "stock")), cell(best, (c, "pytorch")),
         ratio(best, (c, "pytorch"), (c, "fast")), ratio(best, (c, "stock"), (c, "fast"))] for c in order]
md += show("training ms per batch at each side's best thread count (median of the repeats); ratios >= 1.0 favour DL4J fast",
           header, rows, "train")
header = ["case", "DL4J fast ms (thr)", "DL4J stock ms (thr)", "PyTorch ms (thr)", "PyTorch/fast"]
rows = [[c, cell(latency, (c, "fast"), 2), cell(latency, (c, "stock"), 2), cell(latency, (c, "pytorch"), 2),
         ratio(latency, (c, "pytorch"), (c, "fast"))] for c in order]
md += show("B = 1 latency ms, one sequence forward only, best thread count (median); PyTorch/fast >= 1.0 favours DL4J fast",
           header, rows, "latency")
if sampling:
    header = ["case", "impl", "chars/s (thr)", "fast / this", "chars/CPU-s (1 thr)", "fast / this, CPU"]
    impls = [i for i in ("fast", "fast-rnntimestep", "stock", "pytorch") if i in sampling] + \
            sorted(i for i in sampling if i not in ("fast", "fast-rnntimestep", "stock", "pytorch"))
    rows = [["sample-charlm", i, cell(sampling, i, 0), ratio(sampling, "fast", i), cell(sampling_cpu, i, 0),
             ratio(sampling_cpu, "fast", i)] for i in impls]
    md += show("char-LM sampling, characters per second (median), best thread count; fast / pytorch >= 1.0 favours DL4J fast",
               header, rows, "sampling")
cores = os.cpu_count() or 1
if loads and max(loads) > 0.5 * cores:
    warning = "warning: 1-minute load average reached %.2f on %d cores during the runs: the figures are noisy" % (max(loads), cores)
    print(warning)
    md.append("")
    md.append("- " + warning)
if steal:
    line = ("host steal during the runs: %.1f s in all over %d processes (/proc/stat; each process's report warns above 5 s)"
            % (sum(steal), len(steal)))
    print(line)
    md.append("")
    md.append("- " + line)
with open(os.path.join(out, "compare.md"), "w", encoding="utf-8") as f:
    f.write("\n".join(md).lstrip("\n") + "\n")
print("written: %s (per-run tables in %s/*/bench.md)" % (os.path.abspath(os.path.join(out, "compare.md")), out))
PY
