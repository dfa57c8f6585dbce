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
 * Step 1 of the model input: the decoded RGB resized to S×S exactly as Pillow does (interleaved
 * 8-bit, S·S·3 bytes). Small and model-size specific, so ingest can store it and embedding can
 * skip decoding the original again.
 */
export function resizeForModel(image: RgbImage, size: number): Uint8Array {
  return resizeBilinearLikePil(image.data, image.width, image.height, 3, size, size);
}

/**
 * Step 2: value/255 then (v − mean)/std per channel, in float32 arithmetic like numpy's, as
 * float32 3×S×S (NCHW, RGB).
 */
export function normalizeForModel(resized: Uint8Array, spec: InputSpec): Float32Array {
  const s = spec.size;
  const plane = s * s;
  if (resized.length !== plane * 3)
    throw new Error(`expected ${plane * 3} bytes, got ${resized.length}`);
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

/**
 * The encoder's input for one image, bit-identical to the training code's
 * `to_model_input(load_rgb(path), S)`.
 */
export function rgbToModelInput(image: RgbImage, spec: InputSpec): Float32Array {
  return normalizeForModel(resizeForModel(image, spec.size), spec);
}

/** Decodes a file or buffer and prepares the encoder input (the manifest's whole preprocessing). */
export async function decodeToModelInput(
  input: ImageInput,
  manifest: { input: InputSpec },
  options: DecodeOptions = {},
): Promise<Float32Array> {
  return rgbToModelInput(await decodeToRgb(input, options), manifest.input);
}
