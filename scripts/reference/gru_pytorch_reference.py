#!/usr/bin/env python3
"""Writes modules/recurrent-layers/src/test/resources/gru-pytorch-reference.json: a small GRU in PyTorch
(float64) with fixed weights, its outputs for a fixed input, and the gradients of
sum(outputs * R) with respect to every parameter and the input, for R fixed. GruPyTorchReferenceTest
loads the same weights into rnn-suite's Gru (W = weight_ih^T, RW = weight_hh^T, b = bias_ih,
rb = bias_hh; gate blocks [r | z | n]) and compares.

Usage (needs torch; Debian: apt-get install python3-torch):
    /usr/bin/python3 scripts/reference/gru_pytorch_reference.py
"""
import json
import os

import torch

BATCH, STEPS, INPUTS, HIDDEN = 2, 5, 3, 4
torch.manual_seed(20261122)
gru = torch.nn.GRU(INPUTS, HIDDEN, batch_first=True).double()
x = torch.randn(BATCH, STEPS, INPUTS, dtype=torch.float64, requires_grad=True)
r = torch.randn(BATCH, STEPS, HIDDEN, dtype=torch.float64)
out, _ = gru(x)
(out * r).sum().backward()


def nested(t):
    return t.detach().tolist()


reference = {
    "about": "torch.nn.GRU(%d, %d, batch_first=True), float64, torch %s; loss = sum(output * R)"
             % (INPUTS, HIDDEN, torch.__version__),
    "batch": BATCH, "steps": STEPS, "inputs": INPUTS, "hidden": HIDDEN,
    "weight_ih": nested(gru.weight_ih_l0), "weight_hh": nested(gru.weight_hh_l0),
    "bias_ih": nested(gru.bias_ih_l0), "bias_hh": nested(gru.bias_hh_l0),
    "input_btf": nested(x), "r_bth": nested(r), "output_bth": nested(out),
    "grad_weight_ih": nested(gru.weight_ih_l0.grad), "grad_weight_hh": nested(gru.weight_hh_l0.grad),
    "grad_bias_ih": nested(gru.bias_ih_l0.grad), "grad_bias_hh": nested(gru.bias_hh_l0.grad),
    "grad_input_btf": nested(x.grad),
}
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "modules", "recurrent-layers", "src", "test",
                      "resources", "gru-pytorch-reference.json")
with open(target, "w") as f:
    json.dump(reference, f, indent=1)
print("written:", os.path.normpath(target))
