"""Which verification measures the product's combination should weigh: cross-validated on
validation pair sets scored through the production path (what `calibrate` fits on).

    /usr/bin/python3 -m twinspect_training.combination_study cal/editorial-random cal/editorial-hard ...

For each candidate set of inputs (the model's score plus some of what verification measures per
pair, scores/geometry.json), a logistic regression is cross-validated (5 folds) and judged at its
accuracy-maximising threshold: accuracy, AUC, and the false and true positive rates, since at a
real case's low share of copies the false positive rate decides how many flags are false.

Then, for the product's own inputs, each image collection held out in turn: the regression, its
accuracy threshold and its flag threshold fitted on the other collections' pairs and judged on
that one's, beside the same collection's pairs in the pooled cross-validation. It measures what
calibrating without a source costs that source (a new journal's images, say).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from .calibrate import FLAG_PREVALENCE
from .evaluation import best_threshold, flag_threshold
from .report import collections

MEASURES = {
    "inliers": lambda g: np.log1p(g["inliers"]),
    "similarity": lambda g: g["similarity"],
    "similarity x inliers": lambda g: g["similarity"] * np.log1p(g["inliers"]),
    "matches": lambda g: np.log1p(g["matches"]),
    "inlier ratio": lambda g: np.divide(g["inliers"], g["matches"], out=np.zeros(len(g["inliers"])),
                                        where=g["matches"] > 0),
    "keypoints": lambda g: np.log1p(g["keypoints"]),
}
PRODUCT = ("inliers", "similarity x inliers")  # what calibrate.py fits (report.combination_features)
CANDIDATES = (("inliers",), ("inliers", "similarity"), ("inliers", "similarity x inliers"),
              ("inliers", "similarity", "matches"),
              ("inliers", "similarity", "matches", "inlier ratio"), ("inliers", "similarity", "keypoints"),
              ("inliers", "similarity", "matches", "inlier ratio", "keypoints"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("evals", nargs="+", type=Path, help="folders written by npm run evaluate on validation images")
    args = ap.parse_args(argv)
    rows, scores, geometry = [], [], []
    for ev in args.evals:
        rows += [json.loads(line) for line in (ev / "pairs" / "pairs.jsonl").read_text().splitlines() if line]
        scores += json.loads((ev / "scores" / "bta.json").read_text())
        geometry += json.loads((ev / "scores" / "geometry.json").read_text())
    y = np.asarray([int(r["same"]) for r in rows])
    p = np.clip(np.asarray(scores, dtype=float), 1e-6, 1 - 1e-6)
    g = {k: np.asarray([float(r[k]) for r in geometry]) for k in ("inliers", "matches", "similarity", "keypoints")}
    print(f"{len(y)} validation pairs, {int(y.sum())} copies; model score plus:")
    for names in CANDIDATES:
        out = cross_validated(y, p, [MEASURES[n](g) for n in names])
        print(json.dumps({"inputs": ["model", *names], **judged(y, out, best_threshold(y, out))}))
        if names == PRODUCT:
            pooled = out
    if all("source_a" in r for r in rows):
        x = combination_inputs(p, [MEASURES[n](g) for n in PRODUCT])
        source = collections(rows)
        pooled_flag = flag_threshold(float(y.mean()), FLAG_PREVALENCE)
        for held in sorted(set(source)):
            fit, judge = source != held, source == held
            model = LogisticRegression(max_iter=1000).fit(x[fit], y[fit])
            fitted = model.predict_proba(x)[:, 1]
            flag_at = flag_threshold(float(y[fit].mean()), FLAG_PREVALENCE)
            print(json.dumps({"held_out_source": str(held), "pairs": int(judge.sum()), "copies": int(y[judge].sum()),
                              "calibrated_without_it": judged(y[judge], fitted[judge], best_threshold(y[fit], fitted[fit]), flag_at),
                              "calibrated_with_it": judged(y[judge], pooled[judge], best_threshold(y, pooled), pooled_flag)}))
    return 0


def combination_inputs(p: np.ndarray, columns: list[np.ndarray]) -> np.ndarray:
    """The regression's inputs: the model's logit, then `columns` (what verification measured)."""
    return np.column_stack([np.log(p / (1 - p)), *columns])


def cross_validated(y: np.ndarray, p: np.ndarray, columns: list[np.ndarray]) -> np.ndarray:
    """Out-of-fold probabilities (5 folds) of a logistic regression on `combination_inputs`, the
    combination `calibrate` fits."""
    x = combination_inputs(p, columns)
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    return cross_val_predict(LogisticRegression(max_iter=1000), x, y, cv=folds, method="predict_proba")[:, 1]


def judged(y: np.ndarray, score: np.ndarray, threshold: float, flag_at: float | None = None) -> dict:
    """Accuracy, AUC (None with one class) and the rates at `threshold`; with `flag_at`, the share of
    the copies flagged and the other pairs flagged there."""
    pred = score > threshold
    out = {"accuracy": round(float((pred == y).mean()), 3),
           "auc": round(float(roc_auc_score(y, score)), 3) if 0 < y.sum() < len(y) else None,
           "false_positive_rate": round(float(pred[y == 0].mean()), 3) if (y == 0).any() else None,
           "true_positive_rate": round(float(pred[y == 1].mean()), 3) if (y == 1).any() else None}
    if flag_at is not None:
        flagged = score > flag_at
        out["flag_recall"] = round(float(flagged[y == 1].mean()), 3) if (y == 1).any() else None
        out["false_flags"] = int(flagged[y == 0].sum())
    return out


if __name__ == "__main__":
    sys.exit(main())
