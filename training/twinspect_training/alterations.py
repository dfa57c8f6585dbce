"""Image alterations: what a copy of a figure may have undergone.

One module serves training (two views of one image) and evaluation (altered pairs), so the model is
judged on the same alterations it was taught. Every parameter is named in `Protocol`; the two named
protocols are:

- ``reference``: the two-view transforms of Barlow Twins (Zbontar et al., 2021) as used by the BTA
  study (RandomResizedCrop scale 0.08-1, flip, colour jitter 0.4/0.4/0.2/0.1 p=0.8, grey p=0.2,
  blur, solarize), plus the rotation and noise its task names.
- ``editorial``: what a person doctoring a figure does: a crop keeping >= 25% of the area, quarter
  turns and small angles, flips, brightness/contrast, noise and JPEG re-compression.

`alter(image, protocol, rng)` is deterministic given the `random.Random` it is handed; it returns the
altered image, the alteration types applied and the region of the original it kept. `shared_area`
says how much of two crops of one image is the same content: what any method can match at most.
"""
from __future__ import annotations

import io
import math
import random
from dataclasses import asdict, dataclass
from typing import NamedTuple

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter, ImageOps

ALTERATION_TYPES = ("crop", "rotation", "flip", "colour", "grey", "blur", "noise", "solarize", "jpeg")


@dataclass(frozen=True)
class Protocol:
    name: str
    crop_p: float  # probability of cropping at all
    crop_scale: tuple[float, float]  # kept area fraction
    crop_ratio: tuple[float, float]  # aspect ratio range of the crop
    quarter_turn_p: float  # rotate by 90/180/270 degrees
    angle_p: float  # rotate by an arbitrary angle (corners filled black)
    angle_max: float  # degrees, symmetric range
    hflip_p: float
    vflip_p: float
    jitter_p: float
    brightness: float  # factor drawn from [1-b, 1+b]
    contrast: float
    saturation: float
    hue: float  # fraction of the colour wheel, [-h, h]
    grey_p: float
    blur_p: float
    blur_sigma: tuple[float, float]  # in pixels of a 96 px rendition; scaled to the image size
    noise_p: float
    noise_sigma: tuple[float, float]  # std of Gaussian noise, fraction of 255
    solarize_p: float
    jpeg_p: float
    jpeg_quality: tuple[int, int]


PROTOCOLS: dict[str, Protocol] = {
    "reference": Protocol(
        name="reference", crop_p=1.0, crop_scale=(0.08, 1.0), crop_ratio=(3 / 4, 4 / 3),
        quarter_turn_p=0.0, angle_p=0.5, angle_max=180.0, hflip_p=0.5, vflip_p=0.0,
        jitter_p=0.8, brightness=0.4, contrast=0.4, saturation=0.2, hue=0.1, grey_p=0.2,
        blur_p=0.5, blur_sigma=(0.1, 2.0), noise_p=0.5, noise_sigma=(0.0, 0.05),
        solarize_p=0.1, jpeg_p=0.0, jpeg_quality=(95, 95),
    ),
    "editorial": Protocol(
        name="editorial", crop_p=0.8, crop_scale=(0.25, 1.0), crop_ratio=(1 / 2, 2.0),
        quarter_turn_p=0.5, angle_p=0.25, angle_max=10.0, hflip_p=0.5, vflip_p=0.5,
        jitter_p=0.7, brightness=0.3, contrast=0.3, saturation=0.0, hue=0.0, grey_p=0.0,
        blur_p=0.0, blur_sigma=(0.1, 1.0), noise_p=0.3, noise_sigma=(0.0, 0.04),
        solarize_p=0.0, jpeg_p=0.5, jpeg_quality=(30, 95),
    ),
}


def describe_protocols() -> dict[str, dict]:
    return {name: asdict(p) for name, p in PROTOCOLS.items()}


def _random_crop_box(w: int, h: int, scale: tuple[float, float], ratio: tuple[float, float],
                     rng: random.Random) -> tuple[int, int, int, int]:
    """torchvision's RandomResizedCrop box sampling, driven by `rng`."""
    area = w * h
    log_ratio = (math.log(ratio[0]), math.log(ratio[1]))
    for _ in range(10):
        target = area * rng.uniform(*scale)
        aspect = math.exp(rng.uniform(*log_ratio))
        cw = int(round(math.sqrt(target * aspect)))
        ch = int(round(math.sqrt(target / aspect)))
        if 0 < cw <= w and 0 < ch <= h:
            x = rng.randint(0, w - cw)
            y = rng.randint(0, h - ch)
            return x, y, x + cw, y + ch
    # Fallback: central crop at the clamped ratio.
    in_ratio = w / h
    if in_ratio < ratio[0]:
        cw, ch = w, int(round(w / ratio[0]))
    elif in_ratio > ratio[1]:
        ch, cw = h, int(round(h * ratio[1]))
    else:
        cw, ch = w, h
    x, y = (w - cw) // 2, (h - ch) // 2
    return x, y, x + cw, y + ch


