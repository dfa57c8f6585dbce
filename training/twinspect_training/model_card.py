"""Render MODEL_CARD.md for an exported model from its manifest and evaluation runs.

    /usr/bin/python3 -m twinspect_training.model_card --model-dir models/<v> \
        --eval eval/editorial-random --eval eval/editorial-hard ... [--notes notes.md]

Every figure in the card comes from a file: the manifest (training, validation) and each
evaluation's metrics.json (held-out test images). Targets are printed beside what was reached.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# protocol, negatives -> (accuracy, AUC) targets from the product's model issue.
TARGETS = {("editorial", "random"): (0.95, 0.99), ("editorial", "hard"): (0.90, 0.95),
           ("reference", "random"): (0.90, 0.97), ("reference", "hard"): (0.85, 0.92)}


# How each coefficient of manifest `verification.combine` enters the product score
# (report.combination_features; similarity is σ_min/σ_max of the fitted affine transform).
COMBINE_TERMS = (("inliers", "ln(1 + inliers)"), ("similarityInliers", "similarity of the fit · ln(1 + inliers)"))


def _mark(value: float, target: float) -> str:
    return f"{value:.3f} {'(met)' if value >= target else f'(target {target:.2f}: missed)'}"


def render(model_dir: Path, evals: list[Path], notes: str) -> str:
    m = json.loads((model_dir / "manifest.json").read_text())
    cfg = m["training"]["config"]
    split = m["training"]["split"]
    lines = [
        f"# Model card: `{m['version']}`", "",
        "Twinspect's default duplicate detector. Given two images it answers: do they show the same "
        "content, up to alterations (crop and resize, rotation, flip, colour and contrast changes, "
        "noise, blur, JPEG re-compression)? Score in [0, 1]; a pair is flagged above the calibrated "
        f"threshold **{m['threshold']:.4f}**.", "",
        *([f"The product verifies each image's best candidates geometrically ({v['method']}: AKAZE keypoints "
           f"on a {v['side']} px CLAHE-equalised grey image, at most {v['maxKeypoints']}, ratio test {v['ratio']}, "
           f"RANSAC affine fit at {v['ransacPx']} px, the second image also mirrored) and scores a verified pair "
           f"sigmoid({v['combine']['intercept']:.3f} + {v['combine']['model']:.3f}·logit(model score)"
           + "".join(f" {'+' if w >= 0 else '-'} {abs(w):.3f}·{term}" for name, term in COMBINE_TERMS
                     if (w := v["combine"].get(name)) is not None)
           + f"): the **product score** below, judged at **{v['threshold']:.4f}** (accuracy on validation "
           "pairs that are 40 % copies). Both were fitted on validation pairs scored through the production "
           "path (`calibrate`)."
           + (f" The workers flag a verified pair above **{v['flagThreshold']:.4f}**, where it is more likely a "
              f"copy than not when {v['flagPrevalence']:.0%} of candidate pairs are copies, as in a real case."
              if "flagThreshold" in v else ""), ""] if (v := m.get("verification")) and "combine" in v else []),
        "## Model", "",
        f"- {m['architecture']}.",
        f"- Input {m['input']['size']} x {m['input']['size']} RGB, mean {m['input']['mean']}, std {m['input']['std']}; "
        "grey, alpha and 16-bit mapping as in `manifest.json` (`input.preprocessing`).",
        f"- Embedding size {m['embedding_dim']}; ONNX opset {m['files']['encoder']['opset']}; "
        "the head scores any N x M block of embeddings and is symmetric by construction.",
        ("- Trained from scratch" if not (base := cfg["train"].get("init_from")) else
         f"- Fine-tuned from `{Path(base).name}` (trained from scratch here)")
        + " with no pretrained weights, self-supervised, with the parallel loss: "
        f"BCE over all B x B pairs of a batch + {cfg['train']['bt_lambda']} x Barlow Twins loss.", "",
        "## Data", "",
        f"- `{m['training']['dataset']}`: {len(split['train'])} training, {len(split['val'])} validation "
        f"(threshold calibration) and {len(split['test'])} held-out test images, split by image with "
        f"seed {cfg['train']['seed']} before any augmentation (lists in `manifest.json`).",
        "- Sources: Data Science Bowl 2018 (CC0), POLLEN23E (CC-BY-4.0), CellProfiler examples "
        "(BSD-3-Clause), ISBI 2012 EM (non-commercial). No image of these is shipped with the model.", "",
        "## Training", "",
        f"- Mode `{cfg['train']['mode']}`, {cfg['train']['epochs']} epochs, batch {cfg['train']['batch_size']}, "
        f"AdamW with cosine LR {cfg['train']['lr_max']} -> {cfg['train']['lr_min']}"
        + (f" (x {cfg['train']['finetune_lr_scale']} when fine-tuning)" if base else "") + ", "
        f"{int(cfg['train']['same_source_batch_fraction'] * 100)}% of batches from one source folder "
        f"(hard negatives)"
        + (f", {halves:.0%} of a batch's slots holding the two halves of one image (each the other's negative)"
           if (halves := cfg["train"].get("split_image_fraction")) else "")
        + f", views from the protocols {cfg['train']['protocol_mix']}.",
    ]
    for key in ("command", "minutes", "hardware", "note"):
        if key in m["training"]:
            lines.append(f"- {key.capitalize()}: {m['training'][key]}")
    val = m["metrics"]["validation"]
    lines += ["", f"Validation (calibration) pairs: accuracy {val['accuracy']:.3f}, AUC {val['auc']:.3f} over {val['n']} pairs"
              + (f"; verified score accuracy {vv['accuracy']:.3f}, AUC {vv['auc']:.3f}." if (vv := m["metrics"].get("validation_verified")) else "."),
              "", "## Held-out evaluation (test images never seen in training)", "",
              "Scored with `npm run evaluate` through the production path (sharp + onnxruntime-node, "
              "and opencv.js for verification). Targets are marked on the product score and on BTA alone.", "",
              "| protocol | negatives | pairs | product score: accuracy | product score: AUC | BTA alone (acc / AUC) | "
              "verification alone | best other baseline (acc / AUC) | BTA+SIFT (acc / AUC) | "
              "flagged by the workers: precision / recall / precision at 1 % copies |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    pair = lambda x: f"{x['accuracy']:.3f} / {x['auc']:.3f}" if x else "-"  # noqa: E731
    for ev in evals:
        r = json.loads((ev / "metrics.json").read_text())
        b = r["methods"]["bta"]
        product = r["methods"].get("bta+verify", b)
        target = TARGETS.get((r["protocol"], r["negatives"]), (0, 0))
        baselines = {k: x for k, x in r["methods"].items()
                     if k not in ("bta", "bta+sift", "bta+verify", "bta+verify@flag", "verify")}
        best = max(baselines.items(), key=lambda kv: kv[1]["accuracy"]) if baselines else None
        best_s = f"{best[0]} {pair(best[1])}" if best else "-"
        lines.append(f"| {r['protocol']} | {r['negatives']} | {r['pairs']} | {_mark(product['accuracy'], target[0])} | "
                     f"{_mark(product['auc'], target[1])} | {_mark(b['accuracy'], target[0])} / {b['auc']:.3f} | "
                     f"{pair(r['methods'].get('verify'))} | {best_s} | {pair(r['methods'].get('bta+sift'))} | "
                     + (f"{f['precision']:.3f} / {f['recall']:.3f} / {f['precision_at_1pct']:.3f} |"
                        if (f := r["methods"].get("bta+verify@flag")) else "- |"))
    lines += ["", "Reference study (BTA, ~630-700 cell images): accuracy 0.89-0.90, AUC 0.95-0.97; "
              "Barlow Twins 0.68 / 0.69; SimCLR 0.67 / 0.71.", ""]
    if notes:
        lines += [notes.strip(), ""]
    results = [json.loads((ev / "metrics.json").read_text()) for ev in evals]
    lines += _flag_sensitivity(results)
    lines += _shared_area(results)
    lines += ["## Limits", "",
              f"- Trained on 2 CPU cores at {m['input']['size']} px without pretrained weights: fine detail below "
              "that resolution is not seen.",
              _disjoint_copies(results),
              "- A threshold calibrated on one image source can transfer badly to another; recalibrate "
              "(retrain from confirmed labels) for a new source.",
              "- A score is evidence for a human reviewer, not a verdict.", ""]
    return "\n".join(lines)


def _across_rows(results: list[dict], key: str, title: str, intro: str, columns: list[str],
                 label, cell) -> list[str]:
    """A section with one table row per entry of each evaluation's `key` list and one column per
    evaluation (protocol and negatives); `label` renders an entry's leading cells, `cell` each row's."""
    rows = [r for r in results if r.get(key)]
    if not rows:
        return []
    head = " | ".join(f"{r['protocol']} {r['negatives']}" for r in rows)
    lines = [f"## {title}", "", intro, "", f"| {' | '.join(columns)} | {head} |",
             "|" + "---|" * (len(columns) + len(rows))]
    for i, first in enumerate(rows[0][key]):
        lines.append(f"| {label(first)} | {' | '.join(cell(r[key][i]) for r in rows)} |")
    return [*lines, ""]


def _flag_sensitivity(results: list[dict]) -> list[str]:
    """Recall and false flags of each held-out row at each flag prevalence a team can choose."""
    return _across_rows(
        results, "flag_sensitivity", "Flag sensitivity",
        "A team sets the share of candidate pairs it expects to be copies (team settings, or the CLI's "
        "`--flag-prevalence`); a verified pair is flagged where it is more likely a copy than not at that "
        "share. Recall, and false flags among each row's negatives, on the held-out pairs:",
        ["prevalence", "flag threshold"], lambda x: f"{x['prevalence']:.1%} | {x['threshold']:.4f}",
        lambda x: f"{x['recall']:.3f} ({x['false_flags']} of {x['negatives']})")


def _shared_area(results: list[dict]) -> list[str]:
    """Recall of the model alone and of the product score by how much content a copy's sides share."""
    def found(x: dict) -> str:
        shares = " / ".join("-" if x["recall"].get(k) is None else f"{x['recall'][k]:.3f}" for k in ("bta", "bta+verify"))
        return f"{x['copies']}: {shares}"

    return _across_rows(
        results, "by_shared_area", "Copies found by shared area",
        "Each side of a held-out copy is cropped on its own, so two sides may show little of the same "
        "content. The shared area is the part of the larger crop that the other also shows. Each cell: "
        "copies in that bin, then the share found by BTA alone / by the product score at its threshold.",
        ["shared area"], lambda x: x["shared_area"], found)


