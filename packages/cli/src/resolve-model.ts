import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDefaultModelDir, loadModel, type Model } from '@twinspect/inference';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ModelArgs {
  /** A model folder; default: the single folder under the repository's models/. */
  model?: string;
  threads?: number;
  executionProvider?: 'cpu' | 'cuda';
}

export async function openModel(args: ModelArgs): Promise<Model> {
  const dir = args.model
    ? path.resolve(args.model)
    : findDefaultModelDir(path.join(repoRoot, 'models'));
  return loadModel(dir, {
    ...(args.threads ? { threads: args.threads } : {}),
    ...(args.executionProvider ? { executionProvider: args.executionProvider } : {}),
  });
}
