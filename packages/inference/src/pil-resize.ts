/**
 * A line-by-line port of Pillow's 8-bit resampling (libImaging/Resample.c, Pillow 9-11) for the
 * bilinear filter, so that the tensor we feed the encoder is bit-identical to the one the Python
 * training code (`Image.resize((S, S), Image.BILINEAR)`) produced. libvips' linear kernel
 * (sharp) shrinks in a box pre-pass and rounds differently: close, but not the same tensor, and
 * the model's calibrated threshold was measured on Pillow's. See the preprocessing test for the
 * figures.
 *
 * Pillow resamples horizontally into an 8-bit intermediate, then vertically, each output sample
 * being a fixed-point (22 fractional bits) weighted sum of the triangle filter widened by the
 * scale factor (that widening is the antialiasing).
 */

const PRECISION_BITS = 32 - 8 - 2;
const ONE = 2 ** PRECISION_BITS;
const HALF = 2 ** (PRECISION_BITS - 1);

interface Coefficients {
  /** Taps per output sample (the stride of `weights`). */
  size: number;
  /** First input index and tap count per output sample. */
  bounds: Int32Array;
  /** Fixed-point weights, `size` per output sample. */
  weights: Int32Array;
}

function bilinear(x: number): number {
  const ax = x < 0 ? -x : x;
  return ax < 1 ? 1 - ax : 0;
}

/** C's `(int)` cast: truncation toward zero. */
const toInt = Math.trunc;

function precomputeCoefficients(inSize: number, outSize: number): Coefficients {
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = 1 * filterScale;
  const size = Math.ceil(support) * 2 + 1;
  const bounds = new Int32Array(outSize * 2);
  const weights = new Int32Array(outSize * size);
  const ss = 1 / filterScale;
  const k = new Float64Array(size);
  for (let xx = 0; xx < outSize; xx++) {
    const center = (xx + 0.5) * scale;
    let xmin = toInt(center - support + 0.5);
    if (xmin < 0) xmin = 0;
    let xmax = toInt(center + support + 0.5);
    if (xmax > inSize) xmax = inSize;
    xmax -= xmin;
    let ww = 0;
    for (let x = 0; x < xmax; x++) {
      const w = bilinear((x + xmin - center + 0.5) * ss);
      k[x] = w;
      ww += w;
    }
    for (let x = 0; x < size; x++) {
      const w = x < xmax ? (ww !== 0 ? (k[x] as number) / ww : (k[x] as number)) : 0;
      weights[xx * size + x] = w < 0 ? toInt(-0.5 + w * ONE) : toInt(0.5 + w * ONE);
    }
    bounds[xx * 2] = xmin;
    bounds[xx * 2 + 1] = xmax;
  }
  return { size, bounds, weights };
}

function clip8(sum: number): number {
  const v = Math.floor(sum / ONE);
  return v < 0 ? 0 : Math.min(v, 255);
}

/**
 * Resizes interleaved 8-bit pixels (`channels` per pixel) to outWidth × outHeight exactly as
 * Pillow's `Image.resize(..., Image.BILINEAR)` does.
 */
export function resizeBilinearLikePil(
  src: Uint8Array,
  width: number,
  height: number,
  channels: number,
  outWidth: number,
  outHeight: number,
): Uint8Array {
  let data = src;
  let w = width;
  // Pillow skips a pass whose size does not change (the filter would be the identity anyway, but
  // skipping it keeps the 8-bit rounding identical).
  if (outWidth !== width) {
    // Pillow only resamples the rows the vertical pass will read; the values are the same.
    const { size, bounds, weights } = precomputeCoefficients(width, outWidth);
    const out = new Uint8Array(outWidth * height * channels);
    for (let y = 0; y < height; y++) {
      const rowIn = y * width * channels;
      const rowOut = y * outWidth * channels;
      for (let xx = 0; xx < outWidth; xx++) {
        const xmin = bounds[xx * 2] as number;
        const xmax = bounds[xx * 2 + 1] as number;
        const kOff = xx * size;
        for (let c = 0; c < channels; c++) {
          let sum = HALF;
          let p = rowIn + xmin * channels + c;
          for (let x = 0; x < xmax; x++, p += channels) {
            sum += (data[p] as number) * (weights[kOff + x] as number);
          }
          out[rowOut + xx * channels + c] = clip8(sum);
        }
      }
    }
    data = out;
    w = outWidth;
  }
  if (outHeight !== height) {
    const { size, bounds, weights } = precomputeCoefficients(height, outHeight);
    const stride = w * channels;
    const out = new Uint8Array(w * outHeight * channels);
    for (let yy = 0; yy < outHeight; yy++) {
      const ymin = bounds[yy * 2] as number;
      const ymax = bounds[yy * 2 + 1] as number;
      const kOff = yy * size;
      const rowOut = yy * stride;
      for (let i = 0; i < stride; i++) {
        let sum = HALF;
        let p = ymin * stride + i;
        for (let y = 0; y < ymax; y++, p += stride) {
          sum += (data[p] as number) * (weights[kOff + y] as number);
        }
        out[rowOut + i] = clip8(sum);
      }
    }
    data = out;
  }
  return data === src ? src.slice() : data;
}
