import json

import cv2
import numpy as np
import pytest
from PIL import Image

from twinspect_training.detector_study import geometry, main


@pytest.fixture(scope="module")
def pair_set(tmp_path_factory):
    """10 copies (a crop of a textured field, turned 90 degrees) and 10 pairs of different fields."""
    ev = tmp_path_factory.mktemp("cal")
    (ev / "pairs").mkdir()
    (ev / "scores").mkdir()
    rng = np.random.default_rng(0)

    def field() -> np.ndarray:
        noise = cv2.GaussianBlur(rng.uniform(0, 255, (160, 160)).astype(np.float32), (0, 0), 2)
        return cv2.normalize(noise, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)

    rows = []
    for k in range(20):
        a = field()
        b = np.rot90(a[20:140, 10:150]).copy() if k % 2 == 0 else field()
        for side, im in (("a", a), ("b", b)):
            Image.fromarray(im).save(ev / "pairs" / f"{k}_{side}.png")
        rows.append({"a": f"{k}_a.png", "b": f"{k}_b.png", "same": k % 2 == 0})
    (ev / "pairs" / "pairs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (ev / "scores" / "bta.json").write_text(json.dumps([0.6] * 20))  # the model cannot tell them apart
    (ev / "scores" / "geometry.json").write_text(json.dumps([{"inliers": 0, "similarity": 0.0}] * 20))
    return ev, rows


def test_a_crop_turned_a_quarter_keeps_its_keypoints_and_another_field_does_not(pair_set):
    ev, rows = pair_set
    found = geometry("akaze", [(str(ev / "pairs" / r["a"]), str(ev / "pairs" / r["b"])) for r in rows], 1)
    copies = np.array([r["same"] for r in rows])
    assert found["inliers"][copies].min() > 3 * max(found["inliers"][~copies].max(), 1)
    assert found["similarity"][copies].min() > 0.9  # a rotation with uniform scale


def test_each_variant_is_cross_validated_pooled_and_per_pair_set(pair_set, capsys):
    ev, _ = pair_set
    assert main([str(ev), "--variants", "product,akaze,akaze+orb", "--processes", "1"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()[1:]]
    assert [r["variant"] for r in lines] == ["product", "akaze", "akaze+orb"]
    by_variant = {r["variant"]: r for r in lines}
    assert by_variant["product"]["accuracy"] == 0.5  # no inliers and one model score: nothing separates
    assert by_variant["akaze"]["accuracy"] == 1.0 and by_variant["akaze"]["auc"] == 1.0
    assert by_variant["akaze"]["by_pair_set"][ev.name]["false_flags"] == 0


def test_an_unknown_detector_is_refused(pair_set):
    ev, _ = pair_set
    with pytest.raises(SystemExit):
        main([str(ev), "--variants", "akaze+surf"])
