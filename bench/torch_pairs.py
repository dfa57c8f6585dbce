"""PyTorch side of bench/pair-scoring.ts, on the head weights read from head.onnx.

Times (1) the reference study's way: every pair's two embeddings repeated and concatenated into
a batch row, then the head (PairHead.pair_logits: normalise, project, features, MLP per pair);
(2) the factored block head in PyTorch; (3) a 2048x2048 float32 matmul, for the machine's peak.
Prints one JSON line.
"""
import argparse
import json
import time

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from twinspect_training.model import PairHead

p = argparse.ArgumentParser()
p.add_argument("--head", required=True)
p.add_argument("--manifest", required=True)
p.add_argument("--embeddings", required=True)
p.add_argument("--check", required=True)
p.add_argument("--check-n", type=int, required=True)
p.add_argument("--threads", type=int, default=2)
a = p.parse_args()
torch.set_num_threads(a.threads)

manifest = json.load(open(a.manifest))
cfg = manifest["training"]["config"]["model"]
dim = manifest["embedding_dim"]
head = PairHead(dim, cfg["head_diff"], cfg["head_sum"], cfg["head_hidden"]).eval()

# Map the ONNX initializers back onto the module: named ones directly, the MatMul weights (stored
# transposed, unnamed) in graph order: u, then the MLP's linear layers.
graph = onnx.load(a.head).graph
init = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
aliases = {n.output[0]: n.input[0] for n in graph.node if n.op_type == "Identity"}
matmuls = []
for n in graph.node:
    if n.op_type == "MatMul":
        w = aliases.get(n.input[1], n.input[1])
        if w in init and w not in matmuls:
            matmuls.append(w)
state = head.state_dict()
new = {k: torch.from_numpy(init[f"head.{k}"].copy()) for k in state if f"head.{k}" in init}
linear = ["u.weight"] + [k for k in state if k.startswith("mlp.") and k.endswith(".weight")]
for key, name in zip(linear, matmuls):
    new[key] = torch.from_numpy(init[name].T.copy())
missing = set(state) - set(new)
assert not missing, f"unmapped head parameters: {missing}"
head.load_state_dict(new)

z = torch.from_numpy(np.fromfile(a.embeddings, dtype=np.float32).reshape(-1, dim))
k = a.check_n
expected = np.fromfile(a.check, dtype=np.float32).reshape(k, k)
with torch.inference_mode():
    got = head(z[:k], z[:k]).numpy()
max_abs_diff = float(np.abs(got - expected).max())


def best(fn, repeats=3):
    s = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        s = min(s, time.perf_counter() - t)
    return s


with torch.inference_mode():
    # The study's way on a 250 x 2000 block (500k pairs), in row chunks of 25 x 2000 pairs.
    rows, cols, chunk = 250, min(2000, len(z)), 25
    A, B = z[:rows], z[:cols]

    def repeat_concat():
        for i in range(0, rows, chunk):
            a_rep = A[i : i + chunk].repeat_interleave(cols, dim=0)
            b_rep = B.repeat(chunk, 1)
            torch.sigmoid(head.pair_logits(a_rep, b_rep))

    repeat_concat()
    rc = rows * cols / best(repeat_concat)

    def factored():
        for i in range(0, len(z), 32):
            head(z[i : i + 32], z)

    factored()
    fa = len(z) * len(z) / best(factored)

    x = torch.randn(2048, 2048)
    torch.mm(x, x)
    gflops = 2 * 2048**3 / best(lambda: torch.mm(x, x), 5) / 1e9

print(json.dumps({"repeat_concat_pairs_per_s": rc, "factored_pairs_per_s": fa, "matmul_gflops": gflops, "max_abs_diff": max_abs_diff}))
