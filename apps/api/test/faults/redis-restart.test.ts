import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QUEUES, REDIS_CONNECTION_OPTIONS } from '@twinspect/jobs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLTestClient, TestApi } from '../helpers.ts';
import { OwnRedis } from '../support/own-redis.ts';
import { startPipeline, uploadFiles } from '../support/pipeline.ts';
import { stopChild } from '../support/worker-child.ts';

// [FAULT] Redis restarts while ingest and score jobs are queued and running. Redis here is a
// server of the test's own, persisted like production (AOF). Uploads keep coming during the
// outage. Afterwards every image must be READY (nothing vanished), each exactly once, and the
// set scored with every pair.

const bioDev = path.resolve(
  import.meta.dirname,
  '../../../../../shared/datasets/bio-dev/images/dsb2018',
);
const images = readdirSync(bioDev)
  .sort()
  .slice(0, 36)
  .map((name) => ({ name, bytes: readFileSync(path.join(bioDev, name)) }));
const storageRoot = mkdtempSync(path.join(tmpdir(), 'twinspect-redis-fault-'));
const prefix = 'twinspect-fault';

let redis: OwnRedis;
let api: TestApi;
let worker: { child: ChildProcess; stderr: string[] };
let editor: GraphQLTestClient;

beforeAll(async () => {
  redis = await OwnRedis.start();
  ({ api, worker } = await startPipeline({
    storageRoot,
    prefix,
    redisUrl: redis.url,
    // Short locks, so a job whose lock was lost in the outage is handed out again in seconds.
    workerOptions: { lockDuration: 5_000, stalledInterval: 2_000, maxStalledCount: 10 },
  }));
  const team = await api.freshTeam();
  editor = await api.as(team.email('EDITOR'));
}, 120_000);

afterAll(async () => {
  if (worker) await stopChild(worker.child, 5_000);
  await api?.stop();
  await redis?.close();
  rmSync(storageRoot, { recursive: true, force: true });
});

const upload = (setId: string, batch: typeof images) =>
  uploadFiles(api, setId, editor.cookie, batch);

describe('[FAULT] Redis restart with jobs queued and running', () => {
  it('loses no job: every image ends READY once and the set is scored in full', async () => {
    const created = await editor.request<{ createImageSet: { imageSet: { id: string } } }>(
      'mutation { createImageSet(input: { name: "redis restart" }) { imageSet { id } } }',
    );
    const setId = created.data?.createImageSet.imageSet.id as string;

    // Queue a first batch, wait until ingest is running, then restart Redis under it.
    expect((await upload(setId, images.slice(0, 24))).status).toBe(202);
    for (;;) {
      const ready = await api.prisma.image.count({ where: { setId, status: 'READY' } });
      if (ready >= 2) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const pendingAtRestart = await api.prisma.image.count({
      where: { setId, status: { not: 'READY' } },
    });
    const restarted = redis.restart('SIGTERM', 3_000);
    // An upload while Redis is down: it waits for Redis (or fails visibly), never half-succeeds.
    await new Promise((r) => setTimeout(r, 500));
    const during = await upload(setId, images.slice(24, 30));
    await restarted;
    const afterwards = await upload(setId, images.slice(30));
    expect(afterwards.status).toBe(202);
    const duringOk = during.status === 202;
    if (!duringOk) expect((await during.json()) as object).toHaveProperty('errors');
    const expected = 24 + (duringOk ? 6 : 0) + 6;

    const deadline = Date.now() + 240_000;
    let set = await api.prisma.imageSet.findUniqueOrThrow({ where: { id: setId } });
    // Settled: READY with every image, and geometric verification (its own job) done.
    const settled = () =>
      set.status === 'READY' &&
      set.imagesIngested >= expected &&
      set.pairsVerified >= set.pairsToVerify;
    while (!settled()) {
      expect(worker.child.exitCode, worker.stderr.join('')).toBeNull();
      if (Date.now() > deadline) {
        const stuck = await api.prisma.image.findMany({
          where: { setId, status: { not: 'READY' } },
        });
        throw new Error(
          `set did not recover: ${JSON.stringify(set)}; not ready: ${JSON.stringify(stuck.map((i) => [i.originalName, i.status, i.error]))}`,
        );
      }
      await new Promise((r) => setTimeout(r, 250));
      set = await api.prisma.imageSet.findUniqueOrThrow({ where: { id: setId } });
    }
    const rows = await api.prisma.image.findMany({ where: { setId } });
    expect(rows.map((r) => r.status).every((s) => s === 'READY')).toBe(true);
    expect(new Set(rows.map((r) => r.originalName)).size).toBe(rows.length);
    expect(rows.length).toBe(expected);
    expect(set).toMatchObject({
      imagesTotal: expected,
      imagesIngested: expected,
      imagesFailed: 0,
      imagesEmbedded: expected,
    });
    expect(set.pairsScored).toBe((expected * (expected - 1)) / 2);
    const pairs = await api.prisma.pair.findMany({
      where: { setId },
      select: { imageAId: true, imageBId: true },
    });
    expect(new Set(pairs.map((p) => `${p.imageAId}/${p.imageBId}`)).size).toBe(pairs.length);

    // Nothing is left failed in the queues either. The verify job writes its last progress before
    // it re-applies the team's flag threshold and returns: it may still be finishing.
    const connection = new Redis(redis.url, REDIS_CONNECTION_OPTIONS);
    for (const name of [QUEUES.ingest, QUEUES.score, QUEUES.verify]) {
      const queue = new Queue(name, { connection, prefix });
      const counts = () => queue.getJobCounts('failed', 'active', 'waiting');
      for (let c = await counts(); (c.active || c.waiting) && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 100));
        c = await counts();
      }
      expect(await counts()).toEqual({
        failed: 0,
        active: 0,
        waiting: 0,
      });
      await queue.close();
    }
    connection.disconnect();
    console.log(
      `\n[FAULT] Redis restarted with ${pendingAtRestart} of 24 images still queued or running; upload during the outage ${duringOk ? 'waited and was accepted' : `failed visibly (${during.status})`}; ${expected}/${expected} images READY once, ${set.pairsScored} pairs scored; lost: none\n`,
    );
  }, 300_000);
});
