"""Would another keypoint detector, or a cheaper setting, make geometric verification better? Measured
on the validation pair sets that `npm run evaluate` writes, with native OpenCV (cv2) standing in
for the product's opencv.js.

    /usr/bin/python3 -m twinspect_training.detector_study cal/editorial-random cal/editorial-hard ... \
        [--variants akaze,akaze+sift]

Each detector runs the steps of packages/inference/src/verify.ts: the image grey, its long side
resized to `side` (by OpenCV's interpolation, not sharp's), CLAHE, keypoints and descriptors, the
strongest `keep`; per pair, 2-NN matches
with Lowe's ratio test and a RANSAC affine fit, the better of the second image as is and mirrored.
A variant's detectors each give the product's measures (ln(1 + inliers), and the fit's
similarity times that) to the product's combination, cross-validated as in combination_study;
`product` is the production verification itself (scores/geometry.json, opencv.js), `akaze` its
replica here. Printed as JSON lines per variant: accuracy, AUC and rates at the accuracy
threshold, and flag recall and false flags at the 2 % flag threshold, pooled and per pair set.
SIFT is not in opencv.js; the others are.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path
from typing import Callable

import cv2
import numpy as np

from .baselines import ratio_test_fit
from .calibrate import FLAG_PREVALENCE
from .combination_study import MEASURES, PRODUCT, cross_validated, judged
from .evaluation import best_threshold, flag_threshold


@dataclass(frozen=True)
class Detector:
    make: Callable[[], cv2.Feature2D]
    side: int = 512
    keep: int = 1000
    float_descriptors: bool = False


# The product's settings (DEFAULT_VERIFICATION): AKAZE at 1e-5 on a 512 px grey image, 1,000 kept.
DETECTORS: dict[str, Detector] = {
    "akaze": Detector(lambda: cv2.AKAZE_create(threshold=1e-5)),
    "akaze-256px": Detector(lambda: cv2.AKAZE_create(threshold=1e-5), side=256),
    "akaze-500": Detector(lambda: cv2.AKAZE_create(threshold=1e-5), keep=500),
    "akaze-256bit": Detector(lambda: cv2.AKAZE_create(threshold=1e-5, descriptor_size=256)),
    "sift": Detector(lambda: cv2.SIFT_create(nfeatures=1000, contrastThreshold=0.01), float_descriptors=True),
    "brisk": Detector(lambda: cv2.BRISK_create(thresh=20)),
    "orb": Detector(lambda: cv2.ORB_create(nfeatures=1000, fastThreshold=5)),
}
VARIANTS = ("product", "akaze", "akaze-500", "akaze-256bit", "akaze+akaze-256px", "akaze+brisk",
            "akaze+orb", "akaze+sift")
RATIO = 0.8  # DEFAULT_VERIFICATION's (its RANSAC threshold, 5 px, is ratio_test_fit's)


def grey(path: str, side: int) -> np.ndarray:
    """The image grey, its long side `side` (small images enlarged), CLAHE-equalised as verify.ts does."""
    im = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if im is None:
        raise ValueError(f"cannot read {path}")
    h, w = im.shape
    s = side / max(h, w)
    im = cv2.resize(im, (max(1, round(w * s)), max(1, round(h * s))),
                    interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC)
    return cv2.createCLAHE(2.0, (8, 8)).apply(im)


Keypoints = tuple[np.ndarray, np.ndarray | None]  # points (n x 2), descriptors (n rows) or None


def detect(det: Detector, im: np.ndarray) -> Keypoints:
    kps, des = det.make().detectAndCompute(im, None)
    if des is None:
        return np.zeros((0, 2), np.float32), None
    order = sorted(range(len(kps)), key=lambda i: (-kps[i].response, i))[: det.keep]
    return np.float32([kps[i].pt for i in order]).reshape(-1, 2), des[order]


def fit(a: Keypoints, b: Keypoints, norm: int) -> tuple[int, float]:
    """Inliers of the RANSAC affine fit of a's ratio-test matches in b, and the fit's similarity."""
    inliers, transform = ratio_test_fit(*a, *b, norm, RATIO)
    if transform is None or not np.all(np.isfinite(transform)):
        return 0, 0.0
    sv = np.linalg.svd(transform[:, :2], compute_uv=False)
    return inliers, float(sv[1] / sv[0]) if sv[0] > 0 else 0.0


def _keypoints(task: tuple[str, str]) -> tuple[Keypoints, Keypoints]:
    name, path = task
    det = DETECTORS[name]
    im = grey(path, det.side)
    return detect(det, im), detect(det, cv2.flip(im, 1))


def _pair(task: tuple[int, tuple[Keypoints, Keypoints], tuple[Keypoints, Keypoints]]) -> dict:
    norm, a, b = task
    upright, mirrored = fit(a[0], b[0], norm), fit(a[0], b[1], norm)
    inliers, similarity = mirrored if mirrored[0] > upright[0] else upright
    return {"inliers": inliers, "similarity": similarity}


def geometry(name: str, pairs: list[tuple[str, str]], processes: int) -> dict[str, np.ndarray]:
    """The detector's inliers and fit similarity for each pair (each image's keypoints once)."""
    det = DETECTORS[name]
    paths = sorted({p for pair in pairs for p in pair})
    with Pool(processes) as pool:
        kp = dict(zip(paths, pool.map(_keypoints, [(name, p) for p in paths], chunksize=8)))
        norm = cv2.NORM_L2 if det.float_descriptors else cv2.NORM_HAMMING
        rows = pool.map(_pair, [(norm, kp[a], kp[b]) for a, b in pairs], chunksize=8)
    return {k: np.asarray([float(r[k]) for r in rows]) for k in ("inliers", "similarity")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("evals", nargs="+", type=Path, help="folders written by npm run evaluate on validation images")
    ap.add_argument("--variants", default=",".join(VARIANTS),
                    help="comma-separated; each is 'product' or detectors joined by '+': " + ", ".join(DETECTORS))
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args(argv)
    cv2.setNumThreads(1)  # one core per process
    variants = [v for v in args.variants.split(",") if v]
    unknown = {d for v in variants if v != "product" for d in v.split("+")} - set(DETECTORS)
    if unknown:
        ap.error(f"unknown detectors: {', '.join(sorted(unknown))}")
    rows, scores, produced, pairs, sets = [], [], [], [], []
    for ev in args.evals:
        got = [json.loads(line) for line in (ev / "pairs" / "pairs.jsonl").read_text().splitlines() if line]
        rows += got
        scores += json.loads((ev / "scores" / "bta.json").read_text())
        produced += json.loads((ev / "scores" / "geometry.json").read_text())
        pairs += [(str(ev / "pairs" / r["a"]), str(ev / "pairs" / r["b"])) for r in got]
        sets += [ev.name] * len(got)
    y = np.asarray([int(r["same"]) for r in rows])
    p = np.clip(np.asarray(scores, dtype=float), 1e-6, 1 - 1e-6)
    pair_set = np.asarray(sets)
    found: dict[str, dict[str, np.ndarray]] = {
        "product": {k: np.asarray([float(g[k]) for g in produced]) for k in ("inliers", "similarity")}}
    flag_at = flag_threshold(float(y.mean()), FLAG_PREVALENCE)
    print(f"{len(y)} validation pairs, {int(y.sum())} copies", flush=True)
    for variant in variants:
        names = ["product"] if variant == "product" else variant.split("+")
        for name in names:
            if name not in found:
                found[name] = geometry(name, pairs, args.processes)
        out = cross_validated(y, p, [MEASURES[m](found[n]) for n in names for m in PRODUCT])
        at = best_threshold(y, out)
        by_set = {s: judged(y[pair_set == s], out[pair_set == s], at, flag_at) for s in dict.fromkeys(sets)}
        print(json.dumps({"variant": variant, **judged(y, out, at, flag_at), "by_pair_set": by_set}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
