#!/usr/bin/env python3
"""PyTorch side of `rnn-suite bench time-to-target`: the char-LM's default model on the same split,
trained under the same schedule until its validation cross-entropy reaches the same target.

Reads DIR/split.json, DIR/train.i32 and DIR/validation.i32 (little-endian int32 symbol indices),
written by the Java side, and mirrors it:
- model: one-hot characters -> nn.LSTM(V, H, LAYERS) -> nn.Linear(H, V) -> softmax; weights
  Xavier-normal (DL4J's XAVIER: variance 2 / (fan_in + fan_out)), biases 0 except the forget
  gate's 1 (DL4J's default forget-gate bias);
- batches: BATCH sequences of SEQUENCE characters from uniformly random offsets of the training
  text, labels shifted by one; truncated BPTT in segments of TBPTT steps (state carried from one
  segment to the next within a minibatch, one Adam step per segment);
- loss: cross-entropy summed over the segment's steps and averaged over the sequences (DL4J's
  RnnOutputLayer score), Adam (learning rate from split.json, betas 0.9 / 0.999, eps 1e-8),
  gradients clipped to an L2 norm of CLIP per layer (DL4J's ClipL2PerLayer: each LSTM layer's
  weights and biases together, the output layer's together);
- validation every VALIDATE_EVERY minibatches: the validation text cut into 32 contiguous streams
  read side by side in chunks of 250 with the state carried over (every character predicted from
  everything before it in its stream), mean nats per prediction;
- time: wall clock of training and validation passes together, as the Java side counts an epoch.

Usage: pytorch_time_to_target.py --split DIR --output FILE.json
"""

import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

STREAMS = 32
CHUNK = 250


class CharModel(nn.Module):
    def __init__(self, vocabulary, hidden, layers):
        super().__init__()
        self.vocabulary = vocabulary
        self.lstm = nn.LSTM(vocabulary, hidden, layers)
        self.out = nn.Linear(hidden, vocabulary)
        for name, p in self.lstm.named_parameters():
            if name.startswith("weight"):
                fan_out, fan_in = p.shape  # [4H, in]
                nn.init.normal_(p, 0.0, math.sqrt(2.0 / (fan_in + fan_out)))
            else:
                nn.init.zeros_(p)
                if name.startswith("bias_ih"):
                    p.data[hidden:2 * hidden] = 1.0  # PyTorch's gate order: input, forget, cell, output
        nn.init.normal_(self.out.weight, 0.0, math.sqrt(2.0 / (hidden + vocabulary)))
        nn.init.zeros_(self.out.bias)

    def forward(self, symbols, state):
        x = F.one_hot(symbols, self.vocabulary).float()  # [T, B, V]
        y, state = self.lstm(x, state)
        return self.out(y), state


def layer_groups(model, layers):
    groups = []
    for l in range(layers):
        groups.append([p for n, p in model.lstm.named_parameters() if n.endswith("_l%d" % l)])
    groups.append(list(model.out.parameters()))
    return groups


def validation_nats(model, text):
    predictions = len(text) - 1
    streams = min(STREAMS, predictions)
    stream_length = (predictions + streams - 1) // streams
    starts = [s * stream_length for s in range(streams)]
    nats = 0.0
    state = None
    with torch.inference_mode():
        for offset in range(0, stream_length, CHUNK):
            length = min(CHUNK, stream_length - offset)
            inputs = np.zeros((length, streams), dtype=np.int64)
            targets = np.zeros((length, streams), dtype=np.int64)
            valid = np.zeros((length, streams), dtype=bool)
            for s in range(streams):
                end = predictions if s + 1 == streams else starts[s + 1]
                for t in range(length):
                    position = starts[s] + offset + t
                    if position < len(text):
                        inputs[t, s] = text[position]
                    if position < end and position < predictions:
                        targets[t, s] = text[position + 1]
                        valid[t, s] = True
            logits, state = model(torch.from_numpy(inputs), state)
            log_p = F.log_softmax(logits, dim=-1).gather(2, torch.from_numpy(targets).unsqueeze(2)).squeeze(2)
            nats -= float(log_p[torch.from_numpy(valid)].sum())
    return nats / predictions


