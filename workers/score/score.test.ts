import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  combinedScore,
  embedImages,
  extractKeypoints,
  flagThresholdAt,
  type ImageKeypoints,
  loadModel,
  type Model,
  scoreWithinSet,
  verifyPair,
} from '@twinspect/inference';
import { LocalStorage } from '@twinspect/storage';
import { addUpload } from '@twinspect/uploads';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bioDevImages,
  createTestPipeline,
  settled,
  type TestPipeline,
  testModelDir,
} from '../test/pipeline.ts';

let pipeline: TestPipeline;
let storage: LocalStorage;
let model: Model;
const TOP_K = 2;

beforeAll(async () => {
  pipeline = await createTestPipeline();
  storage = new LocalStorage(pipeline.storageRoot);
  model = await loadModel(testModelDir());
});
afterAll(async () => {
  await model?.release();
  await pipeline?.close();
});

async function uploadAll(setId: string, files: { name: string; bytes: Buffer }[]) {
  for (const f of files) {
    await addUpload(
      { prisma: pipeline.prisma, storage, producer: pipeline.producer },
      {
        orgId: pipeline.orgId,
        setId,
        uploadedById: pipeline.userId,
        fileName: f.name,
        body: f.bytes,
        maxBytes: 50_000_000,
      },
    );
  }
}

