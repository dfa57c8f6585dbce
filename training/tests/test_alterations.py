import random

import numpy as np
from PIL import Image

from twinspect_training.alterations import ALTERATION_TYPES, PROTOCOLS, alter, shared_area


def _image():
    rng = np.random.default_rng(0)
    return Image.fromarray(rng.integers(0, 255, (120, 160, 3), dtype=np.uint8))


def test_same_seed_same_alteration():
    for protocol in PROTOCOLS:
        a, kinds_a, _ = alter(_image(), protocol, random.Random(42))
        b, kinds_b, _ = alter(_image(), protocol, random.Random(42))
        assert kinds_a == kinds_b
        assert np.array_equal(np.asarray(a), np.asarray(b))


def test_different_seeds_differ():
    outs = {np.asarray(alter(_image(), "reference", random.Random(s)).image).tobytes() for s in range(5)}
    assert len(outs) == 5


def test_editorial_crop_keeps_a_quarter_of_the_area():
    im = _image()
    for seed in range(50):
        out, kinds, _ = alter(im, "editorial", random.Random(seed))
        if "crop" in kinds and "rotation" not in kinds:
            assert out.width * out.height >= 0.25 * im.width * im.height * 0.95


def test_every_alteration_type_occurs_and_is_named():
    seen = set()
    for protocol in PROTOCOLS:
        for seed in range(200):
            seen.update(alter(_image(), protocol, random.Random(seed)).applied)
    assert seen == set(ALTERATION_TYPES)


def test_the_recorded_crop_is_the_region_the_view_shows():
    im = _image()
    for seed in range(40):
        out, kinds, crop = alter(im, "reference", random.Random(seed))
        x0, y0, x1, y1 = crop
        assert 0 <= x0 < x1 <= im.width and 0 <= y0 < y1 <= im.height
        # A rotation by any angle keeps the crop's size; the reference protocol makes no quarter turns.
        assert out.size == (x1 - x0, y1 - y0)
        assert ("crop" in kinds) == (crop != (0, 0, im.width, im.height))


def test_shared_area_is_the_part_of_the_larger_crop_both_show():
    assert shared_area((0, 0, 100, 100), (0, 0, 100, 100)) == 1.0
    assert shared_area((0, 0, 100, 100), (25, 25, 75, 75)) == 0.25  # the small crop lies inside
    assert shared_area((0, 0, 50, 100), (50, 0, 100, 100)) == 0.0  # side by side, no pixel in common
    assert shared_area((0, 0, 100, 100), (50, 50, 150, 150)) == shared_area((50, 50, 150, 150), (0, 0, 100, 100)) == 0.25
