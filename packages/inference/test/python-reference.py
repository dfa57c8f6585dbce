# The training code's preprocessing, run on the files given, for the TypeScript parity test.
# Usage: PYTHONPATH=training /usr/bin/python3 python-reference.py <size> <out-dir> <image>...
# Writes <out-dir>/<i>.rgb (uint8 HxWx3, with <i>.shape) and <i>.x (float32 3xSxS).
import sys

from twinspect_training.imageio import load_rgb, to_model_input

size, out = int(sys.argv[1]), sys.argv[2]
for i, path in enumerate(sys.argv[3:]):
    rgb = load_rgb(path)
    with open(f"{out}/{i}.shape", "w") as f:
        f.write(f"{rgb.shape[0]} {rgb.shape[1]}")
    rgb.tofile(f"{out}/{i}.rgb")
    to_model_input(rgb, size).astype("float32").tofile(f"{out}/{i}.x")
