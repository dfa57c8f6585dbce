import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Real ONNX sessions and a Python subprocess: seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One file at a time: the machine has 2 cores and ORT already uses both.
    fileParallelism: false,
  },
});
