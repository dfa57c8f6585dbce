"""Metrics, ROC curves and the Markdown report for a scored pair set (the back half of
`npm run evaluate`).

    /usr/bin/python3 -m twinspect_training.report --pairs OUT/pairs --scores OUT/scores/bta.json \
        [--geometry OUT/scores/geometry.json] --manifest models/<v>/manifest.json --out OUT \
        [--baseline-checkpoint ckpt.pt ...] [--baselines]

BTA is judged at the threshold calibrated on validation data (from the manifest) and at 0.5.
With `--geometry` (geometric verification through the production path): `verify` (inliers) alone, and
`bta+verify`, the product's score, with the combination and threshold calibrated on validation
pairs (manifest `verification`), or cross-fitted here when the manifest has none yet.
Baselines have no calibrated threshold of their own, so theirs is cross-calibrated: fitted on one
half of the pairs and applied to the other, both ways, so no pair judges the threshold it set.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_curve  # noqa: E402

from .alterations import ALTERATION_TYPES  # noqa: E402
from .baselines import score_baselines  # noqa: E402
from .evaluation import best_threshold, flag_threshold_at, metrics, precision_at_prevalence  # noqa: E402

PROBABILITIES = {"bta", "bta+sift", "bta+verify", "bta+verify@flag"}  # methods whose scores are probabilities, so 0.5 means something
# The flag prevalences a team can choose in the web app (apps/web team-settings.tsx PREVALENCES).
FLAG_PREVALENCES = (0.005, 0.01, 0.02, 0.05, 0.1, 0.2)
# Bins of a copy's shared area (pairset `shared_area`): "none" (exactly 0), then the bins between
# these edges, each edge the lower bound of the bin above it (the last bin up to 1 inclusive).
SHARED_AREA_BINS = ("none", "under 10%", "10-25%", "25-50%", "50% or more")
SHARED_AREA_EDGES = (0.1, 0.25, 0.5)
STUDY = {"bta": (0.89, 0.95, 0.90, 0.97), "barlow_twins": (0.68, 0.69), "simclr": (0.67, 0.71)}


def cross_calibrated(labels: np.ndarray, scores: np.ndarray) -> dict[str, float]:
    half = np.arange(len(labels)) % 2 == 0
    preds = np.zeros(len(labels), dtype=int)
    thresholds = []
    for fit, apply in ((half, ~half), (~half, half)):
        t = best_threshold(labels[fit], scores[fit])
        thresholds.append(t)
        preds[apply] = (scores[apply] > t).astype(int)
    m = metrics(labels, scores, float(np.mean(thresholds)))
    # Replace the threshold-dependent figures with the cross-calibrated predictions.
    tp = int(((preds == 1) & (labels == 1)).sum())
    fp = int(((preds == 1) & (labels == 0)).sum())
    fn = int(((preds == 0) & (labels == 1)).sum())
    m["accuracy"] = float((preds == labels).mean())
    m["precision"] = tp / (tp + fp) if tp + fp else 0.0
    m["recall"] = tp / (tp + fn) if tp + fn else 0.0
    m["f1"] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    m["precision_at_1pct"] = precision_at_prevalence(labels, preds)
    m["threshold_source"] = "cross-calibrated (2-fold)"
    return m


# The geometry the product's combination weighs besides the model's score, in the order of
# `combination_features`'s columns; manifest `verification.combine` names a coefficient for each.
# `similarityInliers` is the fit's similarity times ln(1 + inliers): a similarity backed by many
# inliers (a few chance inliers can fit a near-similarity too). Matches, their ratio to inliers
# and the keypoint count were measured as well (`combination_study`) and are not used.
GEOMETRY_FEATURES = ("inliers", "similarityInliers")


def combination_features(bta: np.ndarray, geometry: list[dict]) -> np.ndarray:
    """(logit of the model's score, ln(1 + inliers), similarity · ln(1 + inliers)): the inputs
    of the product's combined score (packages/inference/src/verify.ts `combinedScore`). A measure a
    geometry record lacks (SIFT gives inliers only) is 0."""
    p = np.clip(bta, 1e-6, 1 - 1e-6)
    inliers = np.log1p(np.asarray([float(r.get("inliers", 0)) for r in geometry]))
    similarity = np.asarray([float(r.get("similarity", 0)) for r in geometry])
    return np.column_stack([np.log(p / (1 - p)), inliers, similarity * inliers])


def combined_score(bta: np.ndarray, geometry: list[dict], combine: dict) -> np.ndarray:
    """The product's score from a manifest's coefficients; one it does not name counts 0."""
    w = np.array([combine["model"], *(combine.get(k, 0.0) for k in GEOMETRY_FEATURES)])
    return 1 / (1 + np.exp(-(combine["intercept"] + combination_features(bta, geometry) @ w)))


def combined_cross_fitted(labels: np.ndarray, bta: np.ndarray, geometry: list[dict]) -> tuple[np.ndarray, dict]:
    """Geometric verification on top of BTA: a logistic regression over the combination features,
    cross-fitted on two halves so no pair's score was fitted on that pair."""
    x = combination_features(bta, geometry)
    half = np.arange(len(labels)) % 2 == 0
    out = np.zeros(len(labels))
    for fit, apply in ((half, ~half), (~half, half)):
        model = LogisticRegression(max_iter=1000).fit(x[fit], labels[fit])
        out[apply] = model.predict_proba(x[apply])[:, 1]
    return out, cross_calibrated(labels, out)


def per_alteration(rows: list[dict], labels: np.ndarray, scores: np.ndarray, threshold: float) -> dict[str, dict]:
    pred = scores > threshold
    out = {}
    for kind in ALTERATION_TYPES:
        mask = np.array([kind in r["alterations_a"] or kind in r["alterations_b"] for r in rows])
        if mask.any():
            out[kind] = {"accuracy": round(float((pred[mask] == labels[mask]).mean()), 4), "pairs": int(mask.sum())}
    return out


def _rates(mask: np.ndarray, scores: dict[str, np.ndarray], thresholds: dict[str, float]) -> dict[str, float | None]:
    """The share of the masked pairs each method calls a copy, at its threshold (None for no pair)."""
    return {m: round(float((scores[m][mask] > t).mean()), 6) if mask.any() else None for m, t in thresholds.items()}


def by_shared_area(rows: list[dict], labels: np.ndarray, scores: dict[str, np.ndarray],
                   thresholds: dict[str, float]) -> list[dict]:
    """Each method's recall on the copies, by how much of the larger crop both sides show: what
    separates copies no method can match from those a method misses. Empty for pair sets written
    before pairs recorded their crops."""
    if any(r.get("same") and r.get("shared_area") is None for r in rows):
        return []
    area = np.array([r["shared_area"] if r["same"] else np.nan for r in rows], dtype=float)
    bins = np.where(area == 0, 0, np.digitize(area, SHARED_AREA_EDGES) + 1)
    masks = [(bins == i) & (labels == 1) for i in range(len(SHARED_AREA_BINS))]
    return [{"shared_area": name, "copies": int(mask.sum()), "recall": _rates(mask, scores, thresholds)}
            for name, mask in zip(SHARED_AREA_BINS, masks)]


def collections(rows: list[dict]) -> np.ndarray:
    """The image collection of each pair's first side: the first folder below what every image
    path of the pair set shares ("." for an image directly in it)."""
    dirs = [Path(r[k]).parent.parts for r in rows for k in ("source_a", "source_b")]
    common = 0
    while all(len(d) > common + 1 for d in dirs) and len({d[common] for d in dirs}) == 1:
        common += 1
    return np.array([parts[common] if len(parts := Path(r["source_a"]).parent.parts) > common else "."
                     for r in rows])


def by_source(rows: list[dict], labels: np.ndarray, scores: dict[str, np.ndarray],
              thresholds: dict[str, float]) -> list[dict]:
    """Each method's recall on the copies and false positive rate on the other pairs, by the image
    collection of a pair's first side: the first folder below what every image path shares."""
    source = collections(rows)
    return [{"source": str(name), "copies": int(((source == name) & (labels == 1)).sum()),
             "recall": _rates((source == name) & (labels == 1), scores, thresholds),
             "others": int(((source == name) & (labels == 0)).sum()),
             "false_positive_rate": _rates((source == name) & (labels == 0), scores, thresholds)}
            for name in sorted(set(source))]


def plot_roc(labels: np.ndarray, all_scores: dict[str, np.ndarray], path: Path, title: str) -> None:
    fig, ax = plt.subplots(figsize=(5.5, 5))
    for name, s in all_scores.items():
        fpr, tpr, _ = roc_curve(labels, s)
        ax.plot(fpr, tpr, label=name)
    ax.plot([0, 1], [0, 1], "k:", lw=0.8)
    ax.set_xlabel("false positive rate")
    ax.set_ylabel("true positive rate")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def _rate_cells(rates: dict[str, float | None], names: list[str], sep: str) -> str:
    return sep.join("-" if rates[n] is None else f"{rates[n]:.3f}" for n in names)


def markdown(result: dict) -> str:
    lines = [f"# Evaluation: {result['protocol']} protocol, {result['negatives']} negatives",
             "", f"Model `{result['model_version']}`, {result['pairs']} pairs (seed {result['seed']}), "
             f"images from `{result['images']}`. BTA threshold {result['threshold']:.4f} (calibrated on "
             "validation data); baselines cross-calibrated.", "",
             "| method | accuracy | accuracy @0.5 | F1 | precision | precision at 1% copies | recall | AUC | study (acc / AUC) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, m in result["methods"].items():
        key = name.split("@")[0]  # "barlow_twins@15ep_head" -> "barlow_twins"
        study = STUDY.get(key)
        ref = f"{study[0]}-{study[2]} / {study[1]}-{study[3]}" if key == "bta" else (f"{study[0]} / {study[1]}" if study else "")
        at_half = f"{m['accuracy_at_0_5']:.3f}" if name in PROBABILITIES or name.endswith("_head") else "-"
        lines.append(f"| {name} | {m['accuracy']:.3f} | {at_half} | {m['f1']:.3f} | "
                     f"{m['precision']:.3f} | {m['precision_at_1pct']:.3f} | {m['recall']:.3f} | {m['auc']:.3f} | {ref} |")
    lines += ["", "Precision at 1% copies is the precision these recall and false positive rates give when "
              "only 1 candidate pair in 100 is a copy, as in a real case, instead of the 40% of these pairs.", "",
              "`bta` is the model alone; `verify` is geometric verification alone (AKAZE keypoints + "
              "RANSAC inliers through opencv.js, as the workers run it); `bta+verify` is the product's "
              f"score, the two combined ({result['combination']}); `bta+verify@flag` is that score at the "
              "threshold the workers flag by (the manifest's `flagThreshold`, for a real case's share of copies). "
              "`bta+sift` is BTA with SIFT + RANSAC "
              "(OpenCV in Python, not in the product), combined by a cross-fitted logistic regression.", "",
              "The study scored ~630-700 cell images on pairs from an 80/20 split; its numbers are "
              "shown for orientation, not as a like-for-like comparison.", "",
              "## Accuracy by alteration type", "", "| alteration | pairs | " +
              " | ".join(result["per_alteration"]) + " |", "|---|---|" + "---|" * len(result["per_alteration"])]
    for kind, m in result["per_alteration"]["bta"].items():
        accs = " | ".join(f"{result['per_alteration'][name][kind]['accuracy']:.3f}" for name in result["per_alteration"])
        lines.append(f"| {kind} | {m['pairs']} | {accs} |")
    if result.get("by_shared_area"):
        names = list(result["by_shared_area"][0]["recall"])
        lines += ["", "## Copies found by shared area", "",
                  "Each side of a copy is cropped on its own; the shared area is the part of the larger crop "
                  "that the other also shows (crop boxes, before a rotation trims corners). The share of "
                  "copies found, by method, at the thresholds above:", "",
                  "| shared area | copies | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
        for row in result["by_shared_area"]:
            lines.append(f"| {row['shared_area']} | {row['copies']} | {_rate_cells(row['recall'], names, ' | ')} |")
    if result.get("by_source"):
        names = list(result["by_source"][0]["recall"])
        lines += ["", "## By image source", "",
                  "The collection of a pair's first side (for a copy, both sides). Copies found and other pairs "
                  f"called copies, each as {' / '.join(names)} at the thresholds above:", "",
                  "| source | copies | copies found | other pairs | other pairs called copies |", "|---|---|---|---|---|"]
        for row in result["by_source"]:
            lines.append(f"| {row['source']} | {row['copies']} | {_rate_cells(row['recall'], names, ' / ')} | "
                         f"{row['others']} | {_rate_cells(row['false_positive_rate'], names, ' / ')} |")
    if result.get("flag_sensitivity"):
        lines += ["", "## Flag sensitivity", "",
                  "What a team's flag prevalence (the share of candidate pairs it expects to be copies) "
                  "does to the product's score on these pairs: the threshold it flags above, the share of "
                  "copies and of other pairs flagged, and the precision those rates give at that prevalence.",
                  "", "| prevalence | flag threshold | recall | false positive rate | false flags | precision at that prevalence |",
                  "|---|---|---|---|---|---|"]
        for row in result["flag_sensitivity"]:
            lines.append(f"| {row['prevalence']:.1%} | {row['threshold']:.4f} | {row['recall']:.3f} | "
                         f"{row['false_positive_rate']:.4f} | {row['false_flags']} of {row['negatives']} | "
                         f"{row['precision_at_prevalence']:.3f} |")
    lines += ["", "![ROC curves](roc.png)", ""]
    return "\n".join(lines)


def flag_sensitivity(labels: np.ndarray, scores: np.ndarray, verification: dict) -> list[dict]:
    """The product's score at each flag prevalence a team can choose (report's "Flag sensitivity")."""
    rows = []
    for p in FLAG_PREVALENCES:
        t = flag_threshold_at(verification, p)
        pred = (scores > t).astype(int)
        rows.append({"prevalence": p, "threshold": round(t, 6),
                     "recall": round(float(pred[labels == 1].mean()), 4),
                     "false_positive_rate": round(float(pred[labels == 0].mean()), 4),
                     "false_flags": int(pred[labels == 0].sum()), "negatives": int((labels == 0).sum()),
                     "precision_at_prevalence": round(precision_at_prevalence(labels, pred, p), 4)})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", required=True, type=Path)
    ap.add_argument("--scores", required=True, type=Path, help="JSON list of BTA scores, one per pair")
    ap.add_argument("--geometry", type=Path, help="JSON list of verification results (inliers, matches, ...), one per pair")
    ap.add_argument("--manifest", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--images", default="")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--baselines", action="store_true")
    ap.add_argument("--baseline-checkpoint", action="append", default=[], type=Path)
    args = ap.parse_args(argv)

    rows = [json.loads(line) for line in (args.pairs / "pairs.jsonl").read_text().splitlines() if line]
    bta = np.asarray(json.loads(args.scores.read_text()), dtype=float)
    if len(bta) != len(rows):
        raise SystemExit(f"{args.scores}: {len(bta)} scores for {len(rows)} pairs")
    manifest = json.loads(args.manifest.read_text())
    labels = np.array([int(r["same"]) for r in rows])
    threshold = float(manifest["threshold"])

    all_scores = {"bta": bta}
    methods = {"bta": metrics(labels, bta, threshold)}
    combination = "no verification scores given"
    sensitivity = []
    if args.geometry:
        geometry = json.loads(args.geometry.read_text())
        inliers = np.asarray([g["inliers"] for g in geometry], dtype=float)
        all_scores["verify"], methods["verify"] = inliers, cross_calibrated(labels, inliers)
        verification = manifest.get("verification", {})
        if "combine" in verification:
            all_scores["bta+verify"] = combined_score(bta, geometry, verification["combine"])
            methods["bta+verify"] = metrics(labels, all_scores["bta+verify"], float(verification["threshold"]))
            if "flagThreshold" in verification:
                # What the workers flag: the same score at the threshold for a real case's prevalence.
                methods["bta+verify@flag"] = metrics(labels, all_scores["bta+verify"], float(verification["flagThreshold"]))
                if "flagPrevalence" in verification:
                    sensitivity = flag_sensitivity(labels, all_scores["bta+verify"], verification)
            combination = "logistic regression and threshold calibrated on validation pairs, from the manifest"
        else:
            all_scores["bta+verify"], methods["bta+verify"] = combined_cross_fitted(labels, bta, geometry)
            combination = "no calibrated combination in the manifest: cross-fitted here"
    if args.baselines:
        for name, s in score_baselines(args.pairs, rows, args.baseline_checkpoint).items():
            all_scores[name] = s
            methods[name] = cross_calibrated(labels, s)
        sift = [{"inliers": float(i)} for i in all_scores["sift_ransac"]]
        all_scores["bta+sift"], methods["bta+sift"] = combined_cross_fitted(labels, bta, sift)
    # The product's own measures, each at its threshold, for the breakdowns by shared area and source.
    judged = {**all_scores, "bta+verify@flag": all_scores.get("bta+verify")}
    thresholds = {name: methods[name]["threshold"] for name in ("bta", "verify", "bta+verify", "bta+verify@flag")
                  if name in methods}
    result = {
        "protocol": rows[0]["protocol"], "negatives": rows[0]["negatives"], "pairs": len(rows),
        "seed": args.seed, "images": args.images, "model_version": manifest["version"],
        "threshold": threshold, "combination": combination,
        "methods": {k: {kk: (round(v, 6 if kk == "threshold" else 4) if isinstance(v, float) else v)
                        for kk, v in m.items()} for k, m in methods.items()},
        "per_alteration": {name: per_alteration(rows, labels, all_scores[name], methods[name]["threshold"])
                           for name in ("bta", "bta+verify") if name in methods},
        "flag_sensitivity": sensitivity,
        "by_shared_area": by_shared_area(rows, labels, judged, thresholds),
        "by_source": by_source(rows, labels, judged, thresholds),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "metrics.json").write_text(json.dumps(result, indent=2))
    plot_roc(labels, all_scores, args.out / "roc.png", f"{result['protocol']} / {result['negatives']} negatives")
    (args.out / "report.md").write_text(markdown(result))
    print(json.dumps({"event": "report", "out": str(args.out),
                      "bta": {k: result["methods"]["bta"][k] for k in ("accuracy", "auc")}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
