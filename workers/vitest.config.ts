import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real PostgreSQL, Redis, sharp and onnxruntime; child worker processes in the crash test.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // The machine has 2 cores and onnxruntime uses both: one file at a time.
    fileParallelism: false,
  },
});
