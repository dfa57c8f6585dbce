"""Rebuild a trainable PyTorch BTA from a shipped model version (its ONNX files and manifest).

A version ships no PyTorch checkpoint: its weights live in `encoder.onnx` and `head.onnx`, which is
what makes "retrain from the active model" possible without a second 50 MB file. The export folds
each backbone BatchNorm into the convolution before it (w' = w * g / s, b' = b - g * m / s), so a
convolution comes back with its folded weight and its BatchNorm as a pure bias. `unfold_batchnorm`
then gives those BatchNorms real statistics measured on images, so that training (which normalises
by batch statistics) starts from the shipped function instead of a perturbed one.

Only the ONNX graphs our own export writes are read; every tensor's shape is checked on the way in,
and `parity_error` compares the rebuilt model with the embedding and scores the export recorded.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn

from .config import Config
from .export import parity_input
from .model import BTA


class OnnxWeightsError(ValueError):
    pass


def _tensors(path: Path) -> tuple[list[onnx.NodeProto], dict[str, np.ndarray]]:
    graph = onnx.load(str(path)).graph
    return list(graph.node), {t.name: numpy_helper.to_array(t) for t in graph.initializer}


def _put(param: torch.Tensor, value: np.ndarray, what: str) -> None:
    if tuple(param.shape) != value.shape:
        raise OnnxWeightsError(f"{what}: the model expects {tuple(param.shape)}, the ONNX file holds {value.shape}")
    with torch.no_grad():
        param.copy_(torch.from_numpy(np.array(value, dtype=value.dtype, copy=True)))


def _batchnorm_after(backbone: nn.Module) -> list[tuple[nn.Conv2d, nn.BatchNorm2d]]:
    """Every backbone convolution with the BatchNorm that follows it, in execution order (a ResNet
    block runs conv1, conv2, then its downsample, which is also their registration order)."""
    modules = dict(backbone.named_modules())
    pairs = []
    for name, module in backbone.named_modules():
        if isinstance(module, nn.Conv2d):
            bn_name = name[:-1] + "1" if name.endswith("downsample.0") else name.replace("conv", "bn")
            bn = modules.get(bn_name)
            if not isinstance(bn, nn.BatchNorm2d):
                raise OnnxWeightsError(f"no BatchNorm after convolution {name}")
            pairs.append((module, bn))
    return pairs


def _load_graph(nodes, tensors, modules: list[tuple[str, nn.Module]], state: dict[str, torch.Tensor],
                convs: list[tuple[nn.Conv2d, nn.BatchNorm2d]]) -> None:
    """Named tensors go to their parameter; folded convolutions and the unnamed MatMul weights of
    bias-free linear layers go, in graph order, to the modules that have no named weight."""
    for name, value in tensors.items():
        if name in state:
            _put(state[name], value, name)
    conv_nodes = [n for n in nodes if n.op_type == "Conv"]
    if len(conv_nodes) != len(convs):
        raise OnnxWeightsError(f"{len(conv_nodes)} convolutions in the ONNX file, {len(convs)} in the model")
    for node, (conv, bn) in zip(conv_nodes, convs):
        _put(conv.weight, tensors[node.input[1]], node.input[1])
        bias = tensors[node.input[2]]
        with torch.no_grad():
            bn.weight.fill_(1.0)
            bn.running_mean.zero_()
            bn.running_var.fill_(1.0 - bn.eps)  # (x - 0) / sqrt(1 - eps + eps) = x
        _put(bn.bias, bias, f"bias of {node.input[1]}")
    unnamed = [m for name, m in modules if isinstance(m, nn.Linear) and name + ".weight" not in tensors]
    matmuls = [n.input[1] for n in nodes if n.op_type == "MatMul" and n.input[1] in tensors]
    if len(matmuls) != len(unnamed):
        raise OnnxWeightsError(f"{len(matmuls)} unnamed weights in the ONNX file, {len(unnamed)} linear layers to fill")
    for name, linear in zip(matmuls, unnamed):
        _put(linear.weight, tensors[name].T, name)


def _manifest(model_dir: Path) -> dict:
    return json.loads((model_dir / "manifest.json").read_text())


def version_config(model_dir: str | Path) -> Config:
    """The config a version was trained with (its manifest's training section)."""
    return Config.from_dict(_manifest(Path(model_dir))["training"]["config"])


def load_version(model_dir: str | Path) -> tuple[BTA, Config, dict]:
    """The version's model (eval mode), its training config and its manifest."""
    model_dir = Path(model_dir)
    manifest = _manifest(model_dir)
    cfg = Config.from_dict(manifest["training"]["config"])
    model = BTA(cfg.model)
    state = model.state_dict(keep_vars=True)
    enc_nodes, enc_tensors = _tensors(model_dir / manifest["files"]["encoder"]["path"])
    _load_graph(enc_nodes, enc_tensors, list(model.encoder.named_modules()),
                {k[len("encoder."):]: v for k, v in state.items() if k.startswith("encoder.")},
                _batchnorm_after(model.encoder.backbone))
    head_nodes, head_tensors = _tensors(model_dir / manifest["files"]["head"]["path"])
    _load_graph(head_nodes, head_tensors, [("head." + n, m) for n, m in model.head.named_modules()],
                {k: v for k, v in state.items() if k.startswith("head.")}, [])
    return model.eval(), cfg, manifest


@torch.no_grad()
def parity_error(model: BTA, manifest: dict) -> float:
    """Largest difference from the embedding and scores the export recorded for its parity input."""
    size = manifest["input"]["size"]
    x = torch.from_numpy(parity_input(2, size))
    emb = model.encoder(x)
    score = model.head(emb, emb)
    expected_emb = torch.tensor(manifest["parity"]["embedding"])
    expected_score = torch.tensor(manifest["parity"]["score"])
    return float(max((emb - expected_emb).abs().max(), (score - expected_score).abs().max()))


@torch.no_grad()
def unfold_batchnorm(model: BTA, batches: list[torch.Tensor]) -> None:
    """Give each folded BatchNorm the mean and spread its convolution's output has on `batches`:
    with scale s and shift m + b the eval-mode function is unchanged (((y - m) / s) * s + m + b),
    and training mode, which normalises by the batch's own statistics, starts close to it."""
    pairs = _batchnorm_after(model.encoder.backbone)
    sums = {id(conv): [0.0, 0.0, 0] for conv, _ in pairs}

    def hook(conv, _inputs, output):
        y = output.double()
        acc = sums[id(conv)]
        acc[0] = acc[0] + y.sum(dim=(0, 2, 3))
        acc[1] = acc[1] + (y * y).sum(dim=(0, 2, 3))
        acc[2] += y.shape[0] * y.shape[2] * y.shape[3]

    handles = [conv.register_forward_hook(hook) for conv, _ in pairs]
    model.eval()
    try:
        for x in batches:
            model.encoder(x)
    finally:
        for h in handles:
            h.remove()
    for conv, bn in pairs:
        total, squares, n = sums[id(conv)]
        mean = total / n
        var = (squares / n - mean * mean).clamp_min(0.0)
        bn.running_mean.copy_(mean.float())
        bn.running_var.copy_(var.float())
        bn.weight.copy_(torch.sqrt(var + bn.eps).float())
        bn.bias.add_(mean.float())
