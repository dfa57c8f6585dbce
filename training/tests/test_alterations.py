import random

import numpy as np
from PIL import Image

from twinspect_training.alterations import ALTERATION_TYPES, PROTOCOLS, alter


def _image():
    rng = np.random.default_rng(0)
    return Image.fromarray(rng.integers(0, 255, (120, 160, 3), dtype=np.uint8))


def test_same_seed_same_alteration():
    for protocol in PROTOCOLS:
        a, kinds_a = alter(_image(), protocol, random.Random(42))
        b, kinds_b = alter(_image(), protocol, random.Random(42))
        assert kinds_a == kinds_b
        assert np.array_equal(np.asarray(a), np.asarray(b))


def test_different_seeds_differ():
    outs = {np.asarray(alter(_image(), "reference", random.Random(s))[0]).tobytes() for s in range(5)}
    assert len(outs) == 5


def test_editorial_crop_keeps_a_quarter_of_the_area():
    im = _image()
    for seed in range(50):
        out, kinds = alter(im, "editorial", random.Random(seed))
        if "crop" in kinds and "rotation" not in kinds:
            assert out.width * out.height >= 0.25 * im.width * im.height * 0.95


def test_every_alteration_type_occurs_and_is_named():
    seen = set()
    for protocol in PROTOCOLS:
        for seed in range(200):
            seen.update(alter(_image(), protocol, random.Random(seed))[1])
    assert seen == set(ALTERATION_TYPES)
