"""Data: the seeded split by image, a decoded in-memory cache, batches and pair sets.

The split is made by image before any augmentation, so an image and its altered copies never sit
on both sides of it. An image's "source" is its immediate folder: hard negatives come from there.
"""
from __future__ import annotations

import csv
import multiprocessing as mp
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from PIL import Image

from .imageio import list_images, load_rgb


@dataclass
class Split:
    train: list[str]
    val: list[str]
    test: list[str]

    def to_dict(self) -> dict[str, list[str]]:
        return {"train": self.train, "val": self.val, "test": self.test}


def make_split(rel_paths: list[str], seed: int, test_fraction: float, val_fraction: float) -> Split:
    """Seeded split by image: `test_fraction` held out; `val_fraction` of the rest calibrates."""
    order = sorted(rel_paths)
    random.Random(f"split:{seed}").shuffle(order)
    n_test = int(round(len(order) * test_fraction))
    test, rest = order[:n_test], order[n_test:]
    # At least two validation images whenever possible: calibration needs pairs.
    n_val = max(int(round(len(rest) * val_fraction)), 2 if len(rest) >= 4 and val_fraction > 0 else 0)
    return Split(train=sorted(rest[n_val:]), val=sorted(rest[:n_val]), test=sorted(test))


def source_of(rel_path: str) -> str:
    parent = Path(rel_path).parent.as_posix()
    return parent if parent != "." else ""


def relative_images(root: str | Path) -> list[str]:
    root = Path(root)
    return [p.relative_to(root).as_posix() for p in list_images(root)]


class ImageCache:
    """Every image decoded once (canonical mapping) and shrunk so its long side is `max_side`."""

    def __init__(self, root: str | Path, rel_paths: list[str], max_side: int):
        self.root = Path(root)
        self.paths = list(rel_paths)
        self.images: list[Image.Image] = []
        for rel in self.paths:
            im = Image.fromarray(load_rgb(self.root / rel))
            if max(im.size) > max_side:
                im.thumbnail((max_side, max_side), Image.BILINEAR)
            self.images.append(im)
        self.index = {p: i for i, p in enumerate(self.paths)}
        self.groups: dict[str, list[int]] = {}
        for i, rel in enumerate(self.paths):
            self.groups.setdefault(source_of(rel), []).append(i)

    def __len__(self) -> int:
        return len(self.images)


# What a ForkMap's worker processes inherit from their parent (set in each worker, never pickled).
_fork_context: Any = None


def _set_fork_context(context: Any) -> None:
    global _fork_context
    _fork_context = context


def _call_with_fork_context(task: tuple[Callable, Any]) -> Any:
    fn, arg = task
    return fn(_fork_context, arg)


class ForkMap:
    """`imap(fn, args)` computing `fn(context, arg)` in `workers` forked processes that inherit
    `context` (a decoded image cache is never pickled), in order and ahead of the consumer; in this
    process when `workers` is 0. `fn` must be a module-level function. Fork before CUDA starts."""

    def __init__(self, context: Any, workers: int):
        self.context = context
        self.pool = mp.get_context("fork").Pool(workers, _set_fork_context, (context,)) if workers > 0 else None

    def imap(self, fn: Callable[[Any, Any], Any], args: Iterable[Any], chunksize: int = 1) -> Iterator[Any]:
        if self.pool is None:
            return (fn(self.context, a) for a in args)
        return self.pool.imap(_call_with_fork_context, [(fn, a) for a in args], chunksize)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()


def epoch_batches(cache: ImageCache, batch_size: int, same_source_fraction: float,
                  rng: random.Random) -> list[list[int]]:
    """One epoch of batches covering every image about once; a fraction come from a single source
    folder, so every negative in them is a hard one."""
    n = len(cache)
    n_batches = max(1, n // batch_size)
    order = list(range(n))
    rng.shuffle(order)
    big_groups = [g for g in sorted(cache.groups) if len(cache.groups[g]) >= 4]
    batches: list[list[int]] = []
    for b in range(n_batches):
        if big_groups and rng.random() < same_source_fraction:
            weights = [len(cache.groups[g]) for g in big_groups]
            members = cache.groups[rng.choices(big_groups, weights=weights)[0]]
            pick = rng.sample(members, min(batch_size, len(members)))
            if len(pick) < batch_size:
                others = [i for i in rng.sample(range(n), min(n, 2 * batch_size)) if i not in pick]
                pick += others[: batch_size - len(pick)]
            batches.append(pick)
        else:
            batches.append(order[b * batch_size:(b + 1) * batch_size])
    return [b for b in batches if len(b) >= 2]


@dataclass
class PairSpec:
    a: int
    b: int
    same: bool
    protocol: str
    seed_a: int
    seed_b: int


def make_pair_specs(paths: list[str], n_pairs: int, protocol: str, negatives: str, seed: int,
                    p_same: float = 0.4) -> list[PairSpec]:
    """A deterministic pair set. Each side is altered independently (its own seed); a negative's
    partner is any other image (random) or one from the same immediate folder (hard)."""
    if len(paths) < 2:
        raise ValueError("need at least two images to make pairs")
    rng = random.Random(f"pairs:{seed}:{protocol}:{negatives}")
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(paths):
        groups.setdefault(source_of(p), []).append(i)
    specs: list[PairSpec] = []
    for _ in range(n_pairs):
        a = rng.randrange(len(paths))
        same = rng.random() < p_same
        if same:
            b = a
        else:
            pool = groups[source_of(paths[a])] if negatives == "hard" else range(len(paths))
            if len(pool) < 2:
                pool = range(len(paths))
            b = a
            while b == a:
                b = rng.choice(list(pool))
        specs.append(PairSpec(a, b, same, protocol, rng.getrandbits(32), rng.getrandbits(32)))
    return specs


def read_labelled_pairs(path: str | Path, root: str | Path) -> list[tuple[str, str, float, float]]:
    """CSV with columns a,b,label[,weight]: image paths (absolute or relative to `root`), label
    1/0 or same/different. Returns (a, b, target, weight) with paths relative to `root` when
    possible."""
    root = Path(root).resolve()
    rows = []
    with open(path, newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            label = str(row["label"]).strip().lower()
            if label in ("1", "same", "true"):
                target = 1.0
            elif label in ("0", "different", "false"):
                target = 0.0
            else:
                raise ValueError(f"{path}: row {i + 2}: label must be same/different or 1/0, got {label!r}")
            weight = float(row.get("weight") or 1.0)
            names = []
            for key in ("a", "b"):
                p = Path(row[key])
                p = p if p.is_absolute() else root / p
                try:
                    names.append(p.resolve().relative_to(root).as_posix())
                except ValueError:
                    names.append(str(p.resolve()))
            rows.append((names[0], names[1], target, weight))
    return rows
