"""Train BTA (or a baseline) on a folder of images, self-supervised, plus optional labelled pairs.

    /usr/bin/python3 -m twinspect_training.train --images ../shared/datasets/bio-dev --out runs/default \
        [--preset default] [--set train.epochs=60 ...] [--pairs labels.csv] [--resume] \
        [--init-from ../models/<version>]

Metrics go to stdout as JSON lines (and to <out>/metrics.jsonl). A checkpoint holding its config,
split, optimiser and RNG state is written atomically after every epoch, so a killed run resumes
with --resume. `--init-from` (train.init_from) starts from a model version's weights, read back
from its ONNX files, instead of from scratch, with that version's model sizes. A non-finite loss
stops the run with exit code 3, leaving the last good checkpoint.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from .alterations import alter, pick_protocol
from .checkpoint import load_checkpoint, save_checkpoint
from .config import Config, preset
from .data import ForkMap, ImageCache, epoch_batches, make_split, read_labelled_pairs, relative_images
from .evaluation import score_specs, summarise, val_specs
from .from_onnx import load_version, unfold_batchnorm, version_config
from .imageio import MEAN, STD, resized_rgb
from .losses import barlow_twins_loss, nt_xent_loss, pairwise_bce, parallel_loss
from .model import BTA

EXIT_DIVERGED = 3


class Diverged(RuntimeError):
    pass


def log(event: dict, sink) -> None:
    line = json.dumps(event, sort_keys=True)
    print(line, flush=True)
    sink.write(line + "\n")
    sink.flush()


def pick_device(name: str) -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


def halves(im: Image.Image) -> tuple[Image.Image, Image.Image]:
    """The two halves of `im`, cut across its long side: disjoint content of one image."""
    w, h = im.size
    if w >= h:
        return im.crop((0, 0, w // 2, h)), im.crop((w // 2, 0, w, h))
    return im.crop((0, 0, w, h // 2)), im.crop((0, h // 2, w, h))


def batch_images(cache: ImageCache, idx: list[int], split_fraction: float) -> list[Image.Image]:
    """The batch's images, one per slot: with `split_fraction`, that share of the slots holds the
    two halves of one image (each half its own image, so each is the other's negative), and the
    batch drops as many of its last images, keeping its size. An image under 2 px on its long side
    has no two halves: it stays whole, and the batch is a slot shorter."""
    n_split = int(round(split_fraction * len(idx) / 2))
    kept = idx[: len(idx) - n_split]
    images: list[Image.Image] = []
    for k, i in enumerate(kept):
        im = cache.images[i]
        images.extend(halves(im) if k < n_split and max(im.size) >= 2 else (im,))
    return images


def altered_input(im: Image.Image, protocol: str, rng: random.Random, size: int) -> np.ndarray:
    """One training input: `im` altered under `protocol`, resized to the model's input as uint8."""
    return resized_rgb(alter(im, protocol, rng).image, size)


def views(cache: ImageCache, idx: list[int], cfg: Config, rng: random.Random) -> tuple[np.ndarray, np.ndarray]:
    """Two altered views of each image of the batch at the model's input size, uint8 NxCxHxW (numpy:
    no torch in a forked worker, whose inherited OpenMP state could hang it); `device_input`
    normalises them."""
    size = cfg.model.image_size
    v1, v2 = [], []
    for im in batch_images(cache, idx, cfg.train.split_image_fraction):
        protocol = pick_protocol(cfg.train.protocol_mix, rng)
        for out in (v1, v2):
            out.append(altered_input(im, protocol, rng, size))
    return np.stack(v1), np.stack(v2)


def device_input(x: np.ndarray, device: torch.device) -> torch.Tensor:
    """uint8 views to normalised float32 on `device`, as `imageio.normalise` does: the bytes that
    cross the worker pipe and the bus stay uint8."""
    t = torch.from_numpy(x).to(device).float()
    mean = torch.tensor(MEAN, device=device).view(1, 3, 1, 1)
    std = torch.tensor(STD, device=device).view(1, 3, 1, 1)
    return (t / 255.0 - mean) / std


def batch_views(context: tuple[ImageCache, Config], task: tuple[list[int], int]) -> tuple[np.ndarray, np.ndarray]:
    """A batch's two views from the batch's own seed: the same whichever process makes them, so
    the number of `train.loader_workers` (processes that make views ahead of the training step,
    since a GPU outruns one process's augmentation) does not change the result."""
    cache, cfg = context
    idx, seed = task
    return views(cache, idx, cfg, random.Random(seed))


def lr_at(step: int, total: int, warmup: int, tc) -> float:
    if step < warmup:
        return tc.lr_max * (step + 1) / warmup
    progress = min(1.0, (step - warmup) / max(1, total - warmup))
    return tc.lr_min + 0.5 * (tc.lr_max - tc.lr_min) * (1 + math.cos(math.pi * progress))


def phases(cfg: Config) -> list[tuple[str, int]]:
    """(phase, epochs): parallel trains everything at once; the others pre-train the encoder with
    their own loss and then fit the head on the frozen encoder (BTA's consecutive variant)."""
    tc = cfg.train
    if tc.mode == "parallel":
        return [("parallel", tc.epochs)]
    if tc.mode in ("consecutive", "barlow"):
        return [("barlow", tc.epochs), ("head", tc.head_epochs)]
    if tc.mode == "simclr":
        return [("simclr", tc.epochs), ("head", tc.head_epochs)]
    raise ValueError(f"unknown train.mode {tc.mode!r}")


def encode(model: BTA, x: torch.Tensor, amp: bool) -> torch.Tensor:
    """Embeddings in float32; with `amp` on CUDA the encoder itself runs in bfloat16."""
    with torch.autocast(device_type=x.device.type, dtype=torch.bfloat16, enabled=amp and x.is_cuda):
        return model.encoder(x).float()


def step_loss(model: BTA, phase: str, x1: torch.Tensor, x2: torch.Tensor, cfg: Config):
    tc = cfg.train
    if phase == "head":
        with torch.no_grad():
            z = encode(model, torch.cat([x1, x2]), tc.amp)
        z1, z2 = z.chunk(2)
        bce = pairwise_bce(model.head.block_logits(z1, z2))
        return bce, {"loss": float(bce), "bce": float(bce)}
    z1, z2 = encode(model, torch.cat([x1, x2]), tc.amp).chunk(2)
    if phase == "parallel":
        return parallel_loss(model.head.block_logits(z1, z2), z1, z2, tc.bt_lambda, tc.bt_offdiag)
    if phase == "barlow":
        bt = barlow_twins_loss(z1, z2, tc.bt_offdiag)
        return bt, {"loss": float(bt), "bt": float(bt)}
    nt = nt_xent_loss(z1, z2, tc.simclr_temperature)
    return nt, {"loss": float(nt), "nt_xent": float(nt)}


def labelled_loss(model: BTA, labelled, cache: ImageCache, cfg: Config, rng: random.Random, k: int,
                  device: torch.device):
    """BCE on reviewer-confirmed pairs: confirmed DIFFERENT pairs the model scored high carry a
    larger weight in the CSV, so they count more."""
    rows = rng.sample(labelled, min(k, len(labelled)))
    size = cfg.model.image_size
    xa = np.stack([altered_input(cache.images[cache.index[a]], "editorial", rng, size) for a, _, _, _ in rows])
    xb = np.stack([altered_input(cache.images[cache.index[b]], "editorial", rng, size) for _, b, _, _ in rows])
    za, zb = encode(model, device_input(np.concatenate([xa, xb]), device), cfg.train.amp).chunk(2)
    target = torch.tensor([t for _, _, t, _ in rows], device=device)
    weight = torch.tensor([w for _, _, _, w in rows], device=device)
    return F.binary_cross_entropy_with_logits(model.head.pair_logits(za, zb), target, weight=weight)


def init_from_version(model: BTA, version: Path, cache: ImageCache, cfg: Config, rng: random.Random) -> None:
    """Load a version's weights into `model` and measure its folded BatchNorms on training views."""
    shipped, _, _ = load_version(version)
    model.load_state_dict(shipped.state_dict())
    batches = [device_input(np.concatenate(views(cache, rng.sample(range(len(cache)), min(len(cache), cfg.train.batch_size)), cfg, rng)),
                            torch.device("cpu"))
               for _ in range(4)]
    unfold_batchnorm(model, batches)


def train(images: Path, out: Path, cfg: Config, pairs_csv: Path | None, resume: bool,
          overrides: dict[str, str] | None = None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    ckpt_path = out / "checkpoint.pt"
    sink = open(out / "metrics.jsonl", "a")
    state = load_checkpoint(ckpt_path) if resume and ckpt_path.exists() else None
    if state is not None:
        # A resumed run keeps its own config; explicit --set values (e.g. more epochs) still apply.
        cfg = Config.from_dict(state["config"]).override(overrides or {})
    elif cfg.train.init_from:
        # Fine-tuning keeps the version's architecture whatever the preset says; an explicit
        # --set model.* still applies (image_size can change, the layer sizes must match).
        model_overrides = {k: v for k, v in (overrides or {}).items() if k.startswith("model.")}
        cfg = Config(model=version_config(Path(cfg.train.init_from)).model, train=cfg.train).override(model_overrides)
    tc = cfg.train
    torch.set_num_threads(tc.threads)
    torch.manual_seed(tc.seed)
    device = pick_device(tc.device)

    split = make_split(relative_images(images), tc.seed, tc.test_fraction, tc.val_fraction)
    labelled = read_labelled_pairs(pairs_csv, images) if pairs_csv else []
    extra = sorted({p for a, b, _, _ in labelled for p in (a, b)} - set(split.train))
    t0 = time.time()
    train_cache = ImageCache(images, split.train + extra, tc.cache_size)
    val_cache = ImageCache(images, split.val, tc.cache_size)
    loader = ForkMap((train_cache, cfg), tc.loader_workers)  # forks before CUDA starts
    try:
        return _train(out, cfg, split, labelled, train_cache, val_cache, loader, state, device, sink, t0)
    finally:
        loader.close()


def _train(out: Path, cfg: Config, split, labelled, train_cache: ImageCache, val_cache: ImageCache,
           loader: ForkMap, state: dict | None, device: torch.device, sink, t0: float) -> int:
    tc = cfg.train
    ckpt_path = out / "checkpoint.pt"
    (out / "config.json").write_text(json.dumps(cfg.to_dict(), indent=2))
    (out / "split.json").write_text(json.dumps(split.to_dict(), indent=2))
    log({"event": "start", "images_train": len(split.train), "images_val": len(split.val),
         "images_test": len(split.test), "labelled_pairs": len(labelled), "device": str(device),
         "decode_s": round(time.time() - t0, 1), "config": cfg.to_dict()}, sink)

    model = BTA(cfg.model).to(device)
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True
        torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = True
        model = model.to(memory_format=torch.channels_last)
    plan = phases(cfg)
    rng = random.Random(f"train:{tc.seed}")
    if tc.init_from and state is None:
        init_from_version(model, Path(tc.init_from), train_cache, cfg, rng)
        model.to(device)
    first_phase, first_epoch, global_epoch = 0, 0, 0
    opt_state = None
    if state is not None:
        model.load_state_dict(state["model"])
        first_phase, first_epoch, global_epoch = state["phase"], state["epoch"], state["global_epoch"]
        rng.setstate(state["rng"])
        torch.set_rng_state(state["torch_rng"])
        opt_state = state["optimizer"]
        if first_epoch >= plan[first_phase][1]:  # that phase is complete: start the next one afresh
            first_phase, first_epoch, opt_state = first_phase + 1, 0, None
        if first_phase >= len(plan):
            log({"event": "done", "minutes": 0.0, "note": "checkpoint already complete"}, sink)
            return 0
        log({"event": "resume", "phase": plan[first_phase][0], "epoch": first_epoch}, sink)

    val = val_specs(split.val, tc.val_pairs, tc.seed)
    started = time.time()
    for phase_i in range(first_phase, len(plan)):
        phase, n_epochs = plan[phase_i]
        params = model.head.parameters() if phase == "head" else model.parameters()
        opt = torch.optim.AdamW(params, lr=tc.lr_max, weight_decay=tc.weight_decay)
        if opt_state is not None and phase_i == first_phase:
            opt.load_state_dict(opt_state)
        steps_per_epoch = max(1, len(train_cache) // tc.batch_size)
        total = n_epochs * steps_per_epoch
        warmup = tc.warmup_epochs * steps_per_epoch if phase != "head" else 0
        start_epoch = first_epoch if phase_i == first_phase else 0
        for epoch in range(start_epoch, n_epochs):
            model.train()
            if phase == "head":
                model.encoder.eval()
            t_epoch = time.time()
            sums: dict[str, float] = {}
            batches = epoch_batches(train_cache, tc.batch_size, tc.same_source_batch_fraction, rng)
            tasks = [(idx, rng.getrandbits(64)) for idx in batches]
            for b_i, (x1, x2) in enumerate(loader.imap(batch_views, tasks)):
                step = epoch * steps_per_epoch + min(b_i, steps_per_epoch - 1)
                lr = lr_at(step, total, warmup, tc) * (tc.finetune_lr_scale if tc.init_from else 1.0)
                for g in opt.param_groups:
                    g["lr"] = lr
                loss, parts = step_loss(model, phase, device_input(x1, device), device_input(x2, device), cfg)
                if labelled and phase in ("parallel", "head"):
                    lab = labelled_loss(model, labelled, train_cache, cfg, rng, max(2, tc.batch_size // 4), device)
                    loss = loss + tc.labelled_pairs_weight * lab
                    parts["labelled_bce"] = float(lab)
                if not torch.isfinite(loss):
                    raise Diverged(f"loss became {float(loss)} at phase {phase}, epoch {epoch}, batch {b_i}")
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                for k, v in parts.items():
                    sums[k] = sums.get(k, 0.0) + v
            global_epoch += 1
            event = {"event": "epoch", "phase": phase, "epoch": epoch + 1, "epochs": n_epochs,
                     "global_epoch": global_epoch, "step": (epoch + 1) * steps_per_epoch, "lr": lr,
                     "epoch_s": round(time.time() - t_epoch, 1),
                     **{k: round(v / len(batches), 5) for k, v in sums.items()}}
            if (epoch + 1) % tc.eval_every == 0 or epoch + 1 == n_epochs:
                model.eval()
                scores = score_specs(model, val_cache, val, cfg.model.image_size, device)
                event["val"] = summarise(val, scores)
            pause = bool(tc.max_minutes) and (time.time() - started) / 60 > tc.max_minutes
            if (epoch + 1) % tc.checkpoint_every == 0 or epoch + 1 == n_epochs or pause:
                save_checkpoint(ckpt_path, {
                    "config": cfg.to_dict(), "split": split.to_dict(), "model": model.state_dict(),
                    "optimizer": opt.state_dict(), "phase": phase_i, "epoch": epoch + 1, "global_epoch": global_epoch, "rng": rng.getstate(),
                    "torch_rng": torch.get_rng_state()})
            log(event, sink)
            if pause:
                log({"event": "paused", "reason": f"time budget of {tc.max_minutes} min reached; rerun with --resume"}, sink)
                return 0
    log({"event": "done", "minutes": round((time.time() - started) / 60, 2)}, sink)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--images", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--preset", default="default")
    ap.add_argument("--set", action="append", default=[], metavar="section.key=value")
    ap.add_argument("--pairs", type=Path, help="CSV of labelled pairs: a,b,label[,weight]")
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--init-from", metavar="VERSION_DIR",
                    help="start from a model version's weights (its manifest.json and ONNX files); "
                         "the same as --set train.init_from=VERSION_DIR")
    args = ap.parse_args(argv)
    overrides = dict(s.split("=", 1) for s in args.set)
    if args.init_from:
        overrides["train.init_from"] = str(Path(args.init_from).resolve())
    cfg = preset(args.preset).override(overrides)
    try:
        return train(args.images, args.out, cfg, args.pairs, args.resume, overrides)
    except Diverged as exc:
        print(json.dumps({"event": "error", "reason": "diverged", "message": str(exc)}), flush=True)
        return EXIT_DIVERGED


if __name__ == "__main__":
    sys.exit(main())
