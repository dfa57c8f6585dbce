import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  calibratedVerification,
  embedImages,
  extractKeypoints,
  loadModel,
  scoreWithinSet,
  verifyCandidate,
} from '@twinspect/inference';
import { LocalStorage } from '@twinspect/storage';
import { addUpload } from '@twinspect/uploads';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bioDevImages,
  createTestPipeline,
  settled,
  type TestPipeline,
  testModelDir,
} from './pipeline.ts';

// A score worker SIGKILLed mid-batch and restarted must finish the set with no duplicate and no
// missing pair. Two crashes: one while embeddings are being written, one while pairs are. Then
// the same for geometric verification, which runs after READY in its own job.

const here = path.dirname(fileURLToPath(import.meta.url));
const N = 40;
const settings = {
  embedBatchSize: 4,
  pairFloor: 0,
  topK: 0,
  maxPairsPerImage: 1_000,
  pairInsertBatchSize: 25,
  // Every stored score checked against the model's own: verification (deterministic, covered by
  // score/score.test.ts) is off here.
  verifyTopK: 0,
};

let pipeline: TestPipeline;
const children: ChildProcess[] = [];

beforeAll(async () => {
  pipeline = await createTestPipeline();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await pipeline?.close();
});

function startWorkerProcess(workerSettings: object = settings): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'score-worker-process.ts')],
    {
      env: {
        ...process.env,
        TEST_DATABASE_URL: pipeline.config.DATABASE_URL,
        TEST_PREFIX: pipeline.prefix,
        TEST_STORAGE_ROOT: pipeline.storageRoot,
        TEST_SETTINGS: JSON.stringify(workerSettings),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

async function kill(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

async function until<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 120_000,
  everyMs = 10,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Ingests images in-process; no score worker yet, so the set's score job waits in the queue. */
async function ingestSet(name: string, paths: string[]) {
  const storage = new LocalStorage(pipeline.storageRoot);
  const setId = await pipeline.newSet(name);
  const files = paths.map((f) => readFileSync(f));
  const ingest = await pipeline.start({}, ['ingest']);
  for (const [i, bytes] of files.entries()) {
    await addUpload(
      { prisma: pipeline.prisma, storage, producer: pipeline.producer },
      {
        orgId: pipeline.orgId,
        setId,
        uploadedById: null,
        fileName: `img-${i}.png`,
        body: bytes,
        maxBytes: 50_000_000,
      },
    );
  }
  await pipeline.waitForSet(setId, (s) => s.imagesIngested === files.length);
  await ingest.close();
  return { setId, files, storage };
}

describe('[SCORE] crash and restart', () => {
  it('a worker killed mid-batch, twice, and restarted finishes the set with every pair exactly once', async () => {
    const { setId, files } = await ingestSet('crash', bioDevImages('dsb2018', N, 100));

    // The answer, computed directly: every unordered pair (floor 0 keeps them all).
    const images = await pipeline.prisma.image.findMany({
      where: { setId },
      orderBy: { id: 'asc' },
    });
    const model = await loadModel(testModelDir());
    const embedded = await embedImages(
      model,
      images.map((image) => files[Number(image.originalName.slice(4, -4))] as Buffer),
    );
    const expected = await scoreWithinSet(model, embedded.embeddings, { floor: 0, topK: 0 });
    await model.release();
    expect(expected.pairs.length).toBe((N * (N - 1)) / 2);

    // Crash 1: while embeddings are being committed, batch by batch.
    const embeddingCount = () => pipeline.prisma.embedding.count({ where: { image: { setId } } });
    let worker = await startWorkerProcess();
    await until(embeddingCount, (c) => c > 0, 120_000, 5);
    await kill(worker);
    const afterFirstCrash = await embeddingCount();
    expect(afterFirstCrash).toBeGreaterThan(0);
    expect(afterFirstCrash).toBeLessThan(N);

    // Crash 2: while pairs are being inserted. Hold a conflicting insert of the last pair open in
    // another transaction, so the worker commits every batch before it, then blocks; kill it there.
    const last = expected.pairs.at(-1) as { a: number; b: number; score: number };
    const [a, b] = [images[last.a]?.id as string, images[last.b]?.id as string].sort();
    const blocker = new pg.Client({ connectionString: pipeline.config.DATABASE_URL });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(
      `INSERT INTO "Pair" ("orgId", "setId", "imageAId", "imageBId", "modelVersionId", "score", "scope", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 0, 'WITHIN_SET', now())`,
      [pipeline.orgId, setId, a, b, pipeline.modelVersionId],
    );
    const pairCount = () => pipeline.prisma.pair.count({ where: { setId } });
    worker = await startWorkerProcess();
    // Wait until the worker has committed batches and is stuck behind the blocker.
    let previous = -1;
    await until(
      async () => {
        const count = await pairCount();
        const stuck = count > 0 && count === previous;
        previous = count;
        return stuck;
      },
      (stuck) => stuck,
      120_000,
      1_000,
    );
    await kill(worker);
    // The dead worker's last INSERT is still queued in its server backend (PostgreSQL notices a
    // vanished client only when it next talks to it); end it, as a real crash eventually would.
    await blocker.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    await blocker.query('ROLLBACK');
    await blocker.end();
    const afterSecondCrash = await pairCount();
    expect(afterSecondCrash).toBeGreaterThan(0);
    expect(afterSecondCrash).toBeLessThan(expected.pairs.length);
    expect(await embeddingCount()).toBe(N);

    // Restart: the stalled job is picked up again and finishes.
    worker = await startWorkerProcess();
    const set = await pipeline.waitForSet(
      setId,
      (s) => s.status === 'READY' || s.status === 'FAILED',
      120_000,
    );
    await kill(worker);
    expect(set).toMatchObject({
      status: 'READY',
      imagesEmbedded: N,
      pairsScored: expected.pairs.length,
    });

    expect(await embeddingCount()).toBe(N);
    const rows = await pipeline.prisma.pair.findMany({ where: { setId } });
    expect(rows.length).toBe(expected.pairs.length);
    const keys = new Set(rows.map((r) => `${r.imageAId}/${r.imageBId}`));
    expect(keys.size).toBe(rows.length);
    const byKey = new Map(rows.map((r) => [`${r.imageAId}/${r.imageBId}`, r.score]));
    for (const p of expected.pairs) {
      const [x, y] = [images[p.a]?.id as string, images[p.b]?.id as string].sort();
      const score = byKey.get(`${x}/${y}`);
      expect(score, `pair ${x}/${y}`).toBeDefined();
      expect(score).toBeCloseTo(p.score, 5);
    }
  });
  it('a worker killed mid-verification and restarted verifies every chosen pair once, as an unbroken run would', async () => {
    const { setId, storage } = await ingestSet('crash-verify', bioDevImages('dsb2018', 10, 200));
    const verifying = { verifyTopK: 2, verifyBatchSize: 2, verifyThreads: 1 };
    const progress = () => pipeline.prisma.imageSet.findUniqueOrThrow({ where: { id: setId } });
    let worker = await startWorkerProcess(verifying);
    const atKill = await until(
      progress,
      (s) => s.status === 'READY' && s.pairsVerified > 0,
      120_000,
      5,
    );
    await kill(worker);
    expect(atKill.pairsVerified).toBeLessThan(atKill.pairsToVerify);

    worker = await startWorkerProcess(verifying);
    const set = await pipeline.waitForSet(setId, settled, 120_000);
    await kill(worker);
    expect(set).toMatchObject({ status: 'READY', error: null });
    expect(set.pairsVerified).toBe(set.pairsToVerify);

    // Every chosen pair verified exactly as a direct, uninterrupted call verifies it.
    const model = await loadModel(testModelDir());
    const verification = calibratedVerification(model.manifest.verification);
    await model.release();
    if (!verification) throw new Error('the shipped model calibrates verification');
    const rows = await pipeline.prisma.pair.findMany({
      where: { setId },
      include: { imageA: true, imageB: true },
    });
    const verified = rows.filter((r) => r.inliers !== null);
    // Progress counts every pair checked; the screened-out ones stay unverified.
    expect(verified.length).toBeGreaterThan(0);
    expect(verified.length).toBeLessThanOrEqual(set.pairsToVerify);
    const keypoints = async (key: string | null) =>
      extractKeypoints(await storage.get(key as string), verification);
    for (const r of verified) {
      const direct = await verifyCandidate(
        { a: r.imageA.storageKey, b: r.imageB.storageKey, score: r.modelScore as number },
        keypoints,
        verification,
      );
      expect([r.inliers, r.score, r.flagged]).toEqual([
        direct.inliers,
        direct.score,
        direct.flagged,
      ]);
    }
    expect(set.pairsFlagged).toBe(rows.filter((r) => r.flagged).length);
    console.log(
      `\n[FAULT] verify worker SIGKILLed with ${atKill.pairsVerified}/${atKill.pairsToVerify} pairs verified, restarted: ${set.pairsVerified}/${set.pairsToVerify} checked, ${verified.length} verified once each, identical to a direct run; ${set.pairsFlagged} flagged\n`,
    );
  });
});
