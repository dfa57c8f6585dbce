import { decodeToModelInput, embed, type Model, scoreBlock } from '@twinspect/inference';

export interface Comparison {
  score: number;
  threshold: number;
  /** score > threshold: the model says these show the same image. */
  flagged: boolean;
  model: string;
}

/** M(a, b) through the workers' path: decode, preprocess, encoder, head. */
export async function compareImages(model: Model, a: string, b: string): Promise<Comparison> {
  const inputs = await Promise.all([a, b].map((file) => decodeToModelInput(file, model.manifest)));
  const e = await embed(model, inputs);
  const scores = await scoreBlock(model, e, e);
  // The head is symmetric by construction; read the (a, b) cell.
  const score = scores[1] as number;
  return {
    score,
    threshold: model.threshold,
    flagged: score > model.threshold,
    model: model.version,
  };
}
