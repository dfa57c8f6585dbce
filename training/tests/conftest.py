import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIO_DEV = ROOT.parent.parent / "shared" / "datasets" / "bio-dev" / "images"
SAMPLE = ROOT.parent / "packages" / "demo-data" / "images"


@pytest.fixture(scope="session")
def image_folder(tmp_path_factory) -> Path:
    """A few dozen real microscopy images in two source folders (bio-dev, or the shipped sample)."""
    out = tmp_path_factory.mktemp("images")
    if BIO_DEV.exists():
        picks = {"dsb2018": sorted((BIO_DEV / "dsb2018").glob("*.png"))[:20],
                 "cellprofiler": sorted((BIO_DEV / "cellprofiler").glob("*"))[:12]}
    else:
        files = sorted(p for p in SAMPLE.rglob("*") if p.is_file())
        picks = {"a": files[: len(files) // 2], "b": files[len(files) // 2:]}
    for group, files in picks.items():
        (out / group).mkdir()
        for f in files:
            shutil.copy(f, out / group / f.name)
    return out


@pytest.fixture(scope="session")
def exported(image_folder, tmp_path_factory) -> Path:
    """A tiny model trained one epoch and exported as a version folder (ONNX files + manifest)."""
    from twinspect_training.export import export
    from twinspect_training.train import main

    tmp = tmp_path_factory.mktemp("export")
    assert main(["--images", str(image_folder), "--out", str(tmp / "run"), "--preset", "tiny", "--set", "train.epochs=1"]) == 0
    return export(tmp / "run" / "checkpoint.pt", image_folder, tmp / "models", "tiny", 32, {"command": "test"})
