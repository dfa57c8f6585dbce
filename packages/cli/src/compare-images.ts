import {
  calibratedVerification,
  decodeToModelInput,
  embed,
  extractKeypoints,
  type Model,
  modelOnly,
  scoreBlock,
  verifyCandidate,
} from '@twinspect/inference';

export interface Comparison {
  /** The verified score when the model verifies pairs, else the model's. */
  score: number;
  /** The model's own M(a, b). */
  modelScore: number;
  /** Keypoint inliers of geometric verification; null when the model has no verification. */
  inliers: number | null;
  threshold: number;
  /** score > threshold: these likely show the same image. */
  flagged: boolean;
  model: string;
}

/**
 * M(a, b) through the workers' path: decode, preprocess, encoder, head; then, when the model's
 * manifest calibrates one, the workers' geometric verification and combined score.
 */
export async function compareImages(
  model: Model,
  a: string,
  b: string,
  options: { flagPrevalence?: number } = {},
): Promise<Comparison> {
  const inputs = await Promise.all([a, b].map((file) => decodeToModelInput(file, model.manifest)));
  const e = await embed(model, inputs);
  const scores = await scoreBlock(model, e, e);
  // The head is symmetric by construction; read the (a, b) cell.
  const modelScore = scores[1] as number;
  const verification = calibratedVerification(model.manifest.verification, options);
  const pair = { a, b, score: modelScore };
  const judged = verification
    ? await verifyCandidate(pair, (file) => extractKeypoints(file, verification), verification)
    : modelOnly(pair, model.threshold);
  return {
    score: judged.score,
    modelScore,
    inliers: judged.inliers,
    threshold: verification?.flagAbove ?? model.threshold,
    flagged: judged.flagged,
    model: model.version,
  };
}
