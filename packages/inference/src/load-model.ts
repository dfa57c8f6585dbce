import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { InferenceError } from './errors.ts';
import { type TModelManifest, ZModelManifest } from './manifest.ts';

export type ExecutionProvider = 'cpu' | 'cuda';

export interface LoadModelOptions {
  /** 'cpu' (default) or 'cuda' (needs onnxruntime-node's CUDA build; see the README). */
  executionProvider?: ExecutionProvider;
  /** Intra-op threads per session. Default 2, this machine's cores. */
  threads?: number;
  /** Check each ONNX file's sha256 against the manifest. Default true: a model is evidence. */
  verify?: boolean;
}

/** A loaded model version: both ONNX sessions and the manifest that says how to feed them. */
export interface Model {
  dir: string;
  manifest: TModelManifest;
  /** manifest.version: the key embeddings and pairs are stored under. */
  version: string;
  /** Encoder input side, S. */
  size: number;
  /** Embedding length, D. */
  dim: number;
  /** Calibrated: a pair is flagged when its score is above this. */
  threshold: number;
  executionProvider: ExecutionProvider;
  encoder: ort.InferenceSession;
  head: ort.InferenceSession;
  release(): Promise<void>;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Reads and validates `<dir>/manifest.json`. */
export async function readManifest(dir: string): Promise<TModelManifest> {
  const file = path.join(dir, 'manifest.json');
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new InferenceError('INVALID_MODEL', `no manifest.json in model folder ${dir}`, {
      cause: error,
    });
  }
  const parsed = ZModelManifest.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new InferenceError(
      'INVALID_MODEL',
      `${file} is not a valid manifest: ${problems.join('; ')}`,
    );
  }
  return parsed.data;
}

function sessionOptions(
  provider: ExecutionProvider,
  threads: number,
): ort.InferenceSession.SessionOptions {
  return {
    // CUDA alone: a GPU worker that cannot start CUDA should say so, not quietly run on the CPU.
    executionProviders: provider === 'cuda' ? ['cuda'] : ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    logSeverityLevel: 3,
  };
}

/** Loads a model folder `models/<name>-<yyyymmdd>-<shortid>/`. */
export async function loadModel(dir: string, options: LoadModelOptions = {}): Promise<Model> {
  const executionProvider = options.executionProvider ?? 'cpu';
  const threads = options.threads ?? 2;
  const manifest = await readManifest(dir);
  const files = { encoder: manifest.files.encoder, head: manifest.files.head };
  const paths = {
    encoder: path.resolve(dir, files.encoder.path),
    head: path.resolve(dir, files.head.path),
  };
  if (options.verify ?? true) {
    for (const key of ['encoder', 'head'] as const) {
      let actual: string;
      try {
        actual = await sha256File(paths[key]);
      } catch (error) {
        throw new InferenceError('INVALID_MODEL', `missing ${key} file ${paths[key]}`, {
          cause: error,
        });
      }
      if (actual !== files[key].sha256) {
        throw new InferenceError(
          'INVALID_MODEL',
          `${paths[key]} does not match its manifest (sha256 ${actual}, expected ${files[key].sha256})`,
        );
      }
    }
  }
  const opts = sessionOptions(executionProvider, threads);
  let encoder: ort.InferenceSession;
  let head: ort.InferenceSession;
  try {
    encoder = await ort.InferenceSession.create(paths.encoder, opts);
    head = await ort.InferenceSession.create(paths.head, opts);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InferenceError(
      'INVALID_MODEL',
      executionProvider === 'cuda'
        ? `cannot start the CUDA execution provider (install onnxruntime-node's CUDA build; see README "GPU workers"): ${reason}`
        : `cannot load the ONNX files of ${dir}: ${reason}`,
      { cause: error },
    );
  }
  for (const [name, session, inputs, output] of [
    ['encoder', encoder, ['image'], 'embedding'],
    ['head', head, ['a', 'b'], 'score'],
  ] as const) {
    const ok =
      inputs.every((i) => session.inputNames.includes(i)) && session.outputNames.includes(output);
    if (!ok) {
      throw new InferenceError(
        'INVALID_MODEL',
        `${name}.onnx has inputs [${session.inputNames}] and outputs [${session.outputNames}], expected [${inputs}] → ${output}`,
      );
    }
  }
  return {
    dir,
    manifest,
    version: manifest.version,
    size: manifest.input.size,
    dim: manifest.embedding_dim,
    threshold: manifest.threshold,
    executionProvider,
    encoder,
    head,
    async release() {
      await encoder.release();
      await head.release();
    },
  };
}
