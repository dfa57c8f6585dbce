import torch

from twinspect_training.config import preset
from twinspect_training.model import BTA, GeM


def _model():
    torch.manual_seed(0)
    return BTA(preset("tiny").model).eval()


def test_score_is_symmetric_to_the_bit():
    model = _model()
    x, y = torch.randn(5, 3, 48, 48), torch.randn(5, 3, 48, 48)
    with torch.no_grad():
        assert torch.equal(model(x, y), model(y, x))
        za, zb = model.encoder(x), model.encoder(y)
        assert torch.equal(model.head(za, zb), model.head(zb, za).T)


def test_block_head_agrees_with_pairwise_head():
    model = _model()
    with torch.no_grad():
        za, zb = torch.randn(4, 64), torch.randn(3, 64)
        block = model.head(za, zb)
        for i in range(4):
            for j in range(3):
                single = torch.sigmoid(model.head.pair_logits(za[i:i + 1], zb[j:j + 1]))
                assert torch.allclose(block[i, j], single[0], atol=1e-6)


def test_scores_are_probabilities():
    model = _model()
    with torch.no_grad():
        s = model.head(torch.randn(6, 64) * 100, torch.randn(7, 64))
    assert s.shape == (6, 7) and float(s.min()) >= 0 and float(s.max()) <= 1


def test_gem_pooling_spans_the_average_and_the_maximum():
    x = torch.rand(2, 8, 4, 4)
    assert torch.allclose(GeM(1.0)(x), x.mean(dim=(2, 3), keepdim=True), atol=1e-6)
    assert torch.allclose(GeM(64.0)(x), x.amax(dim=(2, 3), keepdim=True), atol=0.05)
    cfg = preset("tiny").model
    cfg.pool = "gem"
    model = BTA(cfg).eval()
    assert isinstance(model.encoder.backbone.avgpool, GeM)
    a, b = torch.randn(3, 3, 48, 48), torch.randn(3, 3, 48, 48)
    with torch.no_grad():
        assert torch.equal(model(a, b), model(b, a))
