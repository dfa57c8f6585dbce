import json

import pytest

from twinspect_training.checkpoint import load_checkpoint
from twinspect_training.heldout import ROWS, main
from twinspect_training.train import main as train_main


@pytest.fixture(scope="module")
def checkpoint(image_folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    assert train_main(["--images", str(image_folder), "--out", str(out), "--preset", "tiny"]) == 0
    return out / "checkpoint.pt"


def test_scores_every_held_out_row_the_same_with_or_without_worker_processes(image_folder, checkpoint, tmp_path):
    results = []
    for workers in ("0", "2"):
        out = tmp_path / f"heldout-{workers}.json"
        assert main(["--images", str(image_folder), "--model", str(checkpoint), "--pairs", "24",
                     "--workers", workers, "--device", "cpu", "--out", str(out)]) == 0
        results.append(json.loads(out.read_text()))
    assert results[0] == results[1]
    rows = results[0][str(checkpoint)]["rows"]
    assert sorted(rows) == sorted(f"{p}-{n}" for p, n in ROWS)
    for row in rows.values():
        assert row["n"] == 24 and 0.0 <= row["auc"] <= 1.0 and 0.0 <= row["accuracy"] <= 1.0


def test_refuses_models_trained_on_different_splits(image_folder, checkpoint, tmp_path):
    other = tmp_path / "other"
    assert train_main(["--images", str(image_folder), "--out", str(other), "--preset", "tiny",
                       "--set", "train.seed=1", "--set", "train.epochs=1"]) == 0
    with pytest.raises(ValueError, match="different splits"):
        main(["--images", str(image_folder), "--model", str(checkpoint), "--model", str(other / "checkpoint.pt"),
              "--pairs", "8", "--device", "cpu"])


def test_builds_the_rows_from_the_validation_images_on_request(image_folder, checkpoint, tmp_path):
    split = load_checkpoint(checkpoint)["split"]
    scored = {}
    for name in ("test", "val"):
        out = tmp_path / f"{name}.json"
        assert main(["--images", str(image_folder), "--model", str(checkpoint), "--pairs", "16",
                     "--device", "cpu", "--split", name, "--out", str(out)]) == 0
        scored[name] = json.loads(out.read_text())[str(checkpoint)]
        assert scored[name]["split"] == name and scored[name]["images"] == len(split[name])
    assert len(split["val"]) != len(split["test"])
    assert scored["val"]["rows"] != scored["test"]["rows"]
