import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '@twinspect/prisma';
import { type Storage, storageKeys } from '@twinspect/storage';
import sharp from 'sharp';

// Seed: an organization with reviewed data to retrain from, without running ingest and scoring.
// Used by the retraining tests (worker and API) and the retraining e2e spec.
//
// Each source image is stored as an ingested original, together with an altered copy (cropped,
// flipped or turned, as a figure would be doctored); an image and its copy make a confirmed SAME
// pair, two different images a confirmed DIFFERENT one. Some DIFFERENT pairs carry a high score
// from the scoring model, so they become hard negatives.

export interface SeedTrainingDataInput {
  orgId: string;
  /** Source image files; each also gets an altered copy. */
  files: string[];
  /** The version the seeded pairs were "scored" by (pairs need one). */
  modelVersionId: string;
  /** Annotators who agreed on each label (for agreement statistics); may be empty. */
  annotatorIds?: string[];
  /** How many confirmed labels of each kind (capped by what the images allow). */
  same: number;
  different: number;
  name?: string;
}

async function alteredCopy(bytes: Buffer, k: number): Promise<Buffer> {
  const image = sharp(bytes);
  const meta = await image.metadata();
  const width = meta.width ?? 64;
  const height = meta.height ?? 64;
  const crop = {
    left: Math.floor(width * 0.1),
    top: Math.floor(height * 0.1),
    width: Math.max(8, Math.floor(width * 0.8)),
    height: Math.max(8, Math.floor(height * 0.8)),
  };
  const altered = sharp(bytes).extract(crop);
  if (k % 3 === 0) altered.flop();
  if (k % 3 === 1) altered.rotate(90);
  if (k % 3 === 2) altered.modulate({ brightness: 1.15 });
  return altered.png().toBuffer();
}

export async function seedTrainingData(
  prisma: PrismaClient,
  storage: Storage,
  input: SeedTrainingDataInput,
) {
  const { orgId } = input;
  const set = await prisma.imageSet.create({
    data: { orgId, name: input.name ?? 'Reviewed case', status: 'READY' },
  });
  const originals: string[] = [];
  const copies: string[] = [];
  const store = async (bytes: Buffer, originalName: string) => {
    const meta = await sharp(bytes).metadata();
    const image = await prisma.image.create({
      data: { orgId, setId: set.id, originalName, status: 'PENDING' },
    });
    const key = storageKeys.original(orgId, image.id);
    await storage.put(key, bytes);
    await prisma.image.update({
      where: { id: image.id },
      data: {
        status: 'READY',
        storageKey: key,
        contentHash: createHash('sha256').update(bytes).digest('hex'),
        byteSize: bytes.length,
        width: meta.width ?? null,
        height: meta.height ?? null,
        format: meta.format ?? 'png',
        channels: meta.channels ?? null,
        ingestedAt: new Date(),
      },
    });
    return image.id;
  };
  for (const [k, file] of input.files.entries()) {
    const bytes = await readFile(file);
    originals.push(await store(bytes, path.basename(file)));
    copies.push(await store(await alteredCopy(bytes, k), `copy-of-${path.basename(file)}`));
  }
  const threshold = (
    await prisma.modelVersion.findUniqueOrThrow({ where: { id: input.modelVersionId } })
  ).threshold;
  const pairs: { a: string; b: string; label: 'SAME' | 'DIFFERENT'; score: number }[] = [];
  const n = originals.length;
  for (let i = 0; i < Math.min(input.same, n); i++) {
    pairs.push({ a: originals[i] as string, b: copies[i] as string, label: 'SAME', score: 0.9 });
  }
  for (let i = 0; i < Math.min(input.different, n * (n - 1)); i++) {
    const a = originals[i % n] as string;
    const b = (i % 2 === 0 ? copies : originals)[(i + 1 + Math.floor(i / n)) % n] as string;
    if (a === b) continue;
    // Every third DIFFERENT pair fooled the scoring model: a hard negative.
    pairs.push({
      a,
      b,
      label: 'DIFFERENT',
      score: i % 3 === 0 ? Math.min(0.99, threshold + 0.2) : 0.1,
    });
  }
  const labels = [];
  for (const pair of pairs) {
    const [imageAId, imageBId] = [pair.a, pair.b].sort() as [string, string];
    const status = pair.label === 'SAME' ? 'CONFIRMED_SAME' : 'CONFIRMED_DIFFERENT';
    const row = await prisma.pair.upsert({
      where: {
        imageAId_imageBId_modelVersionId: {
          imageAId,
          imageBId,
          modelVersionId: input.modelVersionId,
        },
      },
      update: {},
      create: {
        orgId,
        setId: set.id,
        imageAId,
        imageBId,
        modelVersionId: input.modelVersionId,
        score: pair.score,
        scope: 'WITHIN_SET',
        flagged: pair.score > threshold,
        status,
        annotationCount: input.annotatorIds?.length ?? 0,
      },
    });
    for (const annotatorId of input.annotatorIds ?? []) {
      await prisma.annotation.upsert({
        where: { pairId_annotatorId: { pairId: row.id, annotatorId } },
        update: {},
        create: { orgId, pairId: row.id, annotatorId, label: pair.label },
      });
    }
    labels.push(
      await prisma.confirmedLabel.upsert({
        where: { pairId: row.id },
        update: {},
        create: { orgId, pairId: row.id, imageAId, imageBId, label: pair.label, source: 'AGREED' },
      }),
    );
  }
  return { set, images: [...originals, ...copies], labels };
}

/** A few dozen real microscopy images for tests: bio-dev when it is there, else the demo sample. */
export async function sampleImageFiles(repoRoot: string, count: number): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const candidates = [
    path.join(repoRoot, '..', 'shared', 'datasets', 'bio-dev', 'images', 'dsb2018'),
    path.join(repoRoot, 'packages', 'demo-data', 'images'),
  ];
  for (const dir of candidates) {
    const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
    const files = names.filter((name) => /\.(png|jpe?g|tiff?)$/i.test(name)).sort();
    if (files.length >= count) return files.slice(0, count).map((name) => path.join(dir, name));
  }
  throw new Error(
    `no folder with ${count} sample images (../shared/datasets/bio-dev or packages/demo-data)`,
  );
}
