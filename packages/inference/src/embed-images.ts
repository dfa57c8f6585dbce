import type { DecodeOptions, ImageInput } from './decode-image.ts';
import { embed } from './embed.ts';
import type { Embeddings } from './embeddings.ts';
import { InferenceError } from './errors.ts';
import type { Model } from './load-model.ts';
import { decodeToModelInput } from './to-model-input.ts';

export interface EmbedImagesOptions extends DecodeOptions {
  batchSize?: number;
  /** Images decoded at once (sharp runs them on libuv's pool while ORT encodes). Default 2. */
  decodeConcurrency?: number;
  /** Called after each encoder batch with the number of images done so far. */
  onProgress?: (done: number) => void | Promise<void>;
}

export interface EmbedImagesResult {
  /** One row per image that decoded, in input order of `ok`. */
  embeddings: Embeddings;
  /** Input indices of the rows of `embeddings`. */
  ok: number[];
  /** Images that could not be used, with a readable reason. */
  failed: { index: number; error: InferenceError }[];
}

/**
 * Decodes, preprocesses and embeds images: the path both the CLI and the score worker take. A bad
 * image is reported in `failed` and the rest go on.
 */
export async function embedImages(
  model: Model,
  images: ImageInput[],
  options: EmbedImagesOptions = {},
): Promise<EmbedImagesResult> {
  const batchSize = options.batchSize ?? 32;
  const concurrency = Math.max(1, options.decodeConcurrency ?? 2);
  const ok: number[] = [];
  const failed: EmbedImagesResult['failed'] = [];
  const rows: Float32Array[] = [];

  // Decode the next batch while the encoder runs the current one.
  const decodeBatch = async (start: number) => {
    const end = Math.min(images.length, start + batchSize);
    const results: (Float32Array | InferenceError)[] = new Array(end - start);
    let next = start;
    const workers = Array.from({ length: concurrency }, async () => {
      while (next < end) {
        const i = next++;
        try {
          results[i - start] = await decodeToModelInput(
            images[i] as ImageInput,
            model.manifest,
            options,
          );
        } catch (error) {
          if (!(error instanceof InferenceError)) throw error;
          results[i - start] = error;
        }
      }
    });
    await Promise.all(workers);
    return { start, results };
  };

  let pending = images.length > 0 ? decodeBatch(0) : undefined;
  while (pending) {
    const { start, results } = await pending;
    const nextStart = start + batchSize;
    pending = nextStart < images.length ? decodeBatch(nextStart) : undefined;
    const inputs: Float32Array[] = [];
    const indices: number[] = [];
    results.forEach((r, k) => {
      if (r instanceof InferenceError) failed.push({ index: start + k, error: r });
      else {
        inputs.push(r);
        indices.push(start + k);
      }
    });
    if (inputs.length > 0) {
      const e = await embed(model, inputs, { batchSize });
      rows.push(e.data);
      ok.push(...indices);
    }
    await options.onProgress?.(Math.min(images.length, nextStart));
  }
  const data = new Float32Array(ok.length * model.dim);
  let offset = 0;
  for (const r of rows) {
    data.set(r, offset);
    offset += r.length;
  }
  return { embeddings: { data, rows: ok.length, dim: model.dim }, ok, failed };
}