def median(values):
    """The upper median (as the DL4J side takes it), or None for no values."""
    return sorted(values)[len(values) // 2] if values else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    with open(os.path.join(args.split, "split.json")) as f:
        cfg = json.load(f)
    train = np.fromfile(os.path.join(args.split, "train.i32"), dtype="<i4").astype(np.int64)
    validation = np.fromfile(os.path.join(args.split, "validation.i32"), dtype="<i4").astype(np.int64)
    torch.set_num_threads(int(cfg["threads"]))
    torch.manual_seed(int(cfg["seed"]))
    rng = np.random.default_rng(int(cfg["seed"]))
    vocabulary, hidden, layers = int(cfg["vocabulary_size"]), int(cfg["hidden"]), int(cfg["layers"])
    sequence, tbptt, batch = int(cfg["sequence_length"]), int(cfg["tbptt_length"]), int(cfg["batch_size"])
    clip, every, target = float(cfg["clip_norm_per_layer"]), int(cfg["validate_every"]), float(cfg["target_nats"])
    budget = float(cfg["budget_seconds"])
    model = CharModel(vocabulary, hidden, layers)
    groups = layer_groups(model, layers)
    optimiser = torch.optim.Adam(model.parameters(), lr=float(cfg["learning_rate"]), betas=(0.9, 0.999), eps=1e-8)
    last_start = len(train) - sequence - 1
    start = time.perf_counter()
    minibatches = 0
    curve = []
    reached_at = None
    updates_at = None
    best = float("inf")
    first_interval, later, validations = [], [], []
    while True:
        model.train()
        for _ in range(every):
            batch_start = time.perf_counter()
            offsets = rng.integers(0, last_start + 1, size=batch)
            window = np.stack([train[o:o + sequence + 1] for o in offsets], axis=1)  # [T + 1, B]
            inputs = torch.from_numpy(window[:-1])
            labels = torch.from_numpy(window[1:])
            state = None
            for s in range(0, sequence, tbptt):
                if state is not None:
                    state = tuple(h.detach() for h in state)
                logits, state = model(inputs[s:s + tbptt], state)
                loss = F.cross_entropy(logits.reshape(-1, vocabulary), labels[s:s + tbptt].reshape(-1),
                                       reduction="sum") / batch
                optimiser.zero_grad(set_to_none=True)
                loss.backward()
                if clip > 0:
                    for group in groups:
                        torch.nn.utils.clip_grad_norm_(group, clip)
                optimiser.step()
            minibatches += 1
            (later if validations else first_interval).append(time.perf_counter() - batch_start)
        model.eval()
        validation_start = time.perf_counter()
        nats = validation_nats(model, validation)
        validations.append(time.perf_counter() - validation_start)
        elapsed = time.perf_counter() - start
        best = min(best, nats)
        curve.append([elapsed, minibatches, nats / math.log(2)])
        print("pytorch: %d minibatches, %.1f s, validation %.3f bpc" % (minibatches, elapsed, nats / math.log(2)),
              file=sys.stderr, flush=True)
        if nats <= target:
            reached_at, updates_at = elapsed, minibatches
            break
        if elapsed > budget:
            break
    report = {
        "torch_version": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "reached": reached_at is not None,
        "seconds_to_target": reached_at,
        "minibatches_to_target": updates_at,
        "seconds": time.perf_counter() - start,
        "best_validation_bpc": best / math.log(2),
        "curve_seconds_minibatches_bpc": curve,
        # the same keys as the DL4J side's breakdown (TimeToTargetCommand.PhaseTimes)
        "breakdown": {
            "first_minibatch_seconds": first_interval[0] if first_interval else None,
            "first_interval_minibatches_seconds": sum(first_interval),
            "later_minibatch_median_seconds": median(later),
            "first_validation_seconds": validations[0] if validations else None,
            "later_validation_median_seconds": median(validations[1:]),
        },
    }
    with open(args.output, "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
