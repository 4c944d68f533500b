#!/usr/bin/env python3
"""Reference numbers for the speech front end, computed independently with numpy.

Writes modules/speech-recognition/src/test/resources/io/rnnsuite/speech/features/reference-features.json:
log-mel energies, MFCCs and normalised MFCC+delta features of a fixed test signal (half a second at
16 kHz, defined by a formula so that both sides build it without sharing a file), with the front end
the Java code documents: pre-emphasis 0.97, 25 ms Hamming frames every 10 ms, 512-point FFT power
spectrum, 40 HTK-mel triangles from 20 Hz to 8 kHz evaluated at exact bin frequencies, natural log
floored at 1e-10, orthonormal DCT-II (13 kept), deltas by regression over +-2 frames with edges
repeated, per-utterance mean/variance normalisation.

Run: python3 scripts/reference/speech_features_reference.py
"""
import json
import os

import numpy as np

RATE, FRAME, HOP, NFFT, BANDS, CEPS = 16000, 400, 160, 512, 40, 13


def signal():
    n = np.arange(8000)
    t = n / RATE
    return (0.5 * np.sin(2 * np.pi * 440 * t)
            + 0.25 * np.sin(2 * np.pi * 1830 * t + 0.3)
            + 0.1 * np.sin(2 * np.pi * 5100 * t) * np.cos(2 * np.pi * 3 * t)
            + 0.05 * np.sin(2 * np.pi * 97 * t * t * 40))


def mel(f):
    return 2595 * np.log10(1 + f / 700)


def inv_mel(m):
    return 700 * (10 ** (m / 2595) - 1)


def filterbank():
    edges = inv_mel(np.linspace(mel(20.0), mel(RATE / 2), BANDS + 2))
    freqs = np.arange(NFFT // 2 + 1) * RATE / NFFT
    fb = np.zeros((BANDS, freqs.size))
    for b in range(BANDS):
        left, centre, right = edges[b], edges[b + 1], edges[b + 2]
        rising = (freqs - left) / (centre - left)
        falling = (right - freqs) / (right - centre)
        inside = (freqs > left) & (freqs < right)
        fb[b] = np.where(inside, np.where(freqs <= centre, rising, falling), 0.0)
    return fb


def log_mel(x):
    y = np.append(x[0], x[1:] - 0.97 * x[:-1])
    frames = 1 + (len(y) - FRAME) // HOP
    window = np.hamming(FRAME)
    fb = filterbank()
    out = []
    for t in range(frames):
        frame = y[t * HOP:t * HOP + FRAME] * window
        power = np.abs(np.fft.rfft(frame, NFFT)) ** 2
        out.append(np.log(np.maximum(fb @ power, 1e-10)))
    return np.array(out)


def dct(logmel):
    m = np.arange(BANDS)
    basis = np.array([np.cos(np.pi * i * (m + 0.5) / BANDS) * np.sqrt((1 if i == 0 else 2) / BANDS)
                      for i in range(CEPS)])
    return logmel @ basis.T


def deltas(c):
    padded = np.concatenate([c[:1], c[:1], c, c[-1:], c[-1:]])
    total = np.zeros_like(c)
    for n in (1, 2):
        total += n * (padded[2 + n:len(c) + 2 + n] - padded[2 - n:len(c) + 2 - n])
    return total / 10.0


def main():
    lm = log_mel(signal())
    cc = dct(lm)
    full = np.concatenate([cc, deltas(cc), deltas(deltas(cc))], axis=1)
    std = full.std(axis=0)
    normalised = np.where(std > 1e-8, (full - full.mean(axis=0)) / np.where(std > 1e-8, std, 1), 0)
    picked = [0, 7, 23, len(lm) - 1]
    out = {
        "generator": "scripts/reference/speech_features_reference.py, numpy " + np.__version__,
        "frames": int(len(lm)),
        "picked_frames": picked,
        "log_mel": [lm[t].tolist() for t in picked],
        "mfcc": [cc[t].tolist() for t in picked],
        "normalised_with_deltas": [normalised[t].tolist() for t in picked],
    }
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "..", "modules", "speech-recognition", "src", "test", "resources",
                          "io", "rnnsuite", "speech", "features", "reference-features.json")
    with open(target, "w") as f:
        json.dump(out, f, indent=1)
    print("wrote", os.path.normpath(target), "frames", len(lm))


if __name__ == "__main__":
    main()
