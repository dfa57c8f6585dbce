import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@twinspect/config';
import type { ModelVersion, PrismaClient } from '@twinspect/prisma';
import { seedOrganization } from '@twinspect/prisma/seed';
import { LocalStorage } from '@twinspect/storage';
import { createTestPrisma } from '@twinspect/testing';
import { sampleImageFiles, seedTrainingData } from '../train/seed-training-data.ts';

/**
 * An organization ready to retrain, on a database and temporary folder of its own: one ADMIN, 8
 * bio-dev images in storage, 8 SAME and 12 DIFFERENT confirmed labels on pairs scored by `scorer`
 * (a version that cannot be loaded: ACTIVE when `scorerActive`, else RETIRED).
 */
export interface TrainingFixture {
  prisma: PrismaClient;
  tmp: string;
  storage: LocalStorage;
  orgId: string;
  scorer: ModelVersion;
  close(): Promise<void>;
}

export async function createTrainingFixture(options: {
  slug: string;
  scorerActive: boolean;
}): Promise<TrainingFixture> {
  const { prisma, close } = await createTestPrisma();
  const tmp = await mkdtemp(path.join(os.tmpdir(), `twinspect-${options.slug}-`));
  const storage = new LocalStorage(path.join(tmp, 'storage'));
  const seeded = await seedOrganization(prisma, {
    name: options.slug,
    slug: options.slug,
    password: 'irrelevant-password',
    members: [{ email: `admin@${options.slug}.test`, name: 'Admin', role: 'ADMIN' }],
  });
  const orgId = seeded.org.id;
  const scorer = await prisma.modelVersion.create({
    data: {
      orgId,
      name: options.scorerActive ? 'active' : 'scorer',
      artifactDir: 'nowhere',
      manifest: {},
      threshold: 0.5,
      ...(options.scorerActive ? { status: 'ACTIVE', active: true } : { status: 'RETIRED' }),
    },
  });
  await seedTrainingData(prisma, storage, {
    orgId,
    files: await sampleImageFiles(repoRoot, 8),
    modelVersionId: scorer.id,
    same: 8,
    different: 12,
  });
  return {
    prisma,
    tmp,
    storage,
    orgId,
    scorer,
    close: async () => {
      await close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
