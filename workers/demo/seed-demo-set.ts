import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isImagePath } from '@twinspect/inference';
import type { Producer } from '@twinspect/jobs';
import type { PrismaClient } from '@twinspect/prisma';
import type { Storage } from '@twinspect/storage';
import { addUpload } from '@twinspect/uploads';

export const DEMO_SAMPLE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sample');
export const DEMO_SET_NAME = 'Demo: figure panels with planted duplicates';

export interface PlantedPair {
  copy: string;
  original: string;
  alteration: string;
}

export function plantedPairs(): PlantedPair[] {
  return JSON.parse(readFileSync(path.join(DEMO_SAMPLE_DIR, 'planted.json'), 'utf8'));
}

/**
 * Seeds the demo image set into an organization: the 28 sample panels (six of them altered
 * copies) uploaded through the same use-case as the API, so the running workers ingest and score
 * them. Idempotent: an organization that already has the set gets nothing new.
 * Returns the set id and whether it was created now.
 */
export async function seedDemoImageSet(
  deps: { prisma: PrismaClient; storage: Storage; producer: Producer },
  options: { orgId: string; uploadedById: string | null; maxBytes?: number },
): Promise<{ setId: string; created: boolean }> {
  const existing = await deps.prisma.imageSet.findFirst({
    where: { orgId: options.orgId, name: DEMO_SET_NAME },
    select: { id: true },
  });
  if (existing) return { setId: existing.id, created: false };
  const set = await deps.prisma.imageSet.create({
    data: {
      orgId: options.orgId,
      name: DEMO_SET_NAME,
      description:
        'A sample of CC0/BSD microscopy images (see workers/demo/sample/ATTRIBUTION.md). Six panels are cropped, rotated, mirrored, re-toned, tilted or re-compressed copies of others.',
      createdById: options.uploadedById,
    },
  });
  const files = readdirSync(DEMO_SAMPLE_DIR).filter(isImagePath).sort();
  for (const file of files) {
    await addUpload(deps, {
      orgId: options.orgId,
      setId: set.id,
      uploadedById: options.uploadedById,
      fileName: file,
      body: readFileSync(path.join(DEMO_SAMPLE_DIR, file)),
      maxBytes: options.maxBytes ?? 50_000_000,
    });
  }
  return { setId: set.id, created: true };
}
