"""Training configuration: one dataclass, a few named presets, stored in every checkpoint.

Every number that shapes a run lives here so that a checkpoint (and the exported manifest)
can say exactly how its model was made.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ModelConfig:
    backbone: str = "resnet18"  # any torchvision resnet: resnet18, resnet34, resnet50
    image_size: int = 128
    # How the backbone's last feature map becomes one vector: "avg" (torchvision's global average)
    # or "gem" (generalised mean, (mean x^p)^(1/p), which weighs the strongest local responses
    # more, as image-copy descriptors do), with exponent `gem_p`.
    pool: str = "avg"
    gem_p: float = 3.0
    projector: list[int] = field(default_factory=lambda: [1024, 1024, 256])
    # Head: each embedding is projected once per image into `head_diff` + `head_sum` units; a
    # pair's features are |u_a - u_b|, v_a + v_b and the cosine of the embeddings, so the head is
    # symmetric by construction and its per-pair cost is independent of the embedding size.
    head_diff: int = 64
    head_sum: int = 64
    head_hidden: list[int] = field(default_factory=lambda: [64, 16])


@dataclass
class TrainConfig:
    mode: str = "parallel"  # parallel | consecutive | barlow | simclr
    epochs: int = 45
    head_epochs: int = 10  # consecutive / barlow: epochs of head-only training on a frozen encoder
    batch_size: int = 64
    lr_max: float = 3e-3
    lr_min: float = 5e-4
    weight_decay: float = 1e-4
    warmup_epochs: int = 2
    bt_lambda: float = 2e-5  # weight of the Barlow Twins term in the parallel loss
    bt_offdiag: float = 5e-3  # Barlow Twins' own off-diagonal weight (lambda in the BT paper)
    simclr_temperature: float = 0.2
    # Fraction of batches drawn from a single source folder: these batches are all hard negatives.
    same_source_batch_fraction: float = 0.5
    # Fraction of a batch's slots filled by the two halves of one image, cut across its long side
    # and counted as two different images: negatives that share the source, stain, scale and
    # texture and differ only in content, as look-alike fields of one experiment do.
    split_image_fraction: float = 0.0
    # Per-pair mix of alteration protocols used to make the two views.
    protocol_mix: dict[str, float] = field(default_factory=lambda: {"editorial": 0.5, "reference": 0.5})
    # Long side of the decoded cache; views are cut from these, so augmentation is cheap.
    cache_size: int = 256
    labelled_pairs_weight: float = 1.0
    hard_negative_weight: float = 3.0
    threads: int = 2
    # Processes that make the two views of each batch (0 = in the training process). A batch's views
    # come from its own seed, so the result is the same for any number of workers.
    loader_workers: int = 0
    amp: bool = True  # bfloat16 autocast of the encoder on CUDA (losses stay float32); no effect on CPU
    seed: int = 0
    val_fraction: float = 0.1  # of the training 80%, held out to calibrate the threshold
    test_fraction: float = 0.2
    val_pairs: int = 400
    eval_every: int = 10
    max_minutes: float = 0.0  # 0 = no wall-clock budget; else stop cleanly (and resumably) after it
    # Epochs between checkpoints (the last epoch and a pause always write one). Writing the
    # optimiser state too is 157 MB for the default model, 0.26 s on this machine's disk: a real
    # share of a GPU epoch. A killed run resumes from the last one written.
    checkpoint_every: int = 1
    device: str = "auto"  # auto | cpu | cuda
    init_from: str = ""  # a model version folder to start from (fine-tuning); "" = from scratch
    finetune_lr_scale: float = 0.1  # with init_from, the learning rates are scaled by this


@dataclass
class Config:
    model: ModelConfig = field(default_factory=ModelConfig)
    train: TrainConfig = field(default_factory=TrainConfig)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @staticmethod
    def from_dict(d: dict[str, Any]) -> "Config":
        return Config(model=ModelConfig(**d.get("model", {})), train=TrainConfig(**d.get("train", {})))

    def override(self, dotted: dict[str, Any]) -> "Config":
        """Apply `{"train.epochs": 3}`-style overrides (values parsed as JSON when possible)."""
        d = self.to_dict()
        for key, raw in dotted.items():
            section, _, name = key.partition(".")
            if section not in d or name not in d[section]:
                raise KeyError(f"unknown config key {key!r}")
            value = raw
            if isinstance(raw, str):
                try:
                    value = json.loads(raw)
                except json.JSONDecodeError:
                    value = raw
            d[section][name] = value
        return Config.from_dict(d)


PRESETS: dict[str, dict[str, Any]] = {
    # CI: a few dozen images, a couple of epochs, well under a minute.
    "tiny": {
        "model": {"backbone": "resnet18", "image_size": 48, "projector": [128, 64], "head_diff": 16,
                  "head_sum": 16, "head_hidden": [16, 8]},
        "train": {"epochs": 2, "head_epochs": 1, "batch_size": 16, "cache_size": 64, "val_pairs": 64,
                  "eval_every": 1, "warmup_epochs": 0},
    },
    # The shipped default: resnet18 at 128 px (the dataclass defaults), sized for 2 CPU cores.
    "default": {},
    # The reference study's sizes (GPU).
    "study": {
        "model": {"backbone": "resnet50", "image_size": 224, "projector": [4096, 4096, 4096],
                  "head_diff": 256, "head_sum": 256, "head_hidden": [256, 64, 16]},
        "train": {"batch_size": 128, "cache_size": 320},
    },
}


def preset(name: str) -> Config:
    if name not in PRESETS:
        raise KeyError(f"unknown preset {name!r}; choose one of {sorted(PRESETS)}")
    return Config().override({f"{s}.{k}": v for s, vals in PRESETS[name].items() for k, v in vals.items()})
