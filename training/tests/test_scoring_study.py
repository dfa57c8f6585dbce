import json

import numpy as np
import torch
from PIL import Image
from sklearn.metrics import roc_auc_score

from twinspect_training.from_onnx import load_version
from twinspect_training.imageio import load_rgb, to_model_input
from twinspect_training.pairset import write_pairs
from twinspect_training.scoring_study import crops, main, set_relative, study


def test_set_relative_subtracts_each_sides_mean_of_its_strongest_others():
    logits = np.array([[9.0, 4.0, 2.0],
                       [4.0, 9.0, 0.0],
                       [2.0, 0.0, 9.0]])
    # k=1: each image's strongest other is 4, 4 and 2; the diagonal never counts.
    out = set_relative(logits, 1)
    assert out[0, 1] == 4.0 - (4 + 4) / 2
    assert out[0, 2] == 2.0 - (4 + 2) / 2
    assert out[1, 2] == 0.0 - (4 + 2) / 2
    assert np.allclose(out, out.T)
    # k=2 averages both others.
    assert set_relative(logits, 2)[1, 2] == 0.0 - (2.0 + 1.0) / 2


def test_crops_are_the_full_view_then_corners_and_centre_at_each_size():
    im = Image.new("RGB", (100, 60))
    views = crops(im)
    assert len(views) == 11
    assert views[0].size == (100, 60)
    assert {v.size for v in views[1:6]} == {(50, 30)} and {v.size for v in views[6:]} == {(70, 42)}


def test_study_scores_every_pair_with_each_method(exported, image_folder, tmp_path, capsys):
    folder = tmp_path / "editorial-random"
    write_pairs(image_folder, folder / "pairs", "editorial", "random", 24, 0)
    model, cfg, _ = load_version(exported)
    result = study(model, cfg.model.image_size, folder)
    rows = [json.loads(line) for line in open(folder / "pairs" / "pairs.jsonl")]
    labels = [int(r["same"]) for r in rows]
    assert result["pairs"] == 24 and result["copies"] == sum(labels)
    assert set(result["auc"]) == {"head", "cosine projector", "cosine backbone", "best crop",
                                  "set-relative 3", "set-relative 10", "set-relative 30"}
    # The head's AUC is that of the model's own score on each pair.
    with torch.no_grad():
        x = {s: torch.from_numpy(np.stack([to_model_input(load_rgb(folder / "pairs" / r[s]), cfg.model.image_size)
                                           for r in rows])) for s in ("a", "b")}
        own = model.head.pair_logits(model.encoder(x["a"]), model.encoder(x["b"])).numpy()
    assert result["auc"]["head"] == round(float(roc_auc_score(labels, own)), 4)

    assert main(["--model", str(exported), "--threads", "1", str(folder)]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1]) == result
