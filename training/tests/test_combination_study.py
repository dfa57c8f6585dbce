import json

import numpy as np

from twinspect_training.combination_study import main


def test_cross_validates_each_candidate_and_finds_what_separates(tmp_path, capsys):
    rng = np.random.default_rng(0)
    n = 200
    same = rng.random(n) < 0.4
    # Chance fits keep a few inliers but a degenerate transform; copies fit a similarity.
    geometry = [{"inliers": int(rng.integers(4, 12)), "matches": int(rng.integers(12, 40)),
                 "similarity": float(rng.uniform(0.9, 1.0) if s else rng.uniform(0.0, 0.4)),
                 "keypoints": int(rng.integers(50, 1000))} for s in same]
    ev = tmp_path / "cal"
    (ev / "pairs").mkdir(parents=True)
    (ev / "scores").mkdir()
    (ev / "pairs" / "pairs.jsonl").write_text("".join(json.dumps({"same": bool(s)}) + "\n" for s in same))
    (ev / "scores" / "bta.json").write_text(json.dumps(rng.uniform(0.5, 0.9, n).tolist()))
    (ev / "scores" / "geometry.json").write_text(json.dumps(geometry))
    assert main([str(ev)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()[1:]]
    assert len(rows) == 7
    by_inputs = {tuple(r["inputs"]): r for r in rows}
    assert by_inputs[("model", "inliers")]["accuracy"] < 0.8
    assert by_inputs[("model", "inliers", "similarity")]["accuracy"] == 1.0
    assert by_inputs[("model", "inliers", "similarity")]["false_positive_rate"] == 0.0
    assert by_inputs[("model", "inliers", "similarity x inliers")]["accuracy"] > 0.95