describe('[SCORE] a set from upload to flagged pairs', () => {
  let setA: string;
  let setB: string;
  let first: Awaited<ReturnType<TestPipeline['start']>>;
  let filesA: { name: string; bytes: Buffer }[];

  it('embeds every image, scores every pair within the set, stores floor + top-k pairs, flags above threshold', async () => {
    // The model stage alone here; geometric verification has its own test below.
    first = await pipeline.start({ topK: TOP_K, embedBatchSize: 4, verifyTopK: 0 });
    setA = await pipeline.newSet('A');
    const sources = bioDevImages('dsb2018', 9, 30);
    filesA = sources.map((f) => ({ name: path.basename(f), bytes: readFileSync(f) }));
    // A planted altered duplicate: the first image, flipped.
    filesA.push({
      name: 'flipped.png',
      bytes: await sharp(filesA[0]?.bytes).flop().png().toBuffer(),
    });
    await uploadAll(setA, filesA);
    const set = await pipeline.waitForSet(setA, settled);
    expect(set).toMatchObject({
      status: 'READY',
      imagesTotal: 10,
      imagesIngested: 10,
      imagesEmbedded: 10,
      pairsTotal: 45,
      pairsScored: 45,
    });

    // The same answer computed directly with the inference library.
    const images = await pipeline.prisma.image.findMany({
      where: { setId: setA },
      orderBy: { id: 'asc' },
    });
    const embedded = await embedImages(
      model,
      images.map((i) => filesA.find((f) => f.name === i.originalName)?.bytes as Buffer),
    );
    const expected = await scoreWithinSet(model, embedded.embeddings, {
      floor: model.threshold,
      topK: TOP_K,
    });
    const pairs = await pipeline.prisma.pair.findMany({ where: { setId: setA } });
    expect(pairs.length).toBe(expected.pairs.length);
    const stored = new Map(pairs.map((p) => [`${p.imageAId}/${p.imageBId}`, p]));
    for (const p of expected.pairs) {
      const a = images[p.a]?.id as string;
      const b = images[p.b]?.id as string;
      const row = stored.get(a < b ? `${a}/${b}` : `${b}/${a}`);
      expect(row, `pair ${p.a}-${p.b}`).toBeDefined();
      expect(row?.score).toBeCloseTo(p.score, 5);
      expect(row?.flagged).toBe(p.score > model.threshold);
      expect(row?.scope).toBe('WITHIN_SET');
      expect(row?.modelVersionId).toBe(pipeline.modelVersionId);
    }
    expect(set.pairsFlagged).toBe(pairs.filter((p) => p.flagged).length);
    expect(await pipeline.prisma.embedding.count({ where: { image: { setId: setA } } })).toBe(10);
  });

  it('scores a new set against the archive of earlier sets (exact), without duplicating pairs', async () => {
    setB = await pipeline.newSet('B');
    const extra = bioDevImages('dsb2018', 2, 60).map((f) => ({
      name: path.basename(f),
      bytes: readFileSync(f),
    }));
    // Reused from set A, byte for byte: flagged at ingest as a duplicate of the archive image.
    await uploadAll(setB, [...extra, { name: 'reused.png', bytes: filesA[3]?.bytes as Buffer }]);
    const set = await pipeline.waitForSet(setB, settled);
    expect(set).toMatchObject({ status: 'READY', pairsTotal: 3 + 3 * 10 });
    const reused = await pipeline.prisma.image.findFirstOrThrow({
      where: { setId: setB, originalName: 'reused.png' },
    });
    const original = await pipeline.prisma.image.findFirstOrThrow({
      where: { setId: setA, originalName: filesA[3]?.name as string },
    });
    expect(reused.duplicateOfId).toBe(original.id);
    const archivePairs = await pipeline.prisma.pair.findMany({
      where: { setId: setB, scope: 'ARCHIVE' },
    });
    // Each of the 3 new images keeps its top-k archive partners (plus any above the floor).
    expect(archivePairs.length).toBeGreaterThanOrEqual(3 * TOP_K);
    const identical = archivePairs.find(
      (p) => [p.imageAId, p.imageBId].sort().join() === [reused.id, original.id].sort().join(),
    );
    expect(identical, 'the identical archive pair is among the kept pairs').toBeDefined();
    for (const p of archivePairs) expect(p.imageAId < p.imageBId).toBe(true);
  });

  it('re-scoring a set (a retried job) adds no rows and keeps counters', async () => {
    const before = await pipeline.prisma.pair.count();
    const embeddingsBefore = await pipeline.prisma.embedding.count();
    const job = await pipeline.queue('score').getJob(
      await pipeline.producer.enqueueScore({
        orgId: pipeline.orgId,
        setId: setB,
        generation: 999,
      }),
    );
    for (let i = 0; i < 600 && (await job?.getState()) !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await job?.getState()).toBe('completed');
    const set = await pipeline.waitForSet(setB, settled);
    expect(await pipeline.prisma.pair.count()).toBe(before);
    expect(await pipeline.prisma.embedding.count()).toBe(embeddingsBefore);
    expect(set.imagesEmbedded).toBe(3);
  });

  it('uses ANN candidates when the archive is too large for exact scoring, with the same best pairs', async () => {
    await first.close();
    const running = await pipeline.start(
      { topK: TOP_K, archiveExactMaxPairs: 0, archiveCandidates: 5, verifyTopK: 0 },
      ['ingest', 'score'],
    );
    const setC = await pipeline.newSet('C');
    await uploadAll(setC, [{ name: 'again.png', bytes: filesA[5]?.bytes as Buffer }]);
    const set = await pipeline.waitForSet(setC, settled);
    expect(set.status).toBe('READY');
    const result = (await pipeline.queue('score').getJobs(['completed'])).find(
      (j) => j.data.setId === setC,
    );
    expect(result?.returnvalue.archive).toEqual({ images: 13, method: 'ann' });
    const again = await pipeline.prisma.image.findFirstOrThrow({ where: { setId: setC } });
    const original = await pipeline.prisma.image.findFirstOrThrow({
      where: { setId: setA, originalName: filesA[5]?.name as string },
    });
    const pairs = await pipeline.prisma.pair.findMany({ where: { setId: setC } });
    expect(pairs.some((p) => [p.imageAId, p.imageBId].includes(original.id))).toBe(true);
    expect(pairs.every((p) => [p.imageAId, p.imageBId].includes(again.id))).toBe(true);
    await running.close();
  });

  it('verifies the best pairs of each image geometrically: combined score, inliers, flagged by the verified threshold', async () => {
    const verification = model.manifest.verification;
    const combine = verification?.combine;
    const threshold = verification?.flagThreshold ?? verification?.threshold;
    if (!combine || threshold === undefined)
      throw new Error('the shipped model calibrates verification');
    const running = await pipeline.start({ topK: TOP_K, verifyTopK: 2 }, ['ingest', 'score']);
    const setD = await pipeline.newSet('D');
    // Five micrographs of one experiment, and a textured panel (a near-empty field of a few
    // nuclei has too few keypoints for verification to add anything: see README).
    const files = [
      ...bioDevImages('dsb2018', 4, 90).map((f) => ({
        name: path.basename(f),
        bytes: readFileSync(f),
      })),
      {
        name: 'panel.png',
        bytes: readFileSync(new URL('../demo/sample/panel-28.png', import.meta.url)),
      },
    ];
    const source = files[4]?.bytes as Buffer;
    const { width = 0, height = 0 } = await sharp(source).metadata();
    // A planted copy: cropped to about half the area, turned a quarter, mirrored, re-toned.
    const copy = await sharp(source)
      .extract({
        left: 0,
        top: 0,
        width: Math.round(width * 0.7),
        height: Math.round(height * 0.7),
      })
      .rotate(90)
      .flop()
      .linear(1.15, 5)
      .png()
      .toBuffer();
    await uploadAll(setD, [...files, { name: 'copy.png', bytes: copy }]);
    const set = await pipeline.waitForSet(setD, settled);
    expect(set).toMatchObject({ status: 'READY', error: null });
    // Verification ran after READY, as its own job, and reports its progress on the set.
    expect(set.pairsToVerify).toBeGreaterThanOrEqual(7);
    expect(set.pairsVerified).toBe(set.pairsToVerify);

    const images = await pipeline.prisma.image.findMany({ where: { setId: setD } });
    const id = (name: string) => images.find((i) => i.originalName === name)?.id as string;
    const pairs = await pipeline.prisma.pair.findMany({ where: { setId: setD } });
    // Every stored pair is checked once (verified, or screened), the total known at READY.
    expect(set.pairsToVerify).toBe(pairs.length);
    // Archive pairs reach images of the earlier sets too.
    const originals = await pipeline.prisma.image.findMany({
      where: { id: { in: pairs.flatMap((p) => [p.imageAId, p.imageBId]) } },
    });
    const storageKey = (imageId: string) =>
      originals.find((i) => i.id === imageId)?.storageKey as string;
    const planted = pairs.find(
      (p) =>
        [p.imageAId, p.imageBId].sort().join() === [id('panel.png'), id('copy.png')].sort().join(),
    );
    expect(planted?.inliers, 'the planted copy is verified').toBeGreaterThan(20);
    expect(planted?.flagged).toBe(true);
    const verified = pairs.filter((p) => p.inliers !== null);
    expect(verified.length).toBeGreaterThanOrEqual(images.length);
    for (const p of pairs) {
      expect(p.modelScore).not.toBeNull();
      if (p.inliers === null) {
        // Not among either image's 2 best: the model's score, not in the triage queue.
        expect(p.score).toBe(p.modelScore);
        expect(p.flagged).toBe(false);
      } else {
        // The combined score, recomputed from both originals as the verify job computes it.
        const [a, b] = await Promise.all(
          [p.imageAId, p.imageBId].map(async (imageId) =>
            extractKeypoints(await storage.get(storageKey(imageId)), verification),
          ),
        );
        const geometry = await verifyPair(a as ImageKeypoints, b as ImageKeypoints, verification);
        expect(geometry.inliers).toBe(p.inliers);
        expect(p.score).toBeCloseTo(combinedScore(p.modelScore as number, geometry, combine), 10);
        expect(p.flagged).toBe(p.score > threshold);
      }
    }
    // Unrelated micrographs of one experiment: verification keeps them out of the queue.
    const unrelated = verified.filter((p) => p !== planted && p.scope === 'WITHIN_SET');
    expect(unrelated.every((p) => !p.flagged)).toBe(true);
    expect(set.pairsFlagged).toBe(pairs.filter((p) => p.flagged).length);

    // Verifying again (a retried or duplicated job) skips what is done and changes nothing.
    const verifyAgain = async (generation: number) => {
      const job = await pipeline.queue('verify').getJob(
        await pipeline.producer.enqueueVerify({
          orgId: pipeline.orgId,
          setId: setD,
          modelVersionId: pipeline.modelVersionId,
          generation,
        }),
      );
      for (let i = 0; i < 600 && (await job?.getState()) !== 'completed'; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await job?.getState()).toBe('completed');
    };
    await verifyAgain(999);
    const again = await pipeline.prisma.pair.findMany({ where: { setId: setD } });
    const row = (p: (typeof pairs)[number]) => [p.id, p.score, p.inliers, p.flagged].join();
    expect(again.map(row).sort()).toEqual(pairs.map(row).sort());

    // The team changes its flag prevalence (here straight in the database, as if while the job
    // ran): the next verify job flags at the team's threshold, and recounts the set. The share is
    // chosen so that the team's threshold lies halfway between the planted copy's score and 1.
    // Bayes' shift is its own inverse (logit(share) = logit(T) + logit(P) - logit(threshold)),
    // so the share for a threshold is flagThresholdAt of that threshold.
    const target = 1 - (1 - (planted?.score ?? 0)) / 2;
    const strictShare = flagThresholdAt(verification, target) ?? Number.NaN;
    await pipeline.prisma.organization.update({
      where: { id: pipeline.orgId },
      data: { flagPrevalence: strictShare },
    });
    try {
      const strict = flagThresholdAt(verification, strictShare) ?? Number.NaN;
      expect(strict).toBeCloseTo(target, 10);
      expect(strict).toBeGreaterThan(planted?.score ?? 1);
      await verifyAgain(1000);
      const reflagged = await pipeline.prisma.pair.findMany({ where: { setId: setD } });
      for (const p of reflagged) expect(p.flagged).toBe(p.inliers !== null && p.score > strict);
      expect(reflagged.find((p) => p.id === planted?.id)?.flagged).toBe(false);
      const recounted = await pipeline.prisma.imageSet.findUniqueOrThrow({ where: { id: setD } });
      expect(recounted.pairsFlagged).toBe(reflagged.filter((p) => p.flagged).length);
    } finally {
      await pipeline.prisma.organization.update({
        where: { id: pipeline.orgId },
        data: { flagPrevalence: null },
      });
    }
    await running.close();
  });
});
