#!/usr/bin/env python3
"""PyTorch reference for `rnn-suite bench`: the same cases, network and timing policy, same JSON.

Network (mirrors io.rnnsuite.examples.bench.RecurrentBenchmark): input [T, B, I] (PyTorch's native
sequence-first layout) -> nn.LSTM / nn.GRU / nn.RNN(tanh) with the case's layers and directions ->
nn.Linear to 8 outputs per step (identity) -> mean squared error against fixed targets; float32,
Adam (learning rate 1e-3), no clipping, no dropout. Inputs and targets are fixed uniform random
tensors, so the work per batch does not depend on the weights (no early exits, no data-dependent
branches).

Policy: per case, `--warmup` untimed training batches (and inference calls), continued until at least
`--warmup-seconds` have passed (as `rnn-suite bench`, whose JVM needs the time to compile), then `--repeats` timed
repetitions of training batches, inference batches and single-sequence (B = 1) inferences; each repetition repeats
its call until at least `--repeat-seconds` have passed and counts the mean per call; figures are the medians of
the repetitions.
Each thread count runs in its own process started with OMP_NUM_THREADS / OPENBLAS_NUM_THREADS /
MKL_NUM_THREADS set (a pthread OpenBLAS fixes its threads at start-up) and calls
torch.set_num_threads(n). The matrix-product peak is the best of several n x n x n torch.mm calls
in the same process.

Sampling (`--sample-chars N`, default 500, 0 skips it; mirrors io.rnnsuite.examples.bench.SamplingBenchmark):
the char-LM's default model, nn.LSTM(108, 128, 2 layers) -> nn.Linear(128, 108) -> softmax, untrained; one
repetition feeds a prime of 16 one-hot characters as one sequence, then draws N characters one step at a time
(torch.multinomial at temperature 1, each fed back as a one-hot step) under torch.inference_mode(), the plain
eager loop a PyTorch user writes; chars/s = N / time of the whole repetition, median of the repeats.

The report records torch's version, the BLAS / LAPACK / MKL / oneDNN / OpenMP lines of
torch.__config__.show() and torch.get_num_threads() in each measuring process.

Usage:
  python3 scripts/bench/pytorch_reference.py [--cases lstm-h128,bilstm:64x100x128x128]
      [--threads 1,2] [--repeats 7] [--repeat-seconds 0.5] [--warmup 2] [--warmup-seconds 3] [--sample-chars 500] [--quick] [--output reports/bench-pytorch]
Cases are the built-in names of `rnn-suite bench --list-cases` or [name=]variant:BxTxIxH[xLAYERS].
Writes DIR/bench.json (schema rnn-suite-bench/1, as `rnn-suite bench`) and DIR/bench.md.
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

SCHEMA = "rnn-suite-bench/1"
OUTPUTS = 8
LEARNING_RATE = 1e-3
SEED = 42

# The same built-ins as BenchCase.builtIns() (`rnn-suite bench --list-cases` prints them).
BUILT_INS = [
    "lstm-h128=lstm:64x100x128x128",
    "lstm2-h200=lstm:32x50x77x200x2",
    "lstm-h512=lstm:64x100x512x512",
    "bilstm-h128=bilstm:64x100x128x128",
    "rnn-h512=simple_rnn:64x100x512x512",
    "gru-h128=gru:64x100x128x128",
    "app-forecast=lstm:16x24x1x32",
    "app-classify=lstm:32x40x64x64",
    "app-charlm=lstm:32x50x108x128x2",
    "app-seq2seq-encoder=lstm:32x60x22x96",
]

# The sampling case of SamplingBenchmark: CharLmConfig.defaults() over europarl-en's vocabulary.
SAMPLE_NAME = "sample-charlm"
SAMPLE_VOCABULARY = 108
SAMPLE_HIDDEN = 128
SAMPLE_LAYERS = 2
SAMPLE_PRIME = 16

SPEC = re.compile(r"(?:([A-Za-z0-9_.:-]+)=)?([A-Za-z_]+):(\d+)x(\d+)x(\d+)x(\d+)(?:x(\d+))?$")
CELL_NAMES = {"simple_rnn": "simple_rnn", "simplernn": "simple_rnn", "rnn": "simple_rnn", "lstm": "lstm", "gru": "gru"}
GATE_BLOCKS = {"simple_rnn": 1, "gru": 3, "lstm": 4}
TRAINING_FACTOR = 3.0


class UserError(Exception):
    """A mistake in the command line: reported as one line, exit code 2."""


def parse_case(token):
    """A built-in name or [name=]variant:BxTxIxH[xLAYERS] -> dict describing the case."""
    text = token.strip()
    if ":" not in text:
        for builtin in BUILT_INS:
            if builtin.split("=", 1)[0].lower() == text.lower():
                return parse_case(builtin)
    m = SPEC.match(text)
    if not m:
        raise UserError("unknown benchmark case '%s': expected a built-in name (%s) or [name=]variant:BxTxIxH[xLAYERS]"
                        % (token, ", ".join(b.split("=", 1)[0] for b in BUILT_INS)))
    variant = m.group(2).lower().replace("-", "_")
    bidirectional = variant.startswith("bi") and variant != "bi"
    cell = CELL_NAMES.get(variant[2:].lstrip("_") if bidirectional else variant)
    if cell is None:
        raise UserError("unknown cell type in case '%s': expected simple_rnn, lstm or gru, optionally prefixed by bi" % token)
    batch, steps, inputs, hidden = (int(m.group(i)) for i in range(3, 7))
    layers = int(m.group(7)) if m.group(7) else 1
    if min(batch, steps, inputs, hidden, layers) < 1:
        raise UserError("case '%s': batch, steps, inputs, hidden and layers must be at least 1" % token)
    spec = "%s:%dx%dx%dx%d%s" % (("bi" if bidirectional else "") + cell, batch, steps, inputs, hidden,
                                 "x%d" % layers if layers > 1 else "")
    return {"name": m.group(1) or spec, "spec": spec, "cell": cell, "bidirectional": bidirectional, "layers": layers,
            "batch": batch, "steps": steps, "inputs": inputs, "hidden": hidden}


def forward_flops_per_batch(case):
    """Matrix-product FLOPs of one forward pass: 2*G*H*(I+H) per sample, step, direction and layer."""
    directions = 2 if case["bidirectional"] else 1
    out_size = directions * case["hidden"]
    h = case["hidden"]
    per_step = 0.0
    for layer in range(case["layers"]):
        layer_inputs = case["inputs"] if layer == 0 else out_size
        per_step += directions * 2.0 * GATE_BLOCKS[case["cell"]] * h * (layer_inputs + h)
    return per_step * case["batch"] * case["steps"]


def machine_info():
    cpu = platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    import torch
    return {"cores": os.cpu_count(), "cpu": cpu, "os": "%s %s" % (platform.system(), platform.release()),
            "runtime": "Python %s, torch %s" % (platform.python_version(), torch.__version__),
            "vector_api": None, "load_start": load_average(), "load_end": None,
            "steal_start": steal_seconds(), "steal_end": None}


BUILD_KEYS = ("BLAS_INFO", "LAPACK_INFO", "USE_MKL", "USE_MKLDNN", "USE_OPENMP", "CXX_COMPILER")


def torch_build():
    """torch's version and the lines of torch.__config__.show() that say which BLAS, MKL, oneDNN and OpenMP it runs."""
    import torch
    lines = []
    for raw in torch.__config__.show().splitlines():
        line = raw.strip().lstrip("- ").strip()
        if line.startswith("Build settings:"):
            settings = [item.strip() for item in line[len("Build settings:"):].split(",")]
            kept = [item for item in settings if item.split("=", 1)[0] in BUILD_KEYS]
            if kept:
                lines.append("Build settings: " + ", ".join(kept))
        elif re.search(r"BLAS|LAPACK|MKL|Math Kernel|oneDNN|DNN|OpenMP|CPU capability", line):
            lines.append(line)
    return {"version": torch.__version__, "config": lines,
            "mkl_available": bool(torch.backends.mkl.is_available()),
            "mkldnn_available": bool(torch.backends.mkldnn.is_available()),
            "num_threads_default": torch.get_num_threads(), "num_threads_by_process": {}}


