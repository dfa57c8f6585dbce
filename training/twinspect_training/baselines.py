"""Baselines scored on the same pair set as BTA.

- pHash: DCT perceptual hash (Zauner 2010), score = 1 - Hamming distance / 64.
- SIFT + RANSAC: Lowe's ratio-test matches, then the inlier count of a RANSAC affine fit; the
  second image is also tried mirrored, because SIFT descriptors are not flip-invariant.
- Learned: a checkpoint from `train --set train.mode=barlow|simclr` (Barlow Twins, Zbontar et al.
  2021; SimCLR, Chen et al. 2020), scored by the cosine of the embeddings and by the head trained on
  the frozen encoder, as the BTA study did.
"""
from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import torch
import torch.nn.functional as F

from .checkpoint import load_checkpoint
from .config import Config
from .imageio import load_rgb, to_model_input
from .model import BTA

_SIFT_SIDE = 512


def phash(rgb: np.ndarray) -> np.ndarray:
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)
    small = cv2.resize(grey, (32, 32), interpolation=cv2.INTER_AREA)
    low = cv2.dct(small)[:8, :8].flatten()
    return low > np.median(low[1:])


def phash_similarity(a: np.ndarray, b: np.ndarray) -> float:
    return 1.0 - float(np.count_nonzero(phash(a) != phash(b))) / 64.0


def ratio_test_fit(pa: np.ndarray, da: np.ndarray | None, pb: np.ndarray, db: np.ndarray | None,
                   norm: int, ratio: float) -> tuple[int, np.ndarray | None]:
    """Lowe's ratio-test matches of a's descriptors among b's, then a RANSAC affine fit (5 px) of
    their points: its inlier count and its 2x3 transform (0 and None without a fit)."""
    if da is None or db is None or len(pa) < 3 or len(pb) < 3:
        return 0, None
    good = [m for m, n in (p for p in cv2.BFMatcher(norm).knnMatch(da, db, k=2) if len(p) == 2)
            if m.distance < ratio * n.distance]
    if len(good) < 3:
        return 0, None
    src = np.float32([pa[m.queryIdx] for m in good])
    dst = np.float32([pb[m.trainIdx] for m in good])
    transform, mask = cv2.estimateAffine2D(src, dst, method=cv2.RANSAC, ransacReprojThreshold=5.0)
    return (int(mask.sum()) if mask is not None else 0), transform


class SiftMatcher:
    def __init__(self) -> None:
        self.sift = cv2.SIFT_create(nfeatures=1000)

    def _features(self, rgb: np.ndarray):
        grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        scale = _SIFT_SIDE / max(grey.shape)
        if scale < 1:
            grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        keypoints, descriptors = self.sift.detectAndCompute(grey, None)
        return np.float32([k.pt for k in keypoints]).reshape(-1, 2), descriptors

    def _inliers(self, fa, fb) -> int:
        return ratio_test_fit(*fa, *fb, cv2.NORM_L2, 0.75)[0]

    def score(self, a: np.ndarray, b: np.ndarray) -> float:
        fa = self._features(a)
        return float(max(self._inliers(fa, self._features(b)),
                         self._inliers(fa, self._features(np.ascontiguousarray(b[:, ::-1])))))


class LearnedBaseline:
    def __init__(self, checkpoint: Path):
        state = load_checkpoint(checkpoint)
        self.cfg = Config.from_dict(state["config"])
        self.model = BTA(self.cfg.model)
        self.model.load_state_dict(state["model"])
        self.model.eval()
        kind = {"barlow": "barlow_twins", "consecutive": "barlow_twins", "simclr": "simclr",
                "parallel": "bta_pytorch"}.get(self.cfg.train.mode, self.cfg.train.mode)
        # The epoch count is part of the name: baselines are compared at equal training budget.
        self.name = f"{kind}@{state['global_epoch']}ep"

    @torch.no_grad()
    def embed(self, rgbs: list[np.ndarray]) -> torch.Tensor:
        x = torch.from_numpy(np.stack([to_model_input(r, self.cfg.model.image_size) for r in rgbs]))
        return self.model.encoder(x)

    @torch.no_grad()
    def scores(self, za: torch.Tensor, zb: torch.Tensor) -> dict[str, np.ndarray]:
        return {
            f"{self.name}_cosine": F.cosine_similarity(za, zb).numpy(),
            f"{self.name}_head": torch.sigmoid(self.model.head.pair_logits(za, zb)).numpy(),
        }


def score_baselines(pair_dir: Path, rows: list[dict], checkpoints: list[Path]) -> dict[str, np.ndarray]:
    """Every baseline's score for every pair of `rows` (from pairs.jsonl in `pair_dir`)."""
    sift = SiftMatcher()
    learned = [LearnedBaseline(c) for c in checkpoints]
    out: dict[str, list[float]] = {"phash": [], "sift_ransac": []}
    chunk_a: list[np.ndarray] = []
    chunk_b: list[np.ndarray] = []
    learned_scores: dict[str, list[np.ndarray]] = {}

    def flush() -> None:
        for lb in learned:
            for name, s in lb.scores(lb.embed(chunk_a), lb.embed(chunk_b)).items():
                learned_scores.setdefault(name, []).append(s)
        chunk_a.clear()
        chunk_b.clear()

    for row in rows:
        a = load_rgb(pair_dir / row["a"])
        b = load_rgb(pair_dir / row["b"])
        out["phash"].append(phash_similarity(a, b))
        out["sift_ransac"].append(sift.score(a, b))
        if learned:
            chunk_a.append(a)
            chunk_b.append(b)
            if len(chunk_a) == 32:
                flush()
    if chunk_a:
        flush()
    result = {k: np.asarray(v, dtype=float) for k, v in out.items()}
    result.update({k: np.concatenate(v) for k, v in learned_scores.items()})
    return result
