"""Write a deterministic, altered pair set to disk for the product's evaluation.

    /usr/bin/python3 -m twinspect_training.pairset --images DIR --out OUT/pairs \
        [--protocol editorial|reference] [--negatives random|hard] [--pairs N] [--seed S] \
        [--only-split test --manifest models/<v>/manifest.json]

Alterations are applied at full resolution with the same module training uses; each altered side
is saved losslessly as PNG (any JPEG re-compression is part of the alteration). `pairs.jsonl`
lists every pair with its label, the alterations applied to each side, each side's crop box in the
original's pixels and, for a copy, the share of the larger crop that both sides show (`shared_area`).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from PIL import Image

from .alterations import alter, shared_area
from .data import make_pair_specs, relative_images
from .imageio import load_rgb


def write_pairs(images: Path, out: Path, protocol: str, negatives: str, n_pairs: int, seed: int,
                only: set[str] | None = None) -> int:
    paths = relative_images(images)
    if only is not None:
        paths = [p for p in paths if p in only]
    specs = make_pair_specs(paths, n_pairs, protocol, negatives, seed)
    out.mkdir(parents=True, exist_ok=True)
    decoded: dict[int, Image.Image] = {}

    def image(i: int) -> Image.Image:
        if i not in decoded:
            decoded[i] = Image.fromarray(load_rgb(images / paths[i]))
        return decoded[i]

    with open(out / "pairs.jsonl", "w") as fh:
        for k, s in enumerate(specs):
            a = alter(image(s.a), protocol, random.Random(s.seed_a))
            b = alter(image(s.b), protocol, random.Random(s.seed_b))
            names = (f"{k:05d}_a.png", f"{k:05d}_b.png")
            a.image.save(out / names[0])
            b.image.save(out / names[1])
            fh.write(json.dumps({"id": k, "a": names[0], "b": names[1], "source_a": paths[s.a],
                                 "source_b": paths[s.b], "same": s.same, "protocol": protocol,
                                 "negatives": negatives, "alterations_a": a.applied,
                                 "alterations_b": b.applied, "crop_a": a.crop, "crop_b": b.crop,
                                 "shared_area": round(shared_area(a.crop, b.crop), 4)
                                 if s.same else None}) + "\n")
    return len(specs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--images", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--protocol", default="editorial", choices=["editorial", "reference"])
    ap.add_argument("--negatives", default="random", choices=["random", "hard"])
    ap.add_argument("--pairs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--only-split", choices=["train", "val", "test"])
    ap.add_argument("--manifest", type=Path, help="model manifest whose training split --only-split uses")
    args = ap.parse_args(argv)
    only = None
    if args.only_split:
        if not args.manifest:
            ap.error("--only-split needs --manifest")
        only = set(json.loads(args.manifest.read_text())["training"]["split"][args.only_split])
    n = write_pairs(args.images, args.out, args.protocol, args.negatives, args.pairs, args.seed, only)
    print(json.dumps({"event": "pairs_written", "pairs": n, "dir": str(args.out)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
