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


def test_each_collection_is_held_out_of_the_calibration_in_turn(tmp_path, capsys):
    rng = np.random.default_rng(1)
    n = 240
    same = rng.random(n) < 0.4
    source = np.where(np.arange(n) % 3 == 0, "images/pollen/qualea", "images/dsb2018")
    geometry = [{"inliers": int(rng.integers(20, 60) if s else rng.integers(0, 8)), "matches": 30,
                 "similarity": float(rng.uniform(0.9, 1.0) if s else rng.uniform(0.0, 0.4)), "keypoints": 500}
                for s in same]
    ev = tmp_path / "cal"
    (ev / "pairs").mkdir(parents=True)
    (ev / "scores").mkdir()
    (ev / "pairs" / "pairs.jsonl").write_text("".join(
        json.dumps({"same": bool(s), "source_a": f"{d}/{i}.png", "source_b": f"{d}/{i}.png"}) + "\n"
        for i, (s, d) in enumerate(zip(same, source))))
    (ev / "scores" / "bta.json").write_text(json.dumps(rng.uniform(0.5, 0.9, n).tolist()))
    (ev / "scores" / "geometry.json").write_text(json.dumps(geometry))
    assert main([str(ev)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()[1:]]
    held = {r["held_out_source"]: r for r in lines if "held_out_source" in r}
    assert set(held) == {"dsb2018", "pollen"}
    assert held["pollen"]["pairs"] == 80 and held["pollen"]["copies"] == int(same[::3].sum())
    for r in held.values():
        # Inliers separate these copies wherever the regression was fitted.
        for judged in (r["calibrated_without_it"], r["calibrated_with_it"]):
            assert judged["accuracy"] == 1.0 and judged["false_flags"] == 0 and judged["flag_recall"] >= 0.5
