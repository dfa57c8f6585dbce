import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '@twinspect/prisma';
import { isHeldOut } from './holdout.ts';

// Confirmed labels → training data. One organization's READY images become the self-supervised
// part (one folder per image set, so "same source" hard negatives come from the same case), its
// confirmed SAME/DIFFERENT labels the supervised part. A platform-wide run (orgId null) reads
// every organization, and only an explicit platform admin can start one.

const EXTENSIONS: Record<string, string> = {
  png: '.png',
  jpeg: '.jpg',
  jpg: '.jpg',
  tiff: '.tif',
  tif: '.tif',
  webp: '.webp',
  gif: '.gif',
  bmp: '.bmp',
};

/** Puts the original behind `storageKey` at `dest` (a symlink on local disk, a download on S3). */
export type MaterialiseOriginal = (storageKey: string, dest: string) => Promise<void>;

export interface BuildDatasetOptions {
  /** null: every organization (platform-wide run). */
  orgId: string | null;
  /** The run's working folder; the dataset goes to <runDir>/dataset. */
  runDir: string;
  holdoutFraction: number;
  /** Weight of confirmed DIFFERENT pairs the scoring model put above its threshold. */
  hardNegativeWeight: number;
  materialise: MaterialiseOriginal;
}

export interface LabelRow {
  labelId: string;
  a: string;
  b: string;
  label: 'SAME' | 'DIFFERENT';
  weight: number;
}

export interface TDatasetSnapshot {
  scope: 'organization' | 'platform';
  orgId: string | null;
  /** sha256 over the sorted (image id, content hash) and (label id, label, weight, split) lines. */
  sha256: string;
  holdoutFraction: number;
  images: { count: number; ids: string[] };
  labels: { count: number; same: number; different: number; hardNegatives: number; ids: string[] };
  heldOut: { count: number; same: number; different: number; ids: string[] };
  /** Latest confirmed label included, so "new labels since the last run" can be counted. */
  labelsUpTo: string | null;
}

export interface TrainingDataset {
  imagesDir: string;
  /** a,b,label,weight for train.py --pairs (paths relative to imagesDir). */
  labelsCsv: string;
  /** The held-out confirmed labels the gate scores both models on. */
  heldOut: LabelRow[];
  train: LabelRow[];
  snapshot: TDatasetSnapshot;
}

const csvRow = (row: LabelRow, withWeight: boolean) =>
  [row.a, row.b, row.label.toLowerCase(), ...(withWeight ? [String(row.weight)] : [])].join(',');

