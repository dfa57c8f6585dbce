"""Scoring pair sets with a PyTorch model and summarising them (scikit-learn metrics).

Used for validation during training and for calibrating the threshold at export. The product's
own evaluation (`npm run evaluate`) scores through onnxruntime-node instead; see report.py.
"""
from __future__ import annotations

import random

import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score

from .alterations import alter
from .data import ImageCache, PairSpec, make_pair_specs
from .imageio import to_model_input


def val_specs(paths: list[str], n_pairs: int, seed: int) -> list[PairSpec]:
    """A fixed validation mix: both protocols, random and hard negatives, a quarter each."""
    specs: list[PairSpec] = []
    for protocol in ("editorial", "reference"):
        for negatives in ("random", "hard"):
            specs += make_pair_specs(paths, max(1, n_pairs // 4), protocol, negatives, seed + 1)
    return specs


@torch.no_grad()
def score_specs(model, cache: ImageCache, specs: list[PairSpec], size: int, device, batch: int = 64) -> np.ndarray:
    model.eval()
    out = []
    for s in range(0, len(specs), batch):
        chunk = specs[s:s + batch]
        xa = [to_model_input(alter(cache.images[p.a], p.protocol, random.Random(p.seed_a)).image, size) for p in chunk]
        xb = [to_model_input(alter(cache.images[p.b], p.protocol, random.Random(p.seed_b)).image, size) for p in chunk]
        out.append(score_inputs(model, np.stack(xa), np.stack(xb), device))
    return np.concatenate(out)


@torch.no_grad()
def score_inputs(model, xa: np.ndarray, xb: np.ndarray, device, batch: int = 128) -> np.ndarray:
    """M(a_i, b_i) for aligned rows of model inputs."""
    out = []
    for s in range(0, len(xa), batch):
        za = model.encoder(torch.from_numpy(xa[s:s + batch]).to(device))
        zb = model.encoder(torch.from_numpy(xb[s:s + batch]).to(device))
        out.append(torch.sigmoid(model.head.pair_logits(za, zb)).cpu().numpy())
    return np.concatenate(out)


def calibrated_threshold(model, cfg, images, val_paths: list[str], n_pairs: int,
                         device=torch.device("cpu")) -> tuple[float, dict[str, float]]:
    """How export calibrates a model: the accuracy-maximising threshold on `n_pairs` validation
    pairs (both protocols, random and hard negatives), and the metrics there."""
    cache = ImageCache(images, val_paths, cfg.train.cache_size)
    specs = val_specs(val_paths, n_pairs, cfg.train.seed + 7)
    scores = score_specs(model, cache, specs, cfg.model.image_size, device)
    labels = np.array([int(s.same) for s in specs])
    threshold = best_threshold(labels, scores)
    return threshold, rounded_metrics(labels, scores, threshold)


def best_threshold(labels: np.ndarray, scores: np.ndarray) -> float:
    """The threshold that maximises accuracy (midpoint between neighbouring scores)."""
    order = np.argsort(scores)
    s, y = scores[order], labels[order]
    # Predict "same" for scores > t. Candidate t between consecutive sorted scores.
    n_pos = y.sum()
    correct_neg_below = np.concatenate([[0], np.cumsum(1 - y)])
    pos_above = n_pos - np.concatenate([[0], np.cumsum(y)])
    acc = correct_neg_below + pos_above
    k = int(np.argmax(acc))
    if k == 0:
        return float(s[0] - 1e-6)
    if k == len(s):
        return float(s[-1] + 1e-6)
    return float((s[k - 1] + s[k]) / 2)


# Copies are rare among a real case's candidate pairs; evaluation pairs are 40% copies. Precision
# is also reported as it would be at this prevalence, from the same recall and false positive rate.
RARE_PREVALENCE = 0.01


def precision_at_prevalence(labels, pred, prevalence: float = RARE_PREVALENCE) -> float:
    labels, pred = np.asarray(labels, dtype=int), np.asarray(pred, dtype=int)
    tpr = pred[labels == 1].mean() if (labels == 1).any() else 0.0
    fpr = pred[labels == 0].mean() if (labels == 0).any() else 0.0
    flagged = tpr * prevalence + fpr * (1 - prevalence)
    return float(tpr * prevalence / flagged) if flagged else 0.0


def _odds(p: float) -> float:
    return p / (1 - p)


def flag_threshold(fitted_prevalence: float, case_prevalence: float) -> float:
    """The probability, as fitted at `fitted_prevalence`, that is 1/2 at `case_prevalence`."""
    ratio = _odds(fitted_prevalence) / _odds(case_prevalence)
    return ratio / (1 + ratio)


def flag_threshold_at(verification: dict, prevalence: float) -> float:
    """A manifest's flag threshold moved to another case prevalence (as a team's setting moves it
    in the workers: packages/inference flagThresholdAt)."""
    fitted_odds = _odds(verification["flagThreshold"]) * _odds(verification["flagPrevalence"])
    return flag_threshold(fitted_odds / (1 + fitted_odds), prevalence)


def metrics(labels, scores, threshold: float) -> dict[str, float]:
    labels = np.asarray(labels, dtype=int)
    scores = np.asarray(scores, dtype=float)
    pred = (scores > threshold).astype(int)
    auc = roc_auc_score(labels, scores) if 0 < labels.sum() < len(labels) else float("nan")
    return {
        "precision_at_1pct": precision_at_prevalence(labels, pred),
        "accuracy": float(accuracy_score(labels, pred)),
        "f1": float(f1_score(labels, pred, zero_division=0)),
        "precision": float(precision_score(labels, pred, zero_division=0)),
        "recall": float(recall_score(labels, pred, zero_division=0)),
        "auc": float(auc),
        "threshold": float(threshold),
        "accuracy_at_0_5": float(accuracy_score(labels, (scores > 0.5).astype(int))),
        "n": int(len(labels)),
    }


def rounded_metrics(labels, scores, threshold: float) -> dict[str, float]:
    """`metrics`, each rate to 4 decimals, as reports and manifests record them."""
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in metrics(labels, scores, threshold).items()}


def summarise(specs: list[PairSpec], scores: np.ndarray) -> dict[str, dict[str, float]]:
    labels = np.array([int(p.same) for p in specs])
    t = best_threshold(labels, scores)
    return {"all": rounded_metrics(labels, scores, t)}
