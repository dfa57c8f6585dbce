import { Piscina } from 'piscina';
import type { DecodeOptions, ImageInput } from './decode-image.ts';
import { InferenceError, type InferenceErrorCode } from './errors.ts';
import type { Geometry, ImageKeypoints, TVerification } from './verify.ts';

/**
 * Geometric verification on worker threads. opencv.js is single-threaded WASM, so keypoint
 * extraction and matching (about 0.2 s and 0.05 s per call) run on a pool of threads, each with
 * its own OpenCV, to use every core. Same functions, same results as calling verify.ts directly.
 */
export interface VerifyPool {
  /** As `extractKeypoints`; throws InferenceError for an image that cannot be used. */
  extract(
    input: ImageInput,
    params: TVerification,
    options?: DecodeOptions,
  ): Promise<ImageKeypoints>;
  /** As `verifyPair`. */
  match(a: ImageKeypoints, b: ImageKeypoints, params: TVerification): Promise<Geometry>;
  close(): Promise<void>;
}

type Extracted =
  | { keypoints: ImageKeypoints }
  | { error: { code: InferenceErrorCode; message: string } };

export function createVerifyPool(threads: number): VerifyPool {
  const pool = new Piscina({
    filename: new URL('./verify-thread.mjs', import.meta.url).href,
    // Threads (each compiles its OpenCV, about a second) start on first use and stop when idle.
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  return {
    async extract(input, params, options = {}) {
      const result = (await pool.run({ input, params, options }, { name: 'extract' })) as Extracted;
      if ('error' in result) throw new InferenceError(result.error.code, result.error.message);
      return result.keypoints;
    },
    match: (a, b, params) => pool.run({ a, b, params }, { name: 'match' }) as Promise<Geometry>,
    close: () => pool.destroy(),
  };
}
