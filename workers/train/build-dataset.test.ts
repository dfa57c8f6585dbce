import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@twinspect/config';
import type { PrismaClient } from '@twinspect/prisma';
import { seedOrganization } from '@twinspect/prisma/seed';
import { LocalStorage } from '@twinspect/storage';
import { createTestPrisma } from '@twinspect/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrainingDataset } from './build-dataset.ts';
import { materialiserFor } from './materialise-original.ts';
import { sampleImageFiles, seedTrainingData } from './seed-training-data.ts';

let prisma: PrismaClient;
let close: () => Promise<void>;
let tmp: string;
let storage: LocalStorage;
const orgs: string[] = [];

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  tmp = await mkdtemp(path.join(os.tmpdir(), 'twinspect-dataset-'));
  storage = new LocalStorage(path.join(tmp, 'storage'));
  const files = await sampleImageFiles(repoRoot, 6);
  for (const [i, slug] of ['lab-a', 'lab-b'].entries()) {
    const { org } = await seedOrganization(prisma, {
      name: slug,
      slug,
      password: 'irrelevant',
      members: [],
    });
    orgs.push(org.id);
    const scorer = await prisma.modelVersion.create({
      data: {
        orgId: org.id,
        name: 'scorer',
        artifactDir: 'x',
        manifest: {},
        threshold: 0.5,
        status: 'RETIRED',
      },
    });
    await seedTrainingData(prisma, storage, {
      orgId: org.id,
      files: files.slice(i * 3, i * 3 + 3),
      modelVersionId: scorer.id,
      same: 3,
      different: 3,
    });
  }
}, 60_000);

afterAll(async () => {
  await close?.();
  await rm(tmp, { recursive: true, force: true });
});

const build = (orgId: string | null, name: string) =>
  buildTrainingDataset(prisma, {
    orgId,
    runDir: path.join(tmp, name),
    holdoutFraction: 0.3,
    hardNegativeWeight: 4,
    materialise: materialiserFor(storage),
  });

describe('buildTrainingDataset', () => {
  it("uses one organization's images and labels only, never another's", async () => {
    const dataset = await build(orgs[0] as string, 'a');
    const own = await prisma.image.findMany({ where: { orgId: orgs[0] }, select: { id: true } });
    expect(dataset.snapshot).toMatchObject({ scope: 'organization', orgId: orgs[0] });
    expect(dataset.snapshot.images.ids.sort()).toEqual(own.map((i) => i.id).sort());
    const labelIds = [...dataset.snapshot.labels.ids, ...dataset.snapshot.heldOut.ids];
    const foreign = await prisma.confirmedLabel.count({
      where: { id: { in: labelIds }, orgId: { not: orgs[0] } },
    });
    expect(foreign).toBe(0);
    expect(labelIds).toHaveLength(6);
    // One folder per image set, files train.py can read.
    const sets = await readdir(dataset.imagesDir);
    expect(sets).toHaveLength(1);
    expect(await readdir(path.join(dataset.imagesDir, sets[0] as string))).toHaveLength(6);
  });

  it('weights hard negatives, keeps held-out labels out of the CSV, and hashes the snapshot stably', async () => {
    const first = await build(orgs[1] as string, 'b1');
    const again = await build(orgs[1] as string, 'b2');
    expect(again.snapshot.sha256).toBe(first.snapshot.sha256);
    const csv = (await readFile(first.labelsCsv, 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('a,b,label,weight');
    expect(csv).toHaveLength(first.train.length + 1);
    const heldOutPairs = new Set(first.heldOut.map((r) => `${r.a},${r.b}`));
    for (const line of csv.slice(1))
      expect(heldOutPairs.has(line.split(',').slice(0, 2).join(','))).toBe(false);
    const weights = [...first.train, ...first.heldOut]
      .filter((r) => r.label === 'DIFFERENT')
      .map((r) => r.weight);
    expect(weights).toContain(4);
  });

  it('reads every organization for a platform-wide run', async () => {
    const dataset = await build(null, 'platform');
    expect(dataset.snapshot.scope).toBe('platform');
    expect(dataset.snapshot.images.count).toBe(12);
    expect(dataset.snapshot.labels.count + dataset.snapshot.heldOut.count).toBe(12);
  });
});
