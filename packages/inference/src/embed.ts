import * as ort from 'onnxruntime-node';
import type { Embeddings } from './embeddings.ts';
import type { Model } from './load-model.ts';

export interface EmbedOptions {
  /** Images per encoder call. 32 is the measured sweet spot on 2 cores (ENVIRONMENT.md). */
  batchSize?: number;
}

/**
 * Runs the encoder over prepared inputs (each 3×S×S from decodeToModelInput), in batches.
 * Returns one embedding row per input, in order.
 */
export async function embed(
  model: Model,
  inputs: Float32Array[],
  options: EmbedOptions = {},
): Promise<Embeddings> {
  const batchSize = options.batchSize ?? 32;
  const s = model.size;
  const per = 3 * s * s;
  const out = new Float32Array(inputs.length * model.dim);
  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs.slice(start, start + batchSize);
    const data = new Float32Array(batch.length * per);
    batch.forEach((x, i) => {
      if (x.length !== per)
        throw new Error(`input ${start + i} has ${x.length} values, expected ${per}`);
      data.set(x, i * per);
    });
    const result = await model.encoder.run({
      image: new ort.Tensor('float32', data, [batch.length, 3, s, s]),
    });
    const embedding = result.embedding as ort.Tensor;
    out.set(embedding.data as Float32Array, start * model.dim);
    embedding.dispose();
  }
  return { data: out, rows: inputs.length, dim: model.dim };
}
