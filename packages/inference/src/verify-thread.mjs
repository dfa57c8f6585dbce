// A worker thread of verify-pool.ts. Threads do not inherit the parent's TypeScript loader, so
// this plain module registers tsx, then serves verify.ts. An image that cannot be used comes back
// as a value (its InferenceError code and message): errors lose their class between threads.
import { register } from 'tsx/esm/api';

register();
const { extractKeypoints, verifyPair } = await import('./verify.ts');
const { InferenceError } = await import('./errors.ts');

export async function extract({ input, params, options }) {
  try {
    return { keypoints: await extractKeypoints(input, params, options) };
  } catch (error) {
    if (error instanceof InferenceError)
      return { error: { code: error.code, message: error.message } };
    throw error;
  }
}

export function match({ a, b, params }) {
  return verifyPair(a, b, params);
}
