import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestPrisma } from '@twinspect/testing';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../start-workers.ts';
import { testModelDir } from '../test/pipeline.ts';
import { registerModelVersion } from './register-model-version.ts';

describe('registering the shipped model', () => {
  it('creates the platform version once, active, and refreshes it from a recalibrated manifest', async () => {
    const { prisma, close } = await createTestPrisma();
    // Registration reads only manifest.json: a folder holding an edited copy stands in for a
    // recalibrated model (same version name, new thresholds and metrics).
    const shipped = JSON.parse(readFileSync(path.join(testModelDir(), 'manifest.json'), 'utf8'));
    const dir = mkdtempSync(path.join(tmpdir(), 'twinspect-register-'));
    try {
      const write = (changes: object) =>
        writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...shipped, ...changes }));

      write({ threshold: 0.6 });
      const first = await registerModelVersion(prisma, { modelDir: dir, repoRoot });
      expect(first).toMatchObject({
        orgId: null,
        name: shipped.version,
        active: true,
        threshold: 0.6,
      });

      write({ threshold: 0.7, metrics: { ...shipped.metrics, recalibrated: true } });
      const again = await registerModelVersion(prisma, { modelDir: dir, repoRoot });
      expect(again).toMatchObject({ id: first.id, active: true, threshold: 0.7 });
      expect(again.manifest).toMatchObject({ threshold: 0.7, metrics: { recalibrated: true } });
      expect(again.metrics).toMatchObject({ recalibrated: true });
      expect(await prisma.modelVersion.count()).toBe(1);
    } finally {
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
