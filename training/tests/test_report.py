import numpy as np
import pytest

from twinspect_training.evaluation import flag_threshold_at
from twinspect_training.report import FLAG_PREVALENCES, by_shared_area, by_source, flag_sensitivity, markdown


def test_flag_sensitivity_tabulates_each_prevalence_a_team_can_choose():
    rng = np.random.default_rng(0)
    labels = np.array([1] * 40 + [0] * 60)
    scores = np.clip(np.where(labels == 1, rng.normal(0.93, 0.06, 100), rng.normal(0.5, 0.25, 100)), 0, 1)
    verification = {"flagThreshold": 0.97, "flagPrevalence": 0.02}
    rows = flag_sensitivity(labels, scores, verification)
    assert [r["prevalence"] for r in rows] == list(FLAG_PREVALENCES)
    # The manifest's own prevalence gives its own threshold; more copies expected, lower threshold.
    assert next(r for r in rows if r["prevalence"] == 0.02)["threshold"] == pytest.approx(0.97, abs=1e-6)
    thresholds = [r["threshold"] for r in rows]
    assert thresholds == sorted(thresholds, reverse=True)
    assert [r["recall"] for r in rows] == sorted(r["recall"] for r in rows)
    for r in rows:
        t = flag_threshold_at(verification, r["prevalence"])
        flagged = scores > t
        assert r["recall"] == pytest.approx(flagged[labels == 1].mean(), abs=1e-4)
        assert r["false_flags"] == int(flagged[labels == 0].sum()) and r["negatives"] == 60
        # Precision at that prevalence: p·TPR / (p·TPR + (1 - p)·FPR).
        tpr, fpr, p = flagged[labels == 1].mean(), flagged[labels == 0].mean(), r["prevalence"]
        expected = p * tpr / (p * tpr + (1 - p) * fpr) if tpr or fpr else 0.0
        assert r["precision_at_prevalence"] == pytest.approx(expected, abs=1e-4)
    assert rows[-1]["false_flags"] > rows[0]["false_flags"]

    result = {"protocol": "editorial", "negatives": "random", "model_version": "v", "pairs": 100, "seed": 0,
              "images": "x", "threshold": 0.5, "combination": "c", "methods": {}, "per_alteration": {"bta": {}},
              "flag_sensitivity": rows}
    text = markdown(result)
    assert "## Flag sensitivity" in text
    assert f"| 2.0% | {0.97:.4f} |" in text


def test_copies_are_binned_by_shared_area_and_each_method_judged_at_its_threshold():
    areas = [0.0, 0.0, 0.05, 0.2, 0.4, 0.5, 0.9, 1.0]
    rows = [{"same": True, "shared_area": a} for a in areas] + [{"same": False, "shared_area": None}] * 2
    labels = np.array([1] * 8 + [0] * 2)
    model = np.array([0.9, 0.1, 0.9, 0.1, 0.9, 0.9, 0.9, 0.1, 0.99, 0.99])
    verify = np.array([0, 0, 0, 20, 20, 20, 20, 20, 0, 0], dtype=float)
    table = by_shared_area(rows, labels, {"bta": model, "verify": verify}, {"bta": 0.5, "verify": 10})
    assert [r["shared_area"] for r in table] == ["none", "under 10%", "10-25%", "25-50%", "50% or more"]
    # Negatives are never counted, whatever they score.
    assert [r["copies"] for r in table] == [2, 1, 1, 1, 3]
    assert [r["recall"]["bta"] for r in table] == [0.5, 1.0, 0.0, 1.0, pytest.approx(2 / 3, abs=1e-4)]
    assert [r["recall"]["verify"] for r in table] == [0.0, 0.0, 1.0, 1.0, 1.0]

    result = {"protocol": "reference", "negatives": "random", "model_version": "v", "pairs": 10, "seed": 0,
              "images": "x", "threshold": 0.5, "combination": "c", "methods": {}, "per_alteration": {"bta": {}},
              "by_shared_area": table}
    text = markdown(result)
    assert "## Copies found by shared area" in text
    assert "| none | 2 | 0.500 | 0.000 |" in text
    # A pair set written before pairs recorded their crops has no such table.
    assert by_shared_area([{"same": True}], np.array([1]), {"bta": np.array([0.9])}, {"bta": 0.5}) == []


def test_pairs_are_grouped_by_the_collection_below_the_shared_root():
    def pair(a, b, same):
        return {"source_a": a, "source_b": b, "same": same}

    rows = [pair("images/dsb2018/1.png", "images/dsb2018/1.png", True),
            pair("images/dsb2018/2.png", "images/dsb2018/2.png", True),
            pair("images/pollen/qualea/3.jpg", "images/pollen/qualea/3.jpg", True),
            pair("images/dsb2018/1.png", "images/pollen/qualea/3.jpg", False),
            pair("images/pollen/arecaceae/4.jpg", "images/dsb2018/2.png", False)]
    labels = np.array([1, 1, 1, 0, 0])
    scores = {"bta": np.array([0.9, 0.2, 0.9, 0.8, 0.1])}
    table = by_source(rows, labels, scores, {"bta": 0.5})
    # "images" is shared by every path; pollen's species folders fold into their collection.
    assert [r["source"] for r in table] == ["dsb2018", "pollen"]
    dsb, pollen = table
    assert (dsb["copies"], dsb["recall"]["bta"], dsb["others"], dsb["false_positive_rate"]["bta"]) == (2, 0.5, 1, 1.0)
    assert (pollen["copies"], pollen["recall"]["bta"], pollen["others"], pollen["false_positive_rate"]["bta"]) == (1, 1.0, 1, 0.0)

    result = {"protocol": "editorial", "negatives": "random", "model_version": "v", "pairs": 5, "seed": 0,
              "images": "x", "threshold": 0.5, "combination": "c", "methods": {}, "per_alteration": {"bta": {}},
              "by_source": table}
    assert "| dsb2018 | 2 | 0.500 | 1 | 1.000 |" in markdown(result)
