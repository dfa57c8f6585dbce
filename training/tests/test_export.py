import hashlib
import json

import onnx

from twinspect_training.export import export, parity_input
from twinspect_training.train import main


def test_export_writes_onnx_and_a_complete_manifest(image_folder, tmp_path):
    run = tmp_path / "run"
    assert main(["--images", str(image_folder), "--out", str(run), "--preset", "tiny", "--set", "train.epochs=1"]) == 0
    out = export(run / "checkpoint.pt", image_folder, tmp_path / "models", "tiny", 32, {"command": "test"})
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