def _disjoint_copies(results: list[dict]) -> str:
    """The limit the reference protocol's crops set, measured on the held-out copies when the
    evaluations recorded their crops."""
    shares = []
    for r in results:
        if r["protocol"] == "reference" and (bins := {b["shared_area"]: b["copies"] for b in r.get("by_shared_area", [])}):
            total = sum(bins.values())
            shares.append(f"{bins['none'] / total:.1%} share no pixels at all and "
                          f"{(bins['none'] + bins['under 10%']) / total:.1%} under a tenth of the larger crop "
                          f"({r['negatives']} negatives)")
    if not shares:
        return ("- Under the reference protocol about 3% of same pairs share no pixels at all (two independent "
                "8-100% crops can miss each other); no method can call those.")
    return ("- Under the reference protocol two independent 8-100% crops can miss each other: of the held-out "
            f"copies, {'; '.join(shares)}. No method can call a copy whose sides share no pixel.")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model-dir", required=True, type=Path)
    ap.add_argument("--eval", action="append", default=[], type=Path)
    ap.add_argument("--notes", type=Path)
    args = ap.parse_args(argv)
    notes = args.notes.read_text() if args.notes else ""
    (args.model_dir / "MODEL_CARD.md").write_text(render(args.model_dir, args.eval, notes))
    print(json.dumps({"event": "model_card", "path": str(args.model_dir / "MODEL_CARD.md")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
