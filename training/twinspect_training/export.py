"""Export a checkpoint to ONNX (encoder + N x M pair head), calibrate the threshold on the
validation images, and write manifest.json and MODEL_CARD.md: everything a consumer needs without
the training code.

    /usr/bin/python3 -m twinspect_training.export --checkpoint runs/default/checkpoint.pt \
        --images ../shared/datasets/bio-dev --models-dir ../models --name bta-r18-128
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import torch
from torch import nn

from .alterations import describe_protocols
from .checkpoint import load_checkpoint
from .config import Config
from .evaluation import calibrated_threshold
from .imageio import MEAN, PREPROCESSING, STD
from .model import BTA

OPSET = 17


class _Head(nn.Module):
    def __init__(self, model: BTA):
        super().__init__()
        self.head = model.head

    def forward(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return self.head(a, b)


def parity_input(n: int, size: int) -> np.ndarray:
    """A deterministic test input any language can rebuild: x[i] = sin(0.37 * i) * 2, i the flat
    index in an n x 3 x size x size float32 tensor."""
    i = np.arange(n * 3 * size * size, dtype=np.float64)
    return (np.sin(0.37 * i) * 2).astype(np.float32).reshape(n, 3, size, size)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_model(checkpoint: Path) -> tuple[BTA, Config, dict]:
    state = load_checkpoint(checkpoint)
    cfg = Config.from_dict(state["config"])
    model = BTA(cfg.model)
    model.load_state_dict(state["model"])
    return model.eval(), cfg, state


def export(checkpoint: Path, images: Path, models_dir: Path, name: str, calibration_pairs: int,
           extra_training: dict) -> Path:
    model, cfg, state = load_model(checkpoint)
    torch.set_num_threads(cfg.train.threads)
    size = cfg.model.image_size
    split = state["split"]

    threshold, val_metrics = calibrated_threshold(model, cfg, images, split["val"], calibration_pairs)

    x = torch.from_numpy(parity_input(2, size))
    with torch.no_grad():
        emb = model.encoder(x)
        pair_scores = model.head(emb, emb)
    encoder_digest = hashlib.sha256(b"".join(p.detach().numpy().tobytes() for p in model.parameters())).hexdigest()
    version = f"{name}-{dt.date.today():%Y%m%d}-{encoder_digest[:7]}"
    out = models_dir / version
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    torch.onnx.export(model.encoder, x, out / "encoder.onnx", opset_version=OPSET,
                      input_names=["image"], output_names=["embedding"],
                      dynamic_axes={"image": {0: "n"}, "embedding": {0: "n"}})
    torch.onnx.export(_Head(model), (emb, emb), out / "head.onnx", opset_version=OPSET,
                      input_names=["a", "b"], output_names=["score"],
                      dynamic_axes={"a": {0: "n"}, "b": {0: "m"}, "score": {0: "n", 1: "m"}})

    manifest = {
        "name": name,
        "version": version,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "architecture": "BTA: M(x, y) = h(f(x), f(y)); f = torchvision "
                        f"{cfg.model.backbone} + MLP projector {cfg.model.projector}; h = symmetric factored head",
        "files": {
            "encoder": {"path": "encoder.onnx", "sha256": sha256(out / "encoder.onnx"), "opset": OPSET,
                        "inputs": {"image": ["n", 3, size, size]}, "outputs": {"embedding": ["n", cfg.model.projector[-1]]}},
            "head": {"path": "head.onnx", "sha256": sha256(out / "head.onnx"), "opset": OPSET,
                     "inputs": {"a": ["n", cfg.model.projector[-1]], "b": ["m", cfg.model.projector[-1]]},
                     "outputs": {"score": ["n", "m"]},
                     "note": "score[i][j] = M(a_i, b_j) in [0, 1]; symmetric; per-image work done once per row/column"},
        },
        "input": {"size": size, "layout": "NCHW", "channel_order": "RGB", "dtype": "float32",
                  "mean": list(MEAN), "std": list(STD), "preprocessing": PREPROCESSING},
        "embedding_dim": cfg.model.projector[-1],
        "threshold": round(threshold, 6),
        "threshold_source": f"accuracy-maximising threshold on {val_metrics['n']} validation pairs "
                            "(editorial and reference protocols, random and hard negatives)",
        "metrics": {"validation": val_metrics},
        "training": {"config": cfg.to_dict(), "split": split, "checkpoint_epochs": state["global_epoch"],
                     "dataset": images.name, **extra_training},
        "protocols": describe_protocols(),
        "parity": {"input": "x[i] = float32(sin(0.37 * i) * 2) over a 2 x 3 x size x size tensor",
                   "embedding": [[round(float(v), 6) for v in row] for row in emb.numpy()],
                   "score": [[float(v) for v in row] for row in pair_scores.numpy()]},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--checkpoint", required=True, type=Path)
    ap.add_argument("--images", required=True, type=Path)
    ap.add_argument("--models-dir", required=True, type=Path)
    ap.add_argument("--name", default="bta")
    ap.add_argument("--calibration-pairs", type=int, default=800)
    ap.add_argument("--training-note", action="append", default=[], metavar="key=value",
                    help="extra facts for the manifest's training section (command, minutes, ...)")
    args = ap.parse_args(argv)
    extra = dict(s.split("=", 1) for s in args.training_note)
    out = export(args.checkpoint, args.images, args.models_dir, args.name, args.calibration_pairs, extra)
    print(json.dumps({"event": "exported", "dir": str(out)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
