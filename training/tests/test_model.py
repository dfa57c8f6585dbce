import torch

from twinspect_training.config import preset
from twinspect_training.model import BTA


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
