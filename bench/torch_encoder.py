"""PyTorch side of bench/encoder.ts: times the training code's Encoder on the same tensors.

Usage: PYTHONPATH=training python3 bench/torch_encoder.py --manifest M --inputs F --ort F
       --batch 32 --threads 2 [--checkpoint PT]
Prints one JSON line: images_per_s, seconds, max_abs_diff (with --checkpoint), weights.
"""
import argparse
import json
import time

import numpy as np
import torch

from twinspect_training.config import ModelConfig
from twinspect_training.model import Encoder

p = argparse.ArgumentParser()
p.add_argument("--manifest", required=True)
p.add_argument("--inputs", required=True)
p.add_argument("--ort", required=True)
p.add_argument("--batch", type=int, default=32)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--checkpoint")
a = p.parse_args()

torch.set_num_threads(a.threads)
manifest = json.load(open(a.manifest))
cfg = ModelConfig(**manifest["training"]["config"]["model"])
encoder = Encoder(cfg)
weights = "same-architecture (random weights)"
if a.checkpoint:
    state = torch.load(a.checkpoint, map_location="cpu")["model"]
    encoder.load_state_dict({k[len("encoder."):]: v for k, v in state.items() if k.startswith("encoder.")})
    weights = "trained"
encoder.eval()
s = manifest["input"]["size"]
x = torch.from_numpy(np.fromfile(a.inputs, dtype=np.float32).reshape(-1, 3, s, s))
with torch.inference_mode():
    encoder(x[: a.batch])  # warm-up
    t = time.perf_counter()
    out = torch.cat([encoder(x[i : i + a.batch]) for i in range(0, len(x), a.batch)])
    seconds = time.perf_counter() - t
diff = None
if a.checkpoint:
    ort = np.fromfile(a.ort, dtype=np.float32).reshape(out.shape)
    diff = float(np.abs(ort - out.numpy()).max())
print(json.dumps({"images_per_s": len(x) / seconds, "seconds": seconds, "max_abs_diff": diff, "weights": weights}))
