import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findDefaultModelDir, readManifest } from '@twinspect/inference';
import { QUEUES, REDIS_CONNECTION_OPTIONS } from '@twinspect/jobs';
import { type RunningWorkers, repoRoot, startWorkers } from '@twinspect/workers';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiJobs } from '../src/jobs.ts';
import { startApi, type TestApi } from './helpers.ts';

// Issue 4's "done when", over real HTTP: an editor uploads images, the workers ingest and score
// them, progress is visible through GraphQL, and the flagged pairs are in the triage queue.

const prefix = `twinspect-flow-test-${randomBytes(4).toString('hex')}`;
const storageRoot = mkdtempSync(path.join(tmpdir(), 'twinspect-flow-'));
const modelDir =
  process.env.TWINSPECT_TEST_MODEL_DIR ?? findDefaultModelDir(path.join(repoRoot, 'models'));
const dsb = path.resolve(repoRoot, '../shared/datasets/bio-dev/images/dsb2018');
let api: TestApi;
let workers: RunningWorkers;

beforeAll(async () => {
  api = await startApi(
    { STORAGE_ROOT: storageRoot },
    {
      jobs: createApiJobs(
        { REDIS_URL: 'redis://127.0.0.1:6379' } as Parameters<typeof createApiJobs>[0],
        { prefix },
      ),
    },
  );
  workers = await startWorkers({
    config: { ...api.config, MODELS_DIR: path.join(storageRoot, 'none') },
    prisma: api.prisma,
    prefix,
    logger: pino({ level: 'warn' }),
    queues: ['ingest', 'score'],
  });
}, 120_000);
afterAll(async () => {
  await workers?.close();
  const redis = new Redis('redis://127.0.0.1:6379', REDIS_CONNECTION_OPTIONS);
  for (const name of [QUEUES.ingest, QUEUES.score, QUEUES.verify]) {
    const q = new Queue(name, { connection: redis, prefix });
    await q.obliterate({ force: true });
    await q.close();
  }
  redis.disconnect();
  await api?.stop();
});

describe('[SCORE] upload to triage queue through the API', () => {
  it('an editor uploads a folder, sees progress, and finds the flagged pairs in the queue', async () => {
    const team = await api.freshTeam();
    // The team scores with the model under test (its own active version).
    const manifest = await readManifest(modelDir);
    await api.prisma.modelVersion.create({
      data: {
        orgId: team.org.id,
        name: manifest.version,
        artifactDir: modelDir,
        manifest: JSON.parse(JSON.stringify(manifest)),
        threshold: manifest.threshold,
        status: 'ACTIVE',
        active: true,
      },
    });
    const editor = await api.as(team.email('EDITOR'));
    const created = await editor.request<{ createImageSet: { imageSet: { id: string } } }>(
      'mutation { createImageSet(input: { name: "Figure 2" }) { imageSet { id } } }',
    );
    const setId = created.data?.createImageSet.imageSet.id as string;

    const files = [
      '00071198d059ba7f5914a526d124d28e6d010c92466da21d4a04cd5413362552.png',
      '003cee89357d9fe13516167fd67b609a164651b21934585648c740d2c3d86dc1.png',
      '00ae65c1c6631ae6f2be1a449902976e6eb8483bf6b0740d00530220832c6d3e.png',
      '0121d6759c5adb290c8e828fc882f37dfaf3663ec885c663859948c154a443ed.png',
    ].map((f): { name: string; bytes: Buffer } => ({
      name: `fig2/${f}`,
      bytes: readFileSync(path.join(dsb, f)),
    }));
    files.push({ name: 'fig2/panel-c-copy.png', bytes: files[0]?.bytes as Buffer });
    files.push({
      name: 'fig2/panel-d-mirrored.png',
      bytes: await sharp(files[1]?.bytes).flop().png().toBuffer(),
    });
    const form = new FormData();
    for (const f of files) form.append('files', new Blob([f.bytes]), f.name);
    const upload = await fetch(`${api.url}/api/image-sets/${setId}/uploads`, {
      method: 'POST',
      headers: { cookie: editor.cookie ?? '', 'x-twinspect-csrf': '1' },
      body: form,
    });
    expect(upload.status).toBe(202);

    type Progress = { imageSet: { status: string; progress: Record<string, number> } };
    let state: Progress['imageSet'] | undefined;
    for (let i = 0; i < 600; i++) {
      const r = await editor.request<Progress>(
        'query ($id: ID!) { imageSet(id: $id) { status progress { imagesTotal imagesIngested imagesFailed imagesEmbedded pairsTotal pairsScored pairsFlagged pairsToVerify pairsVerified } } }',
        { id: setId },
      );
      state = r.data?.imageSet;
      if (state?.status === 'FAILED') break;
      // READY first, with the model's flags; then geometric verification refines them.
      const p = state?.progress;
      if (state?.status === 'READY' && (p?.pairsVerified ?? 0) >= (p?.pairsToVerify ?? 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(state).toMatchObject({
      status: 'READY',
      progress: {
        imagesTotal: 6,
        imagesIngested: 6,
        imagesFailed: 0,
        imagesEmbedded: 6,
        pairsTotal: 15,
        pairsScored: 15,
      },
    });
    if (manifest.verification?.threshold !== undefined)
      expect(state?.progress.pairsToVerify).toBeGreaterThan(0);

    const queue = await editor.request<{
      pairs: {
        totalCount: number;
        edges: {
          node: {
            score: number;
            modelScore: number;
            inliers: number | null;
            flagged: boolean;
            imageA: { originalName: string };
            imageB: { originalName: string };
          };
        }[];
      };
    }>(
      'query ($setId: ID!) { pairs(filter: { setId: $setId, flagged: true }) { totalCount edges { node { score modelScore inliers flagged imageA { originalName } imageB { originalName } } } } }',
      { setId },
    );
    expect(queue.errors).toEqual([]);
    expect(queue.data?.pairs.totalCount).toBe(state?.progress.pairsFlagged);
    // The shipped model verifies geometrically: flagged pairs are verified ones, above the
    // verified threshold (a model without verification flags by its own threshold).
    const verified = manifest.verification?.threshold;
    for (const { node } of queue.data?.pairs.edges ?? []) {
      expect(node.flagged).toBe(true);
      if (verified === undefined) expect(node.score).toBeGreaterThan(manifest.threshold);
      else {
        expect(node.inliers).not.toBeNull();
        expect(node.score).toBeGreaterThan(verified);
      }
    }
    const names = (queue.data?.pairs.edges ?? []).map(({ node }) =>
      [node.imageA.originalName, node.imageB.originalName].sort().join(' + '),
    );
    // Both planted copies are in the queue: the byte copy and the mirrored one.
    for (const [original, copy] of [
      [files[0]?.name, 'fig2/panel-c-copy.png'],
      [files[1]?.name, 'fig2/panel-d-mirrored.png'],
    ]) {
      expect(names).toContain([original, copy].sort().join(' + '));
    }
    const all = await editor.request<{ pairs: { totalCount: number } }>(
      'query ($setId: ID!) { pairs(filter: { setId: $setId }) { totalCount } }',
      { setId },
    );
    expect(all.data?.pairs.totalCount).toBeGreaterThan(0);
  });
});
