import torch

from twinspect_training.losses import barlow_twins_loss, nt_xent_loss, pairwise_bce, parallel_loss


def _bt_by_formula(z1, z2, w):
    n, d = z1.shape
    a = (z1 - z1.mean(0)) / z1.std(0, unbiased=False)
    b = (z2 - z2.mean(0)) / z2.std(0, unbiased=False)
    total = 0.0
    for i in range(d):
        for j in range(d):
            c = float((a[:, i] * b[:, j]).sum() / n)
            total += (1 - c) ** 2 if i == j else w * c ** 2
    return total


def test_barlow_twins_matches_formula():
    g = torch.Generator().manual_seed(0)
    z1, z2 = torch.randn(16, 5, generator=g), torch.randn(16, 5, generator=g)
    assert abs(float(barlow_twins_loss(z1, z2, 0.01)) - _bt_by_formula(z1, z2, 0.01)) < 1e-3


def test_barlow_twins_invariant_to_feature_scaling():
    g = torch.Generator().manual_seed(1)
    z1, z2 = torch.randn(32, 8, generator=g), torch.randn(32, 8, generator=g)
    scale = torch.rand(8, generator=g) * 10 + 0.1
    base = barlow_twins_loss(z1, z2)
    assert torch.allclose(barlow_twins_loss(z1 * scale, z2 * scale.flip(0) + 3.0), base, atol=1e-4)


def test_barlow_twins_is_zero_for_identical_decorrelated_views():
    z = torch.linalg.qr(torch.randn(64, 8))[0] * 8  # orthogonal columns: already decorrelated
    z = z - z.mean(0)
    assert float(barlow_twins_loss(z, z, 0.0)) < 1e-6


def test_pairwise_bce_weights_the_diagonal():
    logits = torch.zeros(4, 4)
    # All logits 0: each term is log 2; positives weighted 3 and there are 4 of them, negatives 12.
    expected = (4 * 3 * torch.log(torch.tensor(2.0)) + 12 * torch.log(torch.tensor(2.0))) / 16
    assert torch.allclose(pairwise_bce(logits), expected)


def test_pairwise_bce_rewards_a_confident_identity():
    good = torch.full((6, 6), -8.0).fill_diagonal_(8.0)
    bad = -good
    assert float(pairwise_bce(good)) < 0.01 < float(pairwise_bce(bad))


def test_parallel_loss_is_bce_plus_lambda_bt():
    g = torch.Generator().manual_seed(2)
    logits, z1, z2 = torch.randn(8, 8, generator=g), torch.randn(8, 4, generator=g), torch.randn(8, 4, generator=g)
    total, parts = parallel_loss(logits, z1, z2, bt_lambda=0.5)
    assert torch.allclose(total, pairwise_bce(logits) + 0.5 * barlow_twins_loss(z1, z2))
    assert set(parts) == {"loss", "bce", "bt"}


def test_nt_xent_prefers_matching_views():
    g = torch.Generator().manual_seed(3)
    z = torch.randn(8, 16, generator=g)
    assert float(nt_xent_loss(z, z + 0.01 * torch.randn(8, 16, generator=g))) < float(
        nt_xent_loss(z, torch.randn(8, 16, generator=g)))
