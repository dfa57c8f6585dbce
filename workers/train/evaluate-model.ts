import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type ExecutionProvider,
  loadModel,
  type Model,
  scoreAlignedPairs,
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

/** A pair set written by pairset.py (`pairs.jsonl` beside the altered images), as file pairs. */
export async function readPairSet(dir: string): Promise<LabelledPair[]> {
  return (await readFile(path.join(dir, 'pairs.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { a: string; b: string; same: boolean })
    .map((row) => ({ a: path.join(dir, row.a), b: path.join(dir, row.b), same: row.same }));
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
      const scores = await scoreAlignedPairs(model, pairs);
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
