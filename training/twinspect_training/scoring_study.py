"""Would another way of scoring pairs with the same model beat its head? Measured on the pair sets
that `npm run evaluate` writes, with the model rebuilt in PyTorch from a version's ONNX files.

    /usr/bin/python3 -m twinspect_training.scoring_study --model models/<version> cal/editorial-random ...

For each folder, the AUC on its pairs of:
- ``head``: the model's own score, what the product uses;
- ``cosine projector`` and ``cosine backbone``: the cosine of the two embeddings, and of the
  backbone's features before the projector (is the head, or the projector, losing what the
  backbone holds?);
- ``best crop``: the head's highest score over the full view and ten crops of each side (the four
  corners and the centre at 50 % and 70 % of the side), a search over scale and position;
- ``set-relative k``: the head's logit minus the mean of each side's k highest logits against every
  other image of the folder (the hubness correction CSLS of Lample et al., 2018): a look-alike that
  resembles everything counts less.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image
from sklearn.metrics import roc_auc_score

from .from_onnx import load_version
from .imageio import load_rgb, to_model_input

CROP_SIDES = (0.5, 0.7)
SET_RELATIVE_K = (3, 10, 30)


def crops(im: Image.Image) -> list[Image.Image]:
    """The full view, then the four corners and the centre at each of CROP_SIDES of its sides."""
    w, h = im.size
    out = [im]
    for f in CROP_SIDES:
        cw, ch = max(1, int(w * f)), max(1, int(h * f))
        for x0, y0 in ((0, 0), (w - cw, 0), (0, h - ch), (w - cw, h - ch), ((w - cw) // 2, (h - ch) // 2)):
            out.append(im.crop((x0, y0, x0 + cw, y0 + ch)))
    return out


def set_relative(logits: np.ndarray, k: int) -> np.ndarray:
    """`logits` (every image against every image, the diagonal ignored) less the mean of each
    row's and each column's image's k highest logits against the others, halved."""
    others = logits.astype(float).copy()
    np.fill_diagonal(others, -np.inf)
    r = np.sort(others, axis=1)[:, -k:].mean(axis=1)
    return logits - (r[:, None] + r[None, :]) / 2


@torch.no_grad()
def study(model, size: int, folder: Path) -> dict:
    rows = [json.loads(line) for line in open(folder / "pairs" / "pairs.jsonl")]
    labels = np.array([int(r["same"]) for r in rows])
    n = len(rows)
    images = [Image.fromarray(load_rgb(folder / "pairs" / r[side])) for side in ("a", "b") for r in rows]

    def encode(ims: list[Image.Image]) -> tuple[torch.Tensor, torch.Tensor]:
        x = torch.from_numpy(np.stack([to_model_input(im, size) for im in ims]))
        feats = torch.cat([model.encoder.backbone(x[i:i + 64]) for i in range(0, len(x), 64)])
        return feats, model.encoder.projector(feats)

    feats, emb = encode(images)
    logits = model.head.block_logits(emb, emb).numpy()
    a, b = np.arange(n), np.arange(n) + n
    scores = {"head": logits[a, b],
              "cosine projector": F.cosine_similarity(emb[:n], emb[n:]).numpy(),
              "cosine backbone": F.cosine_similarity(feats[:n], feats[n:]).numpy()}
    best = []
    for i in range(n):
        _, ea = encode(crops(images[i]))
        _, eb = encode(crops(images[n + i]))
        best.append(float(model.head.block_logits(ea, eb).max()))
    scores["best crop"] = np.array(best)
    for k in SET_RELATIVE_K:
        scores[f"set-relative {k}"] = set_relative(logits, k)[a, b]
    return {"folder": folder.name, "pairs": n, "copies": int(labels.sum()),
            "auc": {name: round(float(roc_auc_score(labels, s)), 4) for name, s in scores.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True, type=Path, help="a model version folder")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("evals", nargs="+", type=Path, help="folders written by npm run evaluate")
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    model, cfg, _ = load_version(args.model)
    for folder in args.evals:
        print(json.dumps(study(model, cfg.model.image_size, folder)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