def _jitter(im: Image.Image, p: Protocol, rng: random.Random) -> Image.Image:
    ops = []
    if p.brightness > 0:
        f = rng.uniform(1 - p.brightness, 1 + p.brightness)
        ops.append(lambda x: ImageEnhance.Brightness(x).enhance(f))
    if p.contrast > 0:
        c = rng.uniform(1 - p.contrast, 1 + p.contrast)
        ops.append(lambda x: ImageEnhance.Contrast(x).enhance(c))
    if p.saturation > 0:
        s = rng.uniform(1 - p.saturation, 1 + p.saturation)
        ops.append(lambda x: ImageEnhance.Color(x).enhance(s))
    if p.hue > 0:
        shift = rng.uniform(-p.hue, p.hue)

        def hue_op(x: Image.Image) -> Image.Image:
            hsv = np.asarray(x.convert("HSV")).copy()
            hsv[:, :, 0] = (hsv[:, :, 0].astype(np.int16) + int(round(shift * 255))) % 256
            return Image.fromarray(hsv, "HSV").convert("RGB")

        ops.append(hue_op)
    rng.shuffle(ops)
    for op in ops:
        im = op(im)
    return im


Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in the original image's pixels


def shared_area(a: Box, b: Box) -> float:
    """The part of the larger of two crops of one image that the other crop also shows (0 when
    they share no pixel, 1 when one holds the other and they are the same size)."""
    w = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    larger = max((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / larger if larger else 0.0


class Altered(NamedTuple):
    image: Image.Image
    applied: list[str]  # alteration types, in ALTERATION_TYPES' names
    crop: Box  # the region of the original kept (the whole image when not cropped), before a
    #            rotation by an arbitrary angle trims its corners


def alter(im: Image.Image, protocol: str | Protocol, rng: random.Random,
          reference_size: int = 96) -> Altered:
    """Return an altered copy of RGB image `im`, the alteration types applied and the kept region."""
    p = PROTOCOLS[protocol] if isinstance(protocol, str) else protocol
    im = im.convert("RGB")
    applied: list[str] = []
    scale_px = max(1.0, min(im.size) / reference_size)

    box: Box = (0, 0, im.width, im.height)
    if rng.random() < p.crop_p:
        cropped = _random_crop_box(im.width, im.height, p.crop_scale, p.crop_ratio, rng)
        if cropped != box:
            box = cropped
            im = im.crop(box)
            applied.append("crop")
    if rng.random() < p.quarter_turn_p:
        im = im.transpose([Image.ROTATE_90, Image.ROTATE_180, Image.ROTATE_270][rng.randrange(3)])
        applied.append("rotation")
    if rng.random() < p.angle_p:
        im = im.rotate(rng.uniform(-p.angle_max, p.angle_max), resample=Image.BILINEAR)
        if "rotation" not in applied:
            applied.append("rotation")
    flipped = False
    if rng.random() < p.hflip_p:
        im, flipped = ImageOps.mirror(im), True
    if rng.random() < p.vflip_p:
        im, flipped = ImageOps.flip(im), True
    if flipped:
        applied.append("flip")
    if rng.random() < p.jitter_p:
        im = _jitter(im, p, rng)
        applied.append("colour")
    if rng.random() < p.grey_p:
        im = ImageOps.grayscale(im).convert("RGB")
        applied.append("grey")
    if rng.random() < p.blur_p:
        im = im.filter(ImageFilter.GaussianBlur(rng.uniform(*p.blur_sigma) * scale_px))
        applied.append("blur")
    if rng.random() < p.noise_p:
        sigma = rng.uniform(*p.noise_sigma) * 255.0
        noise_rng = np.random.default_rng(rng.getrandbits(63))
        arr = np.asarray(im, dtype=np.float32) + noise_rng.normal(0.0, sigma, (im.height, im.width, 3))
        im = Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8))
        applied.append("noise")
    if rng.random() < p.solarize_p:
        im = ImageOps.solarize(im, 128)
        applied.append("solarize")
    if rng.random() < p.jpeg_p:
        buf = io.BytesIO()
        im.save(buf, format="JPEG", quality=rng.randint(*p.jpeg_quality))
        buf.seek(0)
        with Image.open(buf) as decoded:
            im = decoded.convert("RGB")
        applied.append("jpeg")
    return Altered(im, applied, box)


def pick_protocol(mix: dict[str, float], rng: random.Random) -> str:
    names = sorted(mix)
    return rng.choices(names, weights=[mix[n] for n in names])[0]
