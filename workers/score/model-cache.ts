import { loadModel, type Model } from '@twinspect/inference';
import type { WorkerSettings } from '../shared/deps.ts';

/**
 * One loaded model per version per process: loading verifies 45+ MB of ONNX and builds two
 * sessions, which a worker should do once, not per job.
 */
export class ModelCache {
  private readonly models = new Map<string, Promise<Model>>();

  constructor(private readonly settings: WorkerSettings) {}

  get(version: { id: string; artifactDir: string }): Promise<Model> {
    let model = this.models.get(version.id);
    if (!model) {
      model = loadModel(this.settings.resolveModelDir(version.artifactDir), {
        executionProvider: this.settings.executionProvider,
        threads: this.settings.ortThreads,
      });
      // A failed load must not be cached: the next job tries again.
      model.catch(() => this.models.delete(version.id));
      this.models.set(version.id, model);
    }
    return model;
  }

  async close(): Promise<void> {
    const loaded = await Promise.allSettled(this.models.values());
    this.models.clear();
    for (const m of loaded) if (m.status === 'fulfilled') await m.value.release();
  }
}
