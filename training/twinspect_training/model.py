"""The BTA siamese model: M(x, y) = h(f(x), f(y)) in [0, 1].

Barlow Twins Adaptation (BTA): a Barlow Twins encoder (Zbontar et al., "Barlow Twins:
Self-Supervised Learning via Redundancy Reduction", ICML 2021) with a learned similarity head,
trained to tell whether two images show the same content up to alterations.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
import torchvision
from torch import nn

from .config import ModelConfig


def _mlp(dims: list[int], last_plain: bool = True) -> nn.Sequential:
    layers: list[nn.Module] = []
    for i in range(len(dims) - 1):
        last = i == len(dims) - 2
        layers.append(nn.Linear(dims[i], dims[i + 1], bias=last and last_plain))
        if not (last and last_plain):
            layers += [nn.BatchNorm1d(dims[i + 1]), nn.ReLU(inplace=True)]
    return nn.Sequential(*layers)


class GeM(nn.Module):
    """Generalised-mean pooling of a non-negative feature map to N x C x 1 x 1: p = 1 is the average,
    a large p tends to the maximum (Radenović et al., 2018)."""

    def __init__(self, p: float):
        super().__init__()
        self.p = p

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.adaptive_avg_pool2d(x.clamp(min=1e-6).pow(self.p), 1).pow(1.0 / self.p)


class Encoder(nn.Module):
    """f: a torchvision ResNet (trained from scratch) and the Barlow Twins MLP projector."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        backbone = getattr(torchvision.models, cfg.backbone)(weights=None)
        feat = backbone.fc.in_features
        backbone.fc = nn.Identity()
        if cfg.pool == "gem":
            backbone.avgpool = GeM(cfg.gem_p)
        elif cfg.pool != "avg":
            raise ValueError(f"unknown model.pool {cfg.pool!r}; choose avg or gem")
        self.backbone = backbone
        self.projector = _mlp([feat, *cfg.projector])
        self.embedding_dim = cfg.projector[-1]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.projector(self.backbone(x))


class PairHead(nn.Module):
    """h: a symmetric similarity head whose first layer is factored per image.

    Each embedding is L2-normalised and projected once (u = W_u n, v = W_v n). A pair's features are
    |u_a - u_b|, u_a * u_b and relu(v_a + v_b): every one is symmetric in (a, b) to the bit, so
    M(x, y) == M(y, x) holds by construction, and the per-image projections are computed once per
    image rather than once per pair. `block(A, B)` scores every pair of an N x M block.
    """

    def __init__(self, embedding_dim: int, diff: int, summed: int, hidden: list[int]):
        super().__init__()
        self.u = nn.Linear(embedding_dim, diff, bias=False)
        self.v = nn.Linear(embedding_dim, summed)
        self.mlp = nn.Sequential()
        dims = [2 * diff + summed, *hidden]
        for i in range(len(dims) - 1):
            self.mlp.append(nn.Linear(dims[i], dims[i + 1]))
            self.mlp.append(nn.ReLU())
        self.mlp.append(nn.Linear(dims[-1], 1))

    def prepare(self, z: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        n = F.normalize(z, dim=-1, eps=1e-8)
        return self.u(n), self.v(n)

    def block_logits(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        ua, va = self.prepare(a)
        ub, vb = self.prepare(b)
        ua, va = ua[:, None, :], va[:, None, :]
        ub, vb = ub[None, :, :], vb[None, :, :]
        feats = torch.cat([(ua - ub).abs(), ua * ub, F.relu(va + vb)], dim=-1)
        return self.mlp(feats).squeeze(-1)

    def pair_logits(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        """Logits for aligned rows: pair i is (a[i], b[i])."""
        ua, va = self.prepare(a)
        ub, vb = self.prepare(b)
        feats = torch.cat([(ua - ub).abs(), ua * ub, F.relu(va + vb)], dim=-1)
        return self.mlp(feats).squeeze(-1)

    def forward(self, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        """Probabilities for every pair of the N x M block: what the exported head computes."""
        return torch.sigmoid(self.block_logits(a, b))


class BTA(nn.Module):
    """M(x, y) = h(f(x), f(y))."""

    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        self.encoder = Encoder(cfg)
        self.head = PairHead(self.encoder.embedding_dim, cfg.head_diff, cfg.head_sum, cfg.head_hidden)

    def forward(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.head.pair_logits(self.encoder(x), self.encoder(y)))
