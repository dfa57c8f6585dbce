"""Which verification measures the product's combination should weigh: cross-validated on
validation pair sets scored through the production path (what `calibrate` fits on).

    /usr/bin/python3 -m twinspect_training.combination_study cal/editorial-random cal/editorial-hard ...

For each candidate set of inputs (the model's score plus some of what verification measures per
pair, scores/geometry.json), a logistic regression is cross-validated (5 folds) and judged at its
accuracy-maximising threshold: accuracy, AUC, and the false and true positive rates, since at a
real case's low share of copies the false positive rate decides how many flags are false.
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

from .evaluation import best_threshold

MEASURES = {
    "inliers": lambda g: np.log1p(g["inliers"]),
    "similarity": lambda g: g["similarity"],
    "similarity x inliers": lambda g: g["similarity"] * np.log1p(g["inliers"]),
    "matches": lambda g: np.log1p(g["matches"]),
    "inlier ratio": lambda g: np.divide(g["inliers"], g["matches"], out=np.zeros(len(g["inliers"])),
                                        where=g["matches"] > 0),
    "keypoints": lambda g: np.log1p(g["keypoints"]),
}
CANDIDATES = (("inliers",), ("inliers", "similarity"), ("inliers", "similarity x inliers"),
              ("inliers", "similarity", "matches"),
              ("inliers", "similarity", "matches", "inlier ratio"), ("inliers", "similarity", "keypoints"),
              ("inliers", "similarity", "matches", "inlier ratio", "keypoints"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("evals", nargs="+", type=Path, help="folders written by npm run evaluate on validation images")
    args = ap.parse_args(argv)
    labels, scores, geometry = [], [], []
    for ev in args.evals:
        rows = [json.loads(line) for line in (ev / "pairs" / "pairs.jsonl").read_text().splitlines() if line]
        labels += [int(r["same"]) for r in rows]
        scores += json.loads((ev / "scores" / "bta.json").read_text())
        geometry += json.loads((ev / "scores" / "geometry.json").read_text())
    y = np.asarray(labels)
    p = np.clip(np.asarray(scores, dtype=float), 1e-6, 1 - 1e-6)
    g = {k: np.asarray([float(r[k]) for r in geometry]) for k in ("inliers", "matches", "similarity", "keypoints")}
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    print(f"{len(y)} validation pairs, {int(y.sum())} copies; model score plus:")
    for names in CANDIDATES:
        x = np.column_stack([np.log(p / (1 - p)), *(MEASURES[n](g) for n in names)])
        out = cross_val_predict(LogisticRegression(max_iter=1000), x, y, cv=folds, method="predict_proba")[:, 1]
        pred = out > best_threshold(y, out)
        print(json.dumps({"inputs": ["model", *names], "accuracy": round(float((pred == y).mean()), 3),
                          "auc": round(float(roc_auc_score(y, out)), 3),
                          "false_positive_rate": round(float(pred[y == 0].mean()), 3),
                          "true_positive_rate": round(float(pred[y == 1].mean()), 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