def load_average():
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (OSError, AttributeError):
        return None


NOISY_STEAL_SECONDS = 5.0  # as rnn-suite bench (MachineInfo.NOISY_STEAL_SECONDS)


def steal_seconds():
    """Seconds the host gave the cores' time to other guests since boot (steal, /proc/stat); None if unknown."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()
        return int(fields[8]) / 100.0 if fields and fields[0] == "cpu" and len(fields) > 8 else None
    except (OSError, ValueError):
        return None


def stolen(machine):
    start, end = machine.get("steal_start"), machine.get("steal_end")
    return None if start is None or end is None else max(0.0, end - start)


def loads(values):
    return "unknown" if not values else " ".join("%.2f" % v for v in values)


def noise_warning(machine):
    loads = [l[0] for l in (machine.get("load_start"), machine.get("load_end")) if l]
    cores = machine.get("cores") or 1
    if loads and max(loads) > 0.5 * cores:
        return ("warning: 1-minute load average %.2f on %d cores (above %.1f): other processes compete for the cores "
                "and these figures will be noisy; measure on an idle machine" % (max(loads), cores, 0.5 * cores))
    taken = stolen(machine)
    if taken is not None and taken > NOISY_STEAL_SECONDS:
        return ("warning: the host took %.1f s of the cores' time for other guests during the run (steal in /proc/stat, "
                "above %.0f s): these figures are noisy" % (taken, NOISY_STEAL_SECONDS))
    return None


def gemm_peak(n, repeats):
    """Best GFLOP/s of an n x n x n float32 torch.mm (the first call untimed)."""
    import torch
    a = torch.rand(n, n)
    b = torch.rand(n, n)
    c = torch.empty(n, n)
    best = 0.0
    for i in range(repeats + 1):
        start = time.perf_counter()
        torch.mm(a, b, out=c)
        seconds = time.perf_counter() - start
        if i > 0:
            best = max(best, 2.0 * n ** 3 / seconds / 1e9)
    return best


def build(case):
    import torch
    from torch import nn

    class BenchNet(nn.Module):
        def __init__(self):
            super().__init__()
            kinds = {"lstm": nn.LSTM, "gru": nn.GRU, "simple_rnn": nn.RNN}
            kwargs = dict(input_size=case["inputs"], hidden_size=case["hidden"], num_layers=case["layers"],
                          bidirectional=case["bidirectional"], batch_first=False)
            if case["cell"] == "simple_rnn":
                kwargs["nonlinearity"] = "tanh"
            self.rnn = kinds[case["cell"]](**kwargs)
            self.head = nn.Linear(case["hidden"] * (2 if case["bidirectional"] else 1), OUTPUTS)

        def forward(self, x):
            out, _ = self.rnn(x)
            return self.head(out)

    torch.manual_seed(SEED)
    return BenchNet().float()


def ms_per_call(fn, min_seconds):
    """Milliseconds per call of fn, called at least once and until min_seconds have passed."""
    start = time.perf_counter()
    calls = 0
    while True:
        fn()
        calls += 1
        now = time.perf_counter()
        if now - start >= min_seconds:
            return (now - start) * 1e3 / calls


def run_case(case, warmup, warmup_seconds, repeats, repeat_seconds, threads, peak):
    import torch
    torch.manual_seed(SEED)
    x = torch.rand(case["steps"], case["batch"], case["inputs"])
    y = torch.rand(case["steps"], case["batch"], OUTPUTS)
    single = x[:, :1, :].contiguous()
    model = build(case)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    loss_fn = torch.nn.MSELoss()

    def train():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    def infer(inputs):
        with torch.no_grad():
            model(inputs)

    warm_until = time.perf_counter() + warmup_seconds
    done = 0
    while done < max(1, warmup) or time.perf_counter() < warm_until:
        train()
        infer(x)
        infer(single)
        done += 1
    train_ms = statistics.median([ms_per_call(train, repeat_seconds) for _ in range(repeats)])
    infer_ms = statistics.median([ms_per_call(lambda: infer(x), repeat_seconds) for _ in range(repeats)])
    latency_ms = statistics.median([ms_per_call(lambda: infer(single), repeat_seconds) for _ in range(repeats)])
    train_gflop = TRAINING_FACTOR * forward_flops_per_batch(case) / 1e9
    train_gflops = train_gflop / (train_ms / 1e3)
    return {"case_name": case["name"], "spec": case["spec"], "cell": case["cell"], "bidirectional": case["bidirectional"],
            "layers": case["layers"], "batch": case["batch"], "steps": case["steps"], "inputs": case["inputs"],
            "hidden": case["hidden"], "outputs": OUTPUTS, "impl": "pytorch", "threads": threads,
            "train_ms": train_ms, "infer_ms": infer_ms, "latency_ms": latency_ms,
            "train_seq_per_s": case["batch"] / (train_ms / 1e3),
            "train_steps_per_s": case["batch"] * case["steps"] / (train_ms / 1e3),
            "infer_seq_per_s": case["batch"] / (infer_ms / 1e3),
            "train_gflop_per_batch": train_gflop, "train_gflops": train_gflops, "peak_gflops": peak,
            "peak_share": train_gflops / peak, "peak_memory_mib": None, "skipped": None}


def run_sampling(characters, warmup, repeats, threads):
    """chars/s of the plain eager sampling loop over the char-LM default model (see the module comment)."""
    import torch
    from torch import nn
    torch.manual_seed(SEED)
    rnn = nn.LSTM(SAMPLE_VOCABULARY, SAMPLE_HIDDEN, SAMPLE_LAYERS).float().eval()
    head = nn.Linear(SAMPLE_HIDDEN, SAMPLE_VOCABULARY).float().eval()
    prime = [1 + (i * 7) % (SAMPLE_VOCABULARY - 1) for i in range(SAMPLE_PRIME)]

    def sample(seed):
        generator = torch.Generator().manual_seed(seed)
        with torch.inference_mode():
            x = torch.zeros(len(prime), 1, SAMPLE_VOCABULARY)
            for t, symbol in enumerate(prime):
                x[t, 0, symbol] = 1.0
            out, state = rnn(x)
            p = torch.softmax(head(out[-1, 0]), dim=-1)
            step = torch.zeros(1, 1, SAMPLE_VOCABULARY)
            for _ in range(characters):
                symbol = int(torch.multinomial(p, 1, generator=generator))
                step.zero_()
                step[0, 0, symbol] = 1.0
                out, state = rnn(step, state)
                p = torch.softmax(head(out[0, 0]), dim=-1)

    for w in range(max(1, warmup)):
        sample(w)
    rates = []
    cpu_rates = []
    for r in range(repeats):
        cpu_start = time.thread_time()
        start = time.perf_counter()
        sample(100 + r)
        rates.append(characters / (time.perf_counter() - start))
        cpu_rates.append(characters / max(1e-9, time.thread_time() - cpu_start))
    rate = statistics.median(rates)
    spec = "lstm:1x%dx%dx%dx%d" % (characters, SAMPLE_VOCABULARY, SAMPLE_HIDDEN, SAMPLE_LAYERS)
    return {"case_name": SAMPLE_NAME, "spec": spec, "impl": "pytorch", "threads": threads, "characters": characters,
            "chars_per_s": rate, "ms_per_char": 1000.0 / rate, "chars_per_cpu_s": statistics.median(cpu_rates), "skipped": None}


NOTES = [
    "network: input [T, B, I] -> nn.LSTM/nn.GRU/nn.RNN(tanh) -> nn.Linear to %d outputs per step (identity, MSE); "
    "float32, Adam 1e-3, no clipping, no dropout; fixed random inputs" % OUTPUTS,
    "train = forward + backward + Adam update of one batch; infer = one batch under torch.no_grad(); "
    "latency = inference of one sequence (B = 1); all medians of the timed repetitions",
    "credited FLOPs (matrix products only) per sample, step, direction and layer: forward 2*G*H*(I+H) with "
    "G = 1 (RNN), 3 (GRU), 4 (LSTM); training = 3 x forward (credited: the input tensor needs no gradient, so "
    "autograd computes none for it, as the fast layers compute none for their network's features)",
    "% peak = training GFLOP/s / the best GFLOP/s of an n x n x n torch.mm in the same process and threads",
    "peak memory is not measured for PyTorch (null)",
    "%s: the char-LM default model (nn.LSTM(%d, %d, %d layers) -> nn.Linear -> softmax, untrained), a prime of %d "
    "one-hot characters as one sequence, then the drawn characters (torch.multinomial, temperature 1) one step each "
    "under torch.inference_mode(); chars/s = drawn characters / time of the whole loop, median of the repetitions "
    "(chars/CPU-s: over the main thread's CPU time, time.thread_time(), instead)"
    % (SAMPLE_NAME, SAMPLE_VOCABULARY, SAMPLE_HIDDEN, SAMPLE_LAYERS, SAMPLE_PRIME),
]


def fmt(value):
    """Four significant digits, like MarkdownTable.number."""
    if value is None:
        return "–"
    a = abs(value)
    if a != 0 and (a >= 1e6 or a < 1e-3):
        return "%.3e" % value
    if a >= 1000:
        return "%.1f" % value
    return "%.4g" % value


def table_rows(results):
    header = ["case", "shape", "impl", "thr", "train ms", "seq/s", "steps/s", "infer ms", "B=1 ms", "GFLOP/s", "% peak",
              "peak GFLOP/s"]
    rows = []
    for r in results:
        share = None if r["peak_share"] is None else 100 * r["peak_share"]
        rows.append([r["case_name"], r["spec"], r["impl"], str(r["threads"])] + [fmt(v) for v in (
            r["train_ms"], r["train_seq_per_s"], r["train_steps_per_s"], r["infer_ms"], r["latency_ms"],
            r["train_gflops"], share, r["peak_gflops"])])
    return header, rows


def text_table(results):
    header, rows = table_rows(results)
    widths = [max(len(header[c]), *(len(row[c]) for row in rows)) if rows else len(header[c]) for c in range(len(header))]
    lines = []
    for i, row in enumerate([header] + rows):
        lines.append("  ".join(cell.ljust(widths[c]) if c < 4 else cell.rjust(widths[c]) for c, cell in enumerate(row)).rstrip())
        if i == 0:
            lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
    return "\n".join(lines) + "\n"


def sampling_rows(sampling):
    header = ["case", "shape", "impl", "thr", "chars/s", "ms/char", "chars/CPU-s"]
    return header, [[r["case_name"], r["spec"], r["impl"], str(r["threads"]), fmt(r["chars_per_s"]), fmt(r["ms_per_char"]),
                     fmt(r.get("chars_per_cpu_s"))] for r in sampling]


def plain_table(header, rows, left):
    widths = [max(len(header[c]), *(len(row[c]) for row in rows)) if rows else len(header[c]) for c in range(len(header))]
    lines = []
    for i, row in enumerate([header] + rows):
        lines.append("  ".join(cell.ljust(widths[c]) if c < left else cell.rjust(widths[c]) for c, cell in enumerate(row)).rstrip())
        if i == 0:
            lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
    return "\n".join(lines) + "\n"


def build_lines(build):
    lines = ["torch %s; torch.get_num_threads(): %s by default, %s in the measuring processes (threads: value)" % (
        build["version"], build["num_threads_default"],
        ", ".join("%s: %s" % kv for kv in sorted(build["num_threads_by_process"].items())) or "none yet")]
    lines += ["torch.__config__: " + line for line in build["config"]]
    lines.append("torch.backends: mkl %s, mkldnn (oneDNN) %s" % (
        "available" if build["mkl_available"] else "not available",
        "available" if build["mkldnn_available"] else "not available"))
    return lines


def markdown(report):
    header, rows = table_rows(report["results"])
    machine = report["machine"]
    md = ["# PyTorch reference for rnn-suite bench", "",
          "- date: " + report["date"],
          "- machine: %s cores, %s; %s; %s; load average %s at start, %s at end%s" % (
              machine["cores"], machine["cpu"], machine["os"], machine["runtime"], loads(machine["load_start"]),
              loads(machine["load_end"]),
              "" if stolen(machine) is None else "; host steal %.1f s during the run" % stolen(machine)),
          "- settings: warm-up %d batches and at least %.1f s, repeats %d of at least %.2f s each%s" % (
              report["settings"]["warmup"], report["settings"].get("warmup_seconds", 0), report["settings"]["repeats"],
              report["settings"].get("repeat_seconds", 0),
                                                   " (--quick: figures are meaningless)" if report["settings"]["quick"] else "")]
    warning = noise_warning(machine)
    if warning:
        md.append("- **%s**" % warning)
    md += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    md += ["| " + " | ".join(row) + " |" for row in rows]
    md.append("")
    if report["sampling"]:
        header, rows = sampling_rows(report["sampling"])
        md += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        md += ["| " + " | ".join(row) + " |" for row in rows]
        md.append("")
    md += ["- " + line for line in build_lines(report["torch"])]
    md += ["- " + note for note in report["notes"]]
    return "\n".join(md) + "\n"


def write_atomically(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix="." + os.path.basename(path), suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def work(args, cases, settings):
    """One thread count in this process; rows go to --worker-output."""
    import torch
    n = settings["threads"][0]
    torch.set_num_threads(n)
    peak = gemm_peak(settings["gemm_size"], 2 if settings["quick"] else 5)
    print("threads %d: torch.mm %d^3 peak %.1f GFLOP/s" % (n, settings["gemm_size"], peak), file=sys.stderr, flush=True)
    print("threads %d: torch.get_num_threads() = %d" % (n, torch.get_num_threads()), file=sys.stderr, flush=True)
    rows = []
    for case in cases:
        row = run_case(case, settings["warmup"], settings["warmup_seconds"], settings["repeats"], settings["repeat_seconds"],
                       n, peak)
        print("threads %d: %s (%s): train %.1f ms, infer %.1f ms, B=1 %.2f ms" % (
            n, case["name"], case["spec"], row["train_ms"], row["infer_ms"], row["latency_ms"]), file=sys.stderr, flush=True)
        rows.append(row)
    sampling = []
    if settings["sample_chars"] > 0:
        row = run_sampling(settings["sample_chars"], settings["warmup"], settings["repeats"], n)
        print("threads %d: %s (%s): %.0f chars/s" % (n, SAMPLE_NAME, row["spec"], row["chars_per_s"]),
              file=sys.stderr, flush=True)
        sampling.append(row)
    write_atomically(args.worker_output, json.dumps({"results": rows, "sampling": sampling,
                                                     "num_threads": torch.get_num_threads()}))
    return 0


def coordinate(args, cases, settings):
    """One child process per thread count, then the table and the files."""
    date = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
    machine = machine_info()
    build = torch_build()
    print("machine: %s cores, %s; %s; %s; load average %s at start" % (
        machine["cores"], machine["cpu"], machine["os"], machine["runtime"], loads(machine["load_start"])), flush=True)
    for line in build_lines(build)[1:]:
        print(line, flush=True)
    warning = noise_warning(machine)
    if warning:
        print(warning, flush=True)
    results = []
    sampling = []
    report = None
    for n in settings["threads"]:
        fd, rows_file = tempfile.mkstemp(prefix="rnn-suite-pytorch-%d-" % n, suffix=".json")
        os.close(fd)
        try:
            env = dict(os.environ, OMP_NUM_THREADS=str(n), OPENBLAS_NUM_THREADS=str(n), MKL_NUM_THREADS=str(n))
            command = [sys.executable, os.path.abspath(__file__), "--worker-output", rows_file, "--threads", str(n),
                       "--cases", ",".join(c["name"] + "=" + c["spec"] for c in cases),
                       "--warmup", str(settings["warmup"]),
                       "--warmup-seconds", str(settings["warmup_seconds"]), "--repeats", str(settings["repeats"]),
                       "--repeat-seconds", str(settings["repeat_seconds"]), "--sample-chars", str(settings["sample_chars"])]
            if settings["quick"]:
                command.append("--quick")
            print("threads %d: %d cases in a child process" % (n, len(cases)), file=sys.stderr, flush=True)
            code = subprocess.call(command, env=env)
            if code != 0:
                print("error: the PyTorch benchmark process for %d thread(s) failed with exit code %d" % (n, code),
                      file=sys.stderr)
                return 1
            with open(rows_file, encoding="utf-8") as f:
                child = json.load(f)
            results += child["results"]
            sampling += child["sampling"]
            build["num_threads_by_process"][str(n)] = child["num_threads"]
        finally:
            os.remove(rows_file)
        order = [c["name"] for c in cases]
        results.sort(key=lambda r: (order.index(r["case_name"]), r["threads"]))
        machine["load_end"] = load_average()
        machine["steal_end"] = steal_seconds()
        report = {"schema": SCHEMA, "framework": "pytorch", "date": date, "machine": machine, "settings": settings,
                  "results": results, "sampling": sampling, "torch": build, "notes": NOTES}
        write_atomically(os.path.join(args.output, "bench.json"), json.dumps(report, indent=2) + "\n")
        write_atomically(os.path.join(args.output, "bench.md"), markdown(report))
    warning = noise_warning(report["machine"])
    print("load average at end: %s" % loads(report["machine"]["load_end"]))
    if warning:
        print(warning)
    sys.stdout.write(text_table(report["results"]))
    if report["sampling"]:
        print()
        sys.stdout.write(plain_table(*sampling_rows(report["sampling"]), left=4))
    print(build_lines(report["torch"])[0])
    print("written: %s and bench.md" % os.path.abspath(os.path.join(args.output, "bench.json")))
    return 0


def int_list(text):
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("expected comma-separated integers, got '%s'" % text)
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("thread counts must be at least 1, got '%s'" % text)
    return values


def main(argv=None):
    parser = argparse.ArgumentParser(description="PyTorch reference for rnn-suite bench (same cases, network, policy, JSON).")
    parser.add_argument("--cases", default=",".join(BUILT_INS),
                        help="built-in names or [name=]variant:BxTxIxH[xLAYERS] specs (default: all built-ins)")
    parser.add_argument("--threads", type=int_list, default=[1, 2], help="thread counts, each in its own process (default: 1,2)")
    parser.add_argument("--repeats", type=int, default=7, help="timed repetitions; figures are medians (default: 7)")
    parser.add_argument("--repeat-seconds", type=float, default=0.5,
                        help="each timed repetition repeats its call until at least this many seconds have passed and "
                             "counts the mean per call, as rnn-suite bench (default: 0.5; 0 with --quick)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed training batches first, at least 1 (default: 2)")
    parser.add_argument("--warmup-seconds", type=float, default=3.0,
                        help="and untimed training for at least this many seconds per case, as rnn-suite bench "
                             "(default: 3; 0 with --quick)")
    parser.add_argument("--sample-chars", type=int, default=500,
                        help="characters drawn per repetition of the sampling case %s; 0 skips it (default: 500; "
                             "20 with --quick)" % SAMPLE_NAME)
    parser.add_argument("--quick", action="store_true", help="smoke test: 1 warm-up, 2 repeats, a small peak product")
    parser.add_argument("--output", default=os.path.join("reports", "bench-pytorch"),
                        help="where bench.json and bench.md go (default: reports/bench-pytorch)")
    parser.add_argument("--worker-output", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        cases = [parse_case(t) for t in args.cases.split(",") if t.strip()]
        names = [c["name"] for c in cases]
        if not cases or len(set(names)) != len(names):
            raise UserError("--cases must name at least one case, each once")
        if args.repeats < 1 or args.warmup < 0 or not args.warmup_seconds >= 0 or not args.repeat_seconds >= 0:
            raise UserError("--repeats must be at least 1, --warmup, --warmup-seconds and --repeat-seconds at least 0")
        if args.sample_chars < 0:
            raise UserError("--sample-chars must be 0 (skip) or more, got %d" % args.sample_chars)
        try:
            import torch  # noqa: F401
        except ImportError:
            raise UserError("PyTorch is not installed for %s (python3 -c 'import torch' fails)" % sys.executable)
    except UserError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    settings = {"warmup": 1 if args.quick else max(1, args.warmup),
                "warmup_seconds": 0.0 if args.quick else args.warmup_seconds, "repeats": 2 if args.quick else args.repeats,
                "repeat_seconds": 0.0 if args.quick else args.repeat_seconds,
                "quick": args.quick, "outputs": OUTPUTS, "gemm_size": 256 if args.quick else 2048,
                "threads": list(dict.fromkeys(args.threads)),
                "sample_chars": min(args.sample_chars, 20) if args.quick else args.sample_chars}
    if args.worker_output:
        return work(args, cases, settings)
    return coordinate(args, cases, settings)


if __name__ == "__main__":
    sys.exit(main())