export async function buildTrainingDataset(
  prisma: PrismaClient,
  options: BuildDatasetOptions,
): Promise<TrainingDataset> {
  const scope = options.orgId ? { orgId: options.orgId } : {};
  const dir = path.join(options.runDir, 'dataset');
  const imagesDir = path.join(dir, 'images');
  await mkdir(imagesDir, { recursive: true });

  const images = await prisma.image.findMany({
    where: { ...scope, status: 'READY', storageKey: { not: null } },
    select: { id: true, setId: true, storageKey: true, format: true, contentHash: true },
    orderBy: { id: 'asc' },
  });
  const fileOf = new Map<string, string>();
  for (const image of images) {
    const rel = `${image.setId}/${image.id}${EXTENSIONS[image.format ?? ''] ?? '.png'}`;
    await mkdir(path.join(imagesDir, image.setId), { recursive: true });
    await options.materialise(image.storageKey as string, path.join(imagesDir, rel));
    fileOf.set(image.id, rel);
  }

  const labels = await prisma.confirmedLabel.findMany({
    where: scope,
    select: {
      id: true,
      imageAId: true,
      imageBId: true,
      label: true,
      createdAt: true,
      pair: { select: { score: true, modelVersion: { select: { threshold: true } } } },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  // One row per unordered image pair: a pair rescored by a newer model may be confirmed again;
  // the latest confirmation wins.
  const byImagePair = new Map<string, (typeof labels)[number]>();
  for (const label of labels) {
    if (!fileOf.has(label.imageAId) || !fileOf.has(label.imageBId)) continue;
    const key = [label.imageAId, label.imageBId].sort().join(':');
    byImagePair.set(key, label);
  }
  const train: LabelRow[] = [];
  const heldOut: LabelRow[] = [];
  for (const label of byImagePair.values()) {
    const hard =
      label.label === 'DIFFERENT' && label.pair.score >= label.pair.modelVersion.threshold;
    const row: LabelRow = {
      labelId: label.id,
      a: fileOf.get(label.imageAId) as string,
      b: fileOf.get(label.imageBId) as string,
      label: label.label,
      weight: hard ? options.hardNegativeWeight : 1,
    };
    (isHeldOut(label.imageAId, label.imageBId, options.holdoutFraction) ? heldOut : train).push(
      row,
    );
  }
  train.sort((x, y) => x.labelId.localeCompare(y.labelId));
  heldOut.sort((x, y) => x.labelId.localeCompare(y.labelId));

  const labelsCsv = path.join(dir, 'labels.csv');
  await writeFile(
    labelsCsv,
    ['a,b,label,weight', ...train.map((r) => csvRow(r, true)), ''].join('\n'),
  );
  await writeFile(
    path.join(dir, 'held-out.csv'),
    ['a,b,label', ...heldOut.map((r) => csvRow(r, false)), ''].join('\n'),
  );

  const hash = createHash('sha256');
  for (const image of images) hash.update(`image ${image.id} ${image.contentHash ?? ''}\n`);
  for (const row of train) hash.update(`label ${row.labelId} ${row.label} ${row.weight} train\n`);
  for (const row of heldOut) hash.update(`label ${row.labelId} ${row.label} held-out\n`);
  const count = (rows: LabelRow[], label: LabelRow['label']) =>
    rows.filter((r) => r.label === label).length;
  const snapshot: TDatasetSnapshot = {
    scope: options.orgId ? 'organization' : 'platform',
    orgId: options.orgId,
    sha256: hash.digest('hex'),
    holdoutFraction: options.holdoutFraction,
    images: { count: images.length, ids: images.map((i) => i.id) },
    labels: {
      count: train.length,
      same: count(train, 'SAME'),
      different: count(train, 'DIFFERENT'),
      hardNegatives: train.filter((r) => r.weight > 1).length,
      ids: train.map((r) => r.labelId),
    },
    heldOut: {
      count: heldOut.length,
      same: count(heldOut, 'SAME'),
      different: count(heldOut, 'DIFFERENT'),
      ids: heldOut.map((r) => r.labelId),
    },
    labelsUpTo: labels.at(-1)?.createdAt.toISOString() ?? null,
  };
  await writeFile(path.join(dir, 'snapshot.json'), JSON.stringify(snapshot, null, 2));
  return { imagesDir, labelsCsv, heldOut, train, snapshot };
}

/** A resumed run trains on exactly the snapshot it started with; a new one builds it afresh. */
export async function loadOrBuildDataset(
  prisma: PrismaClient,
  options: BuildDatasetOptions,
  resuming: boolean,
): Promise<TrainingDataset> {
  const dir = path.join(options.runDir, 'dataset');
  if (resuming && existsSync(path.join(dir, 'snapshot.json'))) {
    const snapshot = JSON.parse(await readFile(path.join(dir, 'snapshot.json'), 'utf8'));
    const rows = (file: string) =>
      readFile(path.join(dir, file), 'utf8').then((text) =>
        text
          .split('\n')
          .slice(1)
          .filter(Boolean)
          .map((line) => {
            const [a, b, label, weight] = line.split(',');
            return {
              labelId: '',
              a: a ?? '',
              b: b ?? '',
              label: label === 'same' ? 'SAME' : 'DIFFERENT',
              weight: Number(weight ?? 1),
            } as const;
          }),
      );
    return {
      imagesDir: path.join(dir, 'images'),
      labelsCsv: path.join(dir, 'labels.csv'),
      train: await rows('labels.csv'),
      heldOut: await rows('held-out.csv'),
      snapshot,
    };
  }
  await rm(dir, { recursive: true, force: true });
  return buildTrainingDataset(prisma, options);
}
