"""The canonical decode: how any image file becomes the 8-bit RGB array the model sees.

The TypeScript ingest (sharp) implements the same mapping, recorded in each model manifest under
`preprocessing`; a test compares the two on real images. Keep them in step.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

# Recorded verbatim in the manifest so consumers need no training code.
PREPROCESSING = {
    "decode": "first page/frame only; EXIF orientation applied",
    "channels": "RGB",
    "grey": "replicated to R, G and B",
    "alpha": "composited over black (rgb * alpha / max)",
    "high_bit_depth": "per-image min-max stretch of the raw values to 0..255, rounded; a flat image maps to 0",
    "eight_bit": "used as-is",
    "resize": "whole image to size x size, aspect not kept, bilinear with antialiasing (PIL BILINEAR / sharp linear)",
    "scale": "value / 255",
}
MEAN = (0.5, 0.5, 0.5)
STD = (0.25, 0.25, 0.25)
IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".gif", ".bmp"}


def _stretch(values: np.ndarray) -> np.ndarray:
    values = values.astype(np.float64)
    lo, hi = float(values.min()), float(values.max())
    if hi <= lo:
        return np.zeros(values.shape, dtype=np.uint8)
    return np.rint((values - lo) * (255.0 / (hi - lo))).astype(np.uint8)


def load_rgb(path: str | Path) -> np.ndarray:
    """Decode `path` to an HxWx3 uint8 array following PREPROCESSING."""
    with Image.open(path) as im:
        im.seek(0)
        im = ImageOps.exif_transpose(im)
        mode = im.mode
        if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
            grey = _stretch(np.asarray(im))
            return np.repeat(grey[:, :, None], 3, axis=2)
        if mode == "1":
            im = im.convert("L")
            mode = "L"
        if mode == "P":
            im = im.convert("RGBA" if "transparency" in im.info else "RGB")
            mode = im.mode
        if mode in ("RGBA", "LA", "PA"):
            rgba = np.asarray(im.convert("RGBA")).astype(np.float64)
            rgb = rgba[:, :, :3] * (rgba[:, :, 3:4] / 255.0)
            return np.rint(rgb).astype(np.uint8)
        if mode == "L":
            grey = np.asarray(im)
            return np.repeat(grey[:, :, None], 3, axis=2)
        return np.asarray(im.convert("RGB")).copy()


def resized_rgb(rgb: np.ndarray | Image.Image, size: int) -> np.ndarray:
    """Resize an RGB image to the model's input size: uint8 CxHxW, not yet normalised (a quarter of
    the bytes, for training views sent between processes and to the GPU)."""
    im = rgb if isinstance(rgb, Image.Image) else Image.fromarray(rgb)
    im = im.resize((size, size), Image.BILINEAR)
    return np.ascontiguousarray(np.asarray(im).transpose(2, 0, 1))


def normalise(x: np.ndarray) -> np.ndarray:
    """uint8 model inputs (..., C, H, W) to the float32 the model takes."""
    mean = np.asarray(MEAN, dtype=np.float32)[:, None, None]
    std = np.asarray(STD, dtype=np.float32)[:, None, None]
    return (x.astype(np.float32) / 255.0 - mean) / std


def to_model_input(rgb: np.ndarray | Image.Image, size: int) -> np.ndarray:
    """Resize an RGB image to the model's input and normalise: float32 CxHxW."""
    return normalise(resized_rgb(rgb, size))


def list_images(root: str | Path) -> list[Path]:
    """Every image under `root`, recursively, in a stable order."""
    root = Path(root)
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_EXTENSIONS)
