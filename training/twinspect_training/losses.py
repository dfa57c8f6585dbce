"""Losses: Barlow Twins, NT-Xent (SimCLR) and BTA's parallel loss."""
from __future__ import annotations

import torch
import torch.nn.functional as F


def barlow_twins_loss(z1: torch.Tensor, z2: torch.Tensor, offdiag_weight: float = 5e-3) -> torch.Tensor:
    """Zbontar et al. 2021: sum_i (1 - C_ii)^2 + w * sum_{i != j} C_ij^2, C the cross-correlation
    of the batch-standardised embeddings. Invariant to per-feature scaling of z1 and z2."""
    n = z1.shape[0]
    z1 = (z1 - z1.mean(0)) / (z1.std(0, unbiased=False) + 1e-6)
    z2 = (z2 - z2.mean(0)) / (z2.std(0, unbiased=False) + 1e-6)
    c = z1.T @ z2 / n
    on_diag = (torch.diagonal(c) - 1).pow(2).sum()
    off_diag = c.pow(2).sum() - torch.diagonal(c).pow(2).sum()
    return on_diag + offdiag_weight * off_diag


def nt_xent_loss(z1: torch.Tensor, z2: torch.Tensor, temperature: float = 0.2) -> torch.Tensor:
    """Chen et al. 2020 (SimCLR): cross-entropy of each view against its partner among 2N-1 others."""
    n = z1.shape[0]
    z = F.normalize(torch.cat([z1, z2]), dim=1)
    sim = z @ z.T / temperature
    sim.fill_diagonal_(float("-inf"))
    targets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)]).to(z.device)
    return F.cross_entropy(sim, targets)


def pairwise_bce(logits: torch.Tensor) -> torch.Tensor:
    """BCE over all B x B pairs with the identity as target; positives weighted B - 1 so the
    B - 1 negatives of each row do not swamp its one positive."""
    b = logits.shape[0]
    target = torch.eye(b, device=logits.device, dtype=logits.dtype)
    pos_weight = torch.tensor(max(b - 1, 1), device=logits.device, dtype=logits.dtype)
    return F.binary_cross_entropy_with_logits(logits, target, pos_weight=pos_weight)


def parallel_loss(logits: torch.Tensor, z1: torch.Tensor, z2: torch.Tensor, bt_lambda: float,
                  offdiag_weight: float = 5e-3) -> tuple[torch.Tensor, dict[str, float]]:
    """BTA's parallel loss: BCE(all pairs) + lambda * L_BT(projector outputs)."""
    bce = pairwise_bce(logits)
    bt = barlow_twins_loss(z1, z2, offdiag_weight)
    total = bce + bt_lambda * bt
    return total, {"loss": float(total), "bce": float(bce), "bt": float(bt)}
