import hashlib
import json

import onnx
import pytest

from twinspect_training.export import parity_input
from twinspect_training.model_card import render


def test_export_writes_onnx_and_a_complete_manifest(exported):
    out = exported
    manifest = json.loads((out / "manifest.json").read_text())
    for key in ("encoder", "head"):
        f = manifest["files"][key]
        data = (out / f["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == f["sha256"]
        onnx.checker.check_model(onnx.load(str(out / f["path"])))
    assert manifest["input"]["size"] == 48 and manifest["input"]["channel_order"] == "RGB"
    assert 0.0 < manifest["threshold"] < 1.0
    assert set(manifest["training"]["split"]) == {"train", "val", "test"}
    assert len(manifest["parity"]["embedding"]) == 2 and len(manifest["parity"]["score"]) == 2
    assert manifest["embedding_dim"] == len(manifest["parity"]["embedding"][0])
    assert out.name.startswith("tiny-")


def test_parity_input_is_the_documented_formula():
    x = parity_input(1, 4)
    assert x.shape == (1, 3, 4, 4)
    assert abs(float(x.flatten()[5]) - 2 * __import__("math").sin(0.37 * 5)) < 1e-6


def test_model_card_reports_targets_met_and_missed(exported, tmp_path):
    ev = tmp_path / "ev"
    ev.mkdir()
    bta = {"accuracy": 0.91, "auc": 0.995, "accuracy_at_0_5": 0.9}
    (ev / "metrics.json").write_text(json.dumps({"protocol": "editorial", "negatives": "random", "pairs": 10,
                                                 "methods": {"bta": bta, "phash": {"accuracy": 0.5, "auc": 0.5}}}))
    card = render(exported, [ev], "")
    assert "0.910 (target 0.95: missed)" in card and "0.995 (met)" in card
    assert "phash 0.500 / 0.500" in card


def test_calibration_refits_the_threshold_on_production_scores(exported, tmp_path):
    from twinspect_training.calibrate import main as calibrate

    ev = tmp_path / "cal"
    (ev / "pairs").mkdir(parents=True)
    (ev / "scores").mkdir()
    rows = [{"same": same, "protocol": "editorial", "negatives": "random"} for same in (1, 1, 0, 0)]
    (ev / "pairs" / "pairs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (ev / "scores" / "bta.json").write_text(json.dumps([0.9, 0.7, 0.6, 0.1]))
    assert calibrate(["--manifest", str(exported / "manifest.json"), str(ev)]) == 0
    manifest = json.loads((exported / "manifest.json").read_text())
    assert manifest["threshold"] == 0.65
    assert manifest["metrics"]["validation"]["accuracy"] == 1.0
    assert "onnxruntime-node" in manifest["threshold_source"]


def test_calibration_fits_the_verified_combination_when_pairs_were_verified(exported, tmp_path):
    from twinspect_training.calibrate import main as calibrate

    ev = tmp_path / "cal"
    (ev / "pairs").mkdir(parents=True)
    (ev / "scores").mkdir()
    # Positives: mid model scores but many inliers; negatives: one look-alike with a high model score.
    same = [1, 1, 1, 1, 0, 0, 0, 0]
    rows = [{"same": s, "protocol": "editorial", "negatives": "hard"} for s in same]
    (ev / "pairs" / "pairs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (ev / "scores" / "bta.json").write_text(json.dumps([0.6, 0.7, 0.5, 0.8, 0.85, 0.3, 0.2, 0.4]))
    geometry = [{"inliers": i, "matches": 2 * i + 10, "similarity": sim, "keypoints": 800}
                for i, sim in zip([40, 25, 60, 30, 4, 5, 3, 6], [0.98, 0.97, 0.99, 0.96, 0.1, 0.3, 0.05, 0.2])]
    (ev / "scores" / "geometry.json").write_text(json.dumps(geometry))
    settings = {"method": "akaze-ransac", "side": 512, "claheClipLimit": 2, "claheTiles": 8,
                "akazeThreshold": 0.0001, "maxKeypoints": 1000, "ratio": 0.8, "ransacPx": 5}
    (ev / "scores" / "verification.json").write_text(json.dumps(settings))
    assert calibrate(["--manifest", str(exported / "manifest.json"), str(ev)]) == 0
    manifest = json.loads((exported / "manifest.json").read_text())
    v = manifest["verification"]
    assert {k: v[k] for k in settings} == settings
    assert v["combine"]["similarityInliers"] > 0 and 0 < v["threshold"] < 1
    assert set(v["combine"]) == {"intercept", "model", "inliers", "similarityInliers"}
    # The inliers separate what the model score alone cannot.
    assert manifest["metrics"]["validation_verified"]["accuracy"] == 1.0
    assert manifest["metrics"]["validation"]["accuracy"] < 1.0
    # Flags are for a real case: at 1 copy in 50 the fitted odds (here at 1 in 2) shrink 49-fold.
    assert v["flagPrevalence"] == 0.02
    assert v["flagThreshold"] == pytest.approx(0.98, abs=1e-6)
    assert manifest["metrics"]["validation_flagged"]["n"] == 8
    sensitivity = manifest["metrics"]["validation_flag_sensitivity"]
    assert [r["prevalence"] for r in sensitivity] == [0.005, 0.01, 0.02, 0.05, 0.1, 0.2]
    assert next(r for r in sensitivity if r["prevalence"] == 0.02)["threshold"] == v["flagThreshold"]
    assert all(r["negatives"] == 4 for r in sensitivity)


def test_flag_threshold_is_even_odds_at_the_case_prevalence():
    from twinspect_training.evaluation import flag_threshold, flag_threshold_at

    assert flag_threshold(0.5, 0.5) == pytest.approx(0.5)
    t = flag_threshold(0.4, 0.01)
    odds = t / (1 - t)
    # Fitted odds at t, times the prior odds ratio (0.01/0.99) / (0.4/0.6), give even odds.
    assert odds * (0.01 / 0.99) / (0.4 / 0.6) == pytest.approx(1.0)
    # Moving the manifest's threshold to another prevalence is fitting it there from the start.
    verification = {"flagThreshold": t, "flagPrevalence": 0.01}
    assert flag_threshold_at(verification, 0.01) == pytest.approx(t)
    assert flag_threshold_at(verification, 0.1) == pytest.approx(flag_threshold(0.4, 0.1))


def test_model_card_marks_the_product_score_and_bta_alone(exported, tmp_path):
    ev = tmp_path / "ev"
    ev.mkdir()
    methods = {"bta": {"accuracy": 0.8, "auc": 0.9, "accuracy_at_0_5": 0.8},
               "verify": {"accuracy": 0.85, "auc": 0.9}, "bta+verify": {"accuracy": 0.96, "auc": 0.991}}
    (ev / "metrics.json").write_text(json.dumps({"protocol": "editorial", "negatives": "random", "pairs": 10,
                                                 "methods": methods}))
    card = render(exported, [ev], "")
    assert "0.960 (met) | 0.991 (met) | 0.800 (target 0.95: missed) / 0.900 | 0.850 / 0.900" in card


def test_model_card_measures_the_copies_that_share_no_pixels(exported, tmp_path):
    table = [{"shared_area": name, "copies": n, "recall": {"bta": r, "verify": 0.0, "bta+verify": r}}
             for name, n, r in (("none", 4, 0.25), ("under 10%", 6, 0.5), ("10-25%", 10, 0.6),
                                ("25-50%", 30, 0.7), ("50% or more", 50, 0.9))]
    ev = tmp_path / "ev"
    ev.mkdir()
    (ev / "metrics.json").write_text(json.dumps({"protocol": "reference", "negatives": "random", "pairs": 250,
                                                 "methods": {"bta": {"accuracy": 0.8, "auc": 0.9}},
                                                 "by_shared_area": table}))
    card = render(exported, [ev], "")
    assert "## Copies found by shared area" in card
    assert "| none | 4: 0.250 / 0.250 |" in card
    # 4 of the 100 copies share nothing; 10 share under a tenth.
    assert "4.0% share no pixels at all and 10.0% under a tenth of the larger crop (random negatives)" in card
    # Without recorded crops the card keeps the estimate.
    del table[:]
    (ev / "metrics.json").write_text(json.dumps({"protocol": "reference", "negatives": "random", "pairs": 250,
                                                 "methods": {"bta": {"accuracy": 0.8, "auc": 0.9}}}))
    assert "about 3% of same pairs share no pixels" in render(exported, [ev], "")
