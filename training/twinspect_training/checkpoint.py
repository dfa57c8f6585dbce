"""Training checkpoints: the model, optimiser, config, split and RNG state of a run, in one file."""
from __future__ import annotations

from pathlib import Path

import torch


def load_checkpoint(path: Path) -> dict:
    """A checkpoint `save_checkpoint` wrote. Besides tensors it holds the config, split and RNG
    state, which torch >= 2.6's default weights-only loader may refuse."""
    return torch.load(path, map_location="cpu", weights_only=False)


def save_checkpoint(path: Path, state: dict) -> None:
    """Written atomically: a run killed mid-write keeps its previous checkpoint."""
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    tmp.replace(path)
