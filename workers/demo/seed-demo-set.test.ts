import { readdirSync } from 'node:fs';
import { LocalStorage } from '@twinspect/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPipeline, settled, type TestPipeline } from '../test/pipeline.ts';
import { DEMO_SAMPLE_DIR, plantedPairs, seedDemoImageSet } from './seed-demo-set.ts';

let pipeline: TestPipeline;

beforeAll(async () => {
  pipeline = await createTestPipeline();
});
afterAll(async () => {
  await pipeline?.close();
});

describe('[DEMO] the seeded demo set', () => {
  it('ships only attributed images, with its planted copies', () => {
    const files = readdirSync(DEMO_SAMPLE_DIR);
    const images = files.filter((f) => /\.(png|jpg)$/.test(f));
    expect(images).toHaveLength(28);
    expect(files).toContain('ATTRIBUTION.md');
    const planted = plantedPairs();
    expect(planted).toHaveLength(6);
    for (const p of planted) expect(images).toEqual(expect.arrayContaining([p.copy, p.original]));
  });

  it('is uploaded once and scored by the workers into flagged pairs', async () => {
    await pipeline.start();
    const deps = {
      prisma: pipeline.prisma,
      storage: new LocalStorage(pipeline.storageRoot),
      producer: pipeline.producer,
    };
    const first = await seedDemoImageSet(deps, {
      orgId: pipeline.orgId,
      uploadedById: pipeline.userId,
    });
    const again = await seedDemoImageSet(deps, {
      orgId: pipeline.orgId,
      uploadedById: pipeline.userId,
    });
    expect(first.created).toBe(true);
    expect(again).toEqual({ setId: first.setId, created: false });
    const set = await pipeline.waitForSet(first.setId, settled, 120_000);
    expect(set).toMatchObject({
      status: 'READY',
      imagesTotal: 28,
      imagesIngested: 28,
      imagesEmbedded: 28,
      pairsScored: 378,
    });
    expect(await pipeline.prisma.pair.count({ where: { setId: first.setId } })).toBeGreaterThan(0);
    // The planted copies: flagged once geometric verification has checked the best pairs.
    expect(set.pairsVerified).toBe(set.pairsToVerify);
    expect(set.pairsFlagged).toBeGreaterThan(0);
    expect(set.pairsFlagged).toBe(
      await pipeline.prisma.pair.count({ where: { setId: first.setId, flagged: true } }),
    );
  });
});
