"""Calibrate a model's threshold on validation pairs scored through the production path.

    npm run evaluate -- --images ../shared/datasets/bio-dev --only-split val --out cal/editorial-random ...
    /usr/bin/python3 -m twinspect_training.calibrate --manifest models/<v>/manifest.json cal/*

Export calibrates in PyTorch on alterations of the decoded training cache; production scores full
resolution images through sharp and onnxruntime-node, so the threshold is re-fitted here on what
production sees: the accuracy-maximising threshold over every given validation pair set.

When the evaluations also verified the pairs (scores/geometry.json, with the settings they used in
scores/verification.json), the product's combined score is fitted here too: a logistic regression
(scikit-learn) over the logit of the model's score and the geometry (`report.combination_features`:
ln(1 + inliers), and the fit's similarity times that), and its own accuracy-maximising
threshold; both go into the manifest's `verification`, which the workers and the evaluation read.

The regression is fitted where 40 % of pairs are copies; among a real case's verified candidate
pairs copies are rare. The workers flag by `flagThreshold`: the combined score at which a pair is
more likely a copy than not when FLAG_PREVALENCE of the pairs are (Bayes: the fitted odds times the
ratio of the two prior odds reach 1). The accuracy-maximising `threshold` stays for the
evaluation's accuracy figures. `metrics.validation_flag_sensitivity` tabulates what each flag
prevalence a team can choose would flag on these pairs.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from .evaluation import best_threshold, flag_threshold, rounded_metrics
from .report import GEOMETRY_FEATURES, combination_features, flag_sensitivity

# Copies among the verified candidate pairs of a real case, for the flag threshold. Measured with
# the shipped model: on the 757 bio-dev originals of the end-to-end bench (no planted copy) 2 %
# flags 1 pair (336 inliers, two overlapping tiles); at AKAZE 1e-4, 5 % flagged 11 (10 of them
# look-alikes with 4-11 inliers), at 1e-5 it flags that 1 pair too (10 % flags 14). 2 % kept a
# mirrored 80 % crop with 41 inliers that 1 % (flag above 0.985) dropped. A team may choose its own.
FLAG_PREVALENCE = 0.02


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--manifest", required=True, type=Path)
    ap.add_argument("evals", nargs="+", type=Path, help="folders written by npm run evaluate on validation images")
    args = ap.parse_args(argv)
    labels, scores, geometry, sets, settings = [], [], [], [], []
    for ev in args.evals:
        rows = [json.loads(line) for line in (ev / "pairs" / "pairs.jsonl").read_text().splitlines() if line]
        s = json.loads((ev / "scores" / "bta.json").read_text())
        labels += [int(r["same"]) for r in rows]
        scores += s
        sets.append(f"{rows[0]['protocol']}/{rows[0]['negatives']} ({len(rows)})")
        if (ev / "scores" / "geometry.json").exists():
            geometry += json.loads((ev / "scores" / "geometry.json").read_text())
            settings.append(json.loads((ev / "scores" / "verification.json").read_text()))
    y, s = np.asarray(labels), np.asarray(scores, dtype=float)
    t = best_threshold(y, s)
    manifest = json.loads(args.manifest.read_text())
    manifest["threshold"] = round(t, 6)
    manifest["threshold_source"] = (f"accuracy-maximising threshold on {len(y)} validation pairs scored through "
                                    f"sharp + onnxruntime-node: {', '.join(sets)}")
    manifest["metrics"]["validation"] = rounded_metrics(y, s, t)
    if len(geometry) == len(y):
        if any(st != settings[0] for st in settings):
            raise SystemExit("the evaluations verified pairs with different settings; rerun them with one model")
        x = combination_features(s, geometry)
        fit = LogisticRegression(max_iter=1000).fit(x, y)
        combined = fit.predict_proba(x)[:, 1]
        tv = best_threshold(y, combined)
        tf = flag_threshold(float(y.mean()), FLAG_PREVALENCE)
        manifest["verification"] = {
            **{k: v for k, v in settings[0].items() if k not in ("combine", "threshold")},
            "combine": {"intercept": round(float(fit.intercept_[0]), 6),
                        **{name: round(float(w), 6) for name, w in zip(("model", *GEOMETRY_FEATURES), fit.coef_[0])}},
            "threshold": round(tv, 6),
            "flagThreshold": round(tf, 6),
            "flagPrevalence": FLAG_PREVALENCE,
            "source": f"logistic regression and accuracy-maximising threshold on the same {len(y)} validation pairs",
        }
        manifest["metrics"]["validation_verified"] = rounded_metrics(y, combined, tv)
        manifest["metrics"]["validation_flagged"] = rounded_metrics(y, combined, tf)
        # What each flag prevalence a team can choose does on these pairs (the team settings show it).
        manifest["metrics"]["validation_flag_sensitivity"] = flag_sensitivity(
            y, combined, manifest["verification"])
    args.manifest.write_text(json.dumps(manifest, indent=2))
    print(json.dumps({"event": "calibrated", "threshold": manifest["threshold"], "pairs": len(y),
                      "verification": manifest.get("verification")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
