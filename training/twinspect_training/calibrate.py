"""Calibrate a model's threshold on validation pairs scored through the production path.

    npm run evaluate -- --images ../shared/datasets/bio-dev --only-split val --out cal/editorial-random ...
    /usr/bin/python3 -m twinspect_training.calibrate --manifest models/<v>/manifest.json cal/*

Export calibrates in PyTorch on alterations of the decoded training cache; production scores full
resolution images through sharp and onnxruntime-node, so the threshold is re-fitted here on what
production sees: the accuracy-maximising threshold over every given validation pair set.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from .evaluation import best_threshold, metrics


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--manifest", required=True, type=Path)
    ap.add_argument("evals", nargs="+", type=Path, help="folders written by npm run evaluate on validation images")
    args = ap.parse_args(argv)
    labels, scores, sets = [], [], []
    for ev in args.evals:
        rows = [json.loads(line) for line in (ev / "pairs" / "pairs.jsonl").read_text().splitlines() if line]
        s = json.loads((ev / "scores" / "bta.json").read_text())
        labels += [int(r["same"]) for r in rows]
        scores += s
        sets.append(f"{rows[0]['protocol']}/{rows[0]['negatives']} ({len(rows)})")
    y, s = np.asarray(labels), np.asarray(scores, dtype=float)
    t = best_threshold(y, s)
    manifest = json.loads(args.manifest.read_text())
    manifest["threshold"] = round(t, 6)
    manifest["threshold_source"] = (f"accuracy-maximising threshold on {len(y)} validation pairs scored through "
                                    f"sharp + onnxruntime-node: {', '.join(sets)}")
    manifest["metrics"]["validation"] = {k: round(v, 4) if isinstance(v, float) else v for k, v in metrics(y, s, t).items()}
    args.manifest.write_text(json.dumps(manifest, indent=2))
    print(json.dumps({"event": "calibrated", "threshold": manifest["threshold"], "pairs": len(y)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
