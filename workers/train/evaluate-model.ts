import {
  decodeToModelInput,
  type ExecutionProvider,
  embed,
  loadModel,
  type Model,
  scoreBlock,
  sliceRows,
} from '@twinspect/inference';
import { pairMetrics, type TPairMetrics } from './pair-metrics.ts';

// Scores labelled pairs through the production inference path (sharp preprocessing and
// onnxruntime-node, what the scoring workers run), so the gate judges what scoring will do.

export interface LabelledPair {
  /** Absolute image paths. */
  a: string;
  b: string;
  same: boolean;
}

export interface TSuiteResult {
  /** Present when the suite was scored. */
  metrics?: TPairMetrics;
  /** Why it was not: too few labels, or the model could not be loaded. */
  skipped?: string;
}

export interface TModelEvaluation {
  modelDir: string;
  version: string | null;
  heldOut: TSuiteResult;
  standard: TSuiteResult;
}

export interface EvaluationSuites {
  heldOut: LabelledPair[];
  /** Reasons the held-out suite cannot judge (too few labels, one class), or null. */
  heldOutSkip: string | null;
  standard: LabelledPair[];
}

async function scorePairs(model: Model, pairs: LabelledPair[]): Promise<number[]> {
  const files = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const index = new Map(files.map((file, i) => [file, i]));
  const inputs: Float32Array[] = [];
  for (const file of files) inputs.push(await decodeToModelInput(file, model.manifest));
  const all = await embed(model, inputs);
  const scores: number[] = [];
  for (const pair of pairs) {
    const i = index.get(pair.a) as number;
    const j = index.get(pair.b) as number;
    const score = await scoreBlock(model, sliceRows(all, i, i + 1), sliceRows(all, j, j + 1));
    scores.push(score[0] as number);
  }
  return scores;
}

export async function evaluateModel(
  modelDir: string,
  suites: EvaluationSuites,
  options: { executionProvider?: ExecutionProvider; threads?: number } = {},
): Promise<TModelEvaluation> {
  let model: Model;
  try {
    model = await loadModel(modelDir, options);
  } catch (error) {
    const reason = `model could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    return { modelDir, version: null, heldOut: { skipped: reason }, standard: { skipped: reason } };
  }
  try {
    const suite = async (pairs: LabelledPair[], skip: string | null): Promise<TSuiteResult> => {
      if (skip) return { skipped: skip };
      const scores = await scorePairs(model, pairs);
      return {
        metrics: pairMetrics(
          pairs.map((p) => p.same),
          scores,
          model.threshold,
        ),
      };
    };
    return {
      modelDir,
      version: model.version,
      heldOut: await suite(suites.heldOut, suites.heldOutSkip),
      standard: await suite(suites.standard, suites.standard.length ? null : 'no standard pairs'),
    };
  } finally {
    await model.release();
  }
}
