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
