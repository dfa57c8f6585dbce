import { type DecodeOptions, decodeToRgb, type ImageInput, type RgbImage } from './decode-image.ts';
import type { TModelManifest } from './manifest.ts';
import { resizeBilinearLikePil } from './pil-resize.ts';

/** What the encoder needs from the manifest to prepare an image. */
export interface InputSpec {
  size: TModelManifest['input']['size'];
  mean: readonly number[];
  std: readonly number[];
}

/**
 * The encoder's input for one image: float32 3×S×S (NCHW, RGB), value/255 then (v − mean)/std
 * per channel, in float32 arithmetic like numpy's, so the tensor is bit-identical to
 * `to_model_input(load_rgb(path), S)`.
 */
export function rgbToModelInput(image: RgbImage, spec: InputSpec): Float32Array {
  const s = spec.size;
  const resized = resizeBilinearLikePil(image.data, image.width, image.height, 3, s, s);
  const plane = s * s;
  const out = new Float32Array(3 * plane);
  for (let c = 0; c < 3; c++) {
    const mean = Math.fround(spec.mean[c] as number);
    const std = Math.fround(spec.std[c] as number);
    // 256 possible values: a lookup table instead of three float32 roundings per sample.
    const lut = new Float32Array(256);
    for (let v = 0; v < 256; v++) lut[v] = Math.fround(Math.fround(v / 255) - mean) / std;
    for (let i = 0; i < plane; i++)
      out[c * plane + i] = lut[resized[i * 3 + c] as number] as number;
  }
  return out;
}

/** Decodes a file or buffer and prepares the encoder input (the manifest's whole preprocessing). */
export async function decodeToModelInput(
  input: ImageInput,
  manifest: { input: InputSpec },
  options: DecodeOptions = {},
): Promise<Float32Array> {
  return rgbToModelInput(await decodeToRgb(input, options), manifest.input);
}
