"""Score the held-out pair rows with PyTorch models, where the product's runtime is not at hand (a
lent GPU machine has no Node), to compare candidates trained there with the shipped version.

    /usr/bin/python3 -m twinspect_training.heldout --images DIR --model runs/a/checkpoint.pt \
        [--model models/<version> ...] [--pairs 1000] [--workers 8] [--split test|val] [--out heldout.json]

`--split val` builds the same four rows from the validation images instead, to choose between
candidates without looking at the test images (its accuracy is then at a threshold calibrated on
those images too: compare AUCs).

A model is a training checkpoint or a model version folder. The rows are the pairs that
`npm run evaluate -- --only-split test --pairs N` builds: the same specs from the same held-out
images, each side altered at full resolution. The scores come from PyTorch instead of
onnxruntime-node, so a version's AUC here is its `bta` AUC up to resizing and rounding. Accuracy
uses the threshold that maximises it on validation pairs, calibrated as export does. Every model
must have been trained on the same split.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np
import torch

from .alterations import alter
from .config import Config
from .data import ForkMap, ImageCache, PairSpec, make_pair_specs
from .evaluation import calibrated_threshold, rounded_metrics, score_inputs
from .export import load_model
from .from_onnx import load_version
from .imageio import to_model_input
from .model import BTA

ROWS = [(p, n) for p in ("editorial", "reference") for n in ("random", "hard")]


def load(path: Path) -> tuple[BTA, Config, dict[str, list[str]]]:
    """A checkpoint or a version folder: the model, its config and its training split."""
    if path.is_dir():
        model, cfg, manifest = load_version(path)
        return model, cfg, manifest["training"]["split"]
    model, cfg, state = load_model(path)
    return model, cfg, state["split"]


def pair_inputs(cache: ImageCache, task: tuple[PairSpec, list[int]]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Both altered sides of a pair as model inputs at each of `sizes`."""
    spec, sizes = task
    a = alter(cache.images[spec.a], spec.protocol, random.Random(spec.seed_a)).image
    b = alter(cache.images[spec.b], spec.protocol, random.Random(spec.seed_b)).image
    return {s: (to_model_input(a, s), to_model_input(b, s)) for s in sizes}


def heldout(images: Path, model_paths: list[Path], n_pairs: int, workers: int, device: torch.device,
            split_name: str = "test") -> dict:
    loaded = [load(p) for p in model_paths]
    split = loaded[0][2]
    if any(s != split for _, _, s in loaded):
        raise ValueError("the models were trained on different splits; their held-out rows would differ")
    sizes = sorted({cfg.model.image_size for _, cfg, _ in loaded})
    cache = ImageCache(images, split[split_name], max_side=1 << 30)  # altered at full resolution
    pool = ForkMap(cache, workers)  # forks before CUDA starts
    try:
        for model, _, _ in loaded:
            model.to(device).eval()
        thresholds = [calibrated_threshold(model, cfg, images, split["val"], 800, device)[0]
                      for model, cfg, _ in loaded]
        results: dict = {str(p): {"config": cfg.to_dict(), "threshold": t, "split": split_name,
                                  "images": len(cache), "rows": {}}
                         for p, (_, cfg, _), t in zip(model_paths, loaded, thresholds)}
        for protocol, negatives in ROWS:
            specs = make_pair_specs(split[split_name], n_pairs, protocol, negatives, 0)
            labels = np.array([int(s.same) for s in specs])
            inputs = list(pool.imap(pair_inputs, [(s, sizes) for s in specs], chunksize=8))
            for path, (model, cfg, _), t in zip(model_paths, loaded, thresholds):
                size = cfg.model.image_size
                xa = np.stack([x[size][0] for x in inputs])
                xb = np.stack([x[size][1] for x in inputs])
                scores = score_inputs(model, xa, xb, device)
                results[str(path)]["rows"][f"{protocol}-{negatives}"] = rounded_metrics(labels, scores, t)
    finally:
        pool.close()
    return results


def table(results: dict) -> str:
    lines = ["| model | " + " | ".join(f"{p} {n} acc / AUC" for p, n in ROWS) + " |",
             "|---|" + "---|" * len(ROWS)]
    for path, r in results.items():
        cells = [f"{r['rows'][f'{p}-{n}']['accuracy']:.3f} / {r['rows'][f'{p}-{n}']['auc']:.3f}" for p, n in ROWS]
        lines.append(f"| {path} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--images", required=True, type=Path)
    ap.add_argument("--model", required=True, action="append", type=Path)
    ap.add_argument("--pairs", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--split", choices=("test", "val"), default="test")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    results = heldout(args.images, args.model, args.pairs, args.workers, torch.device(args.device), args.split)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
