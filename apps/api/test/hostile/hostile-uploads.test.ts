import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QUEUES, REDIS_CONNECTION_OPTIONS } from '@twinspect/jobs';
import type { Image } from '@twinspect/prisma';
import { LocalStorage } from '@twinspect/storage';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLTestClient, TestApi } from '../helpers.ts';
import { startPipeline, uploadFiles } from '../support/pipeline.ts';
import { stopChild } from '../support/worker-child.ts';
import {
  type Expectation,
  generateHostileFiles,
  type HostileFile,
} from './generate-hostile-files.ts';

// [HOSTILE] Over a thousand bad uploads, with good images alongside, through the real upload
// route (HTTP, multipart) into real ingest and score workers running in a child process. Every
// file must end FAILED with a readable reason or READY as a real image; the worker must not die,
// no job may run past the ingest job timeout, nothing may be written outside the storage root,
// and the good images must ingest and score normally. The test prints a summary table (category
// × outcome) that the README's Reliability section quotes.

/** The longest an ingest job may take on the 2-core CI machine; a hang shows as a job past it. */
const INGEST_JOB_TIMEOUT_MS = 60_000;
const GOOD_PER_SET = 2;
const BATCH = 40;

const bioDev = path.resolve(
  import.meta.dirname,
  '../../../../../shared/datasets/bio-dev/images/dsb2018',
);
const sandbox = mkdtempSync(path.join(tmpdir(), 'twinspect-hostile-'));
const storageRoot = path.join(sandbox, 'storage');
const workerTmp = path.join(sandbox, 'worker-tmp');
const prefix = `twinspect-hostile-${randomBytes(4).toString('hex')}`;
const escapeTargets = [
  '/tmp/twinspect-escape.png',
  '/tmp/twinspect-escape-absolute.png',
  path.join(sandbox, 'twinspect-escape-backslash.png'),
  path.join(sandbox, 'twinspect-escape-inner.png'),
  path.resolve(storageRoot, '..', 'twinspect-escape-inner.png'),
];

let api: TestApi;
let worker: { child: ChildProcess; stderr: string[] };
let editor: GraphQLTestClient;
let files: HostileFile[];
const goodFiles = readdirSync(bioDev)
  .sort()
  .slice(0, 40)
  .map((name) => ({ name, bytes: readFileSync(path.join(bioDev, name)) }));

beforeAll(async () => {
  mkdirSync(storageRoot);
  mkdirSync(workerTmp);
  for (const target of escapeTargets) rmSync(target, { force: true });
  ({ api, worker } = await startPipeline({ storageRoot, prefix, tmpDir: workerTmp }));
  const team = await api.freshTeam();
  editor = await api.as(team.email('EDITOR'));
  files = (await generateHostileFiles()).filter(
    (f) => !process.env.HOSTILE_ONLY || f.category === process.env.HOSTILE_ONLY,
  );
}, 120_000);

afterAll(async () => {
  if (worker) await stopChild(worker.child);
  const redis = new Redis('redis://127.0.0.1:6379', REDIS_CONNECTION_OPTIONS);
  for (const name of [QUEUES.ingest, QUEUES.score, QUEUES.verify]) {
    const queue = new Queue(name, { connection: redis, prefix });
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
  }
  redis.disconnect();
  await api?.stop();
  rmSync(sandbox, { recursive: true, force: true });
});

async function createSet(name: string): Promise<string> {
  const response = await editor.request<{ createImageSet: { imageSet: { id: string } } }>(
    'mutation ($input: CreateImageSetInput!) { createImageSet(input: $input) { imageSet { id } } }',
    { input: { name } },
  );
  const id = response.data?.createImageSet.imageSet.id;
  if (!id) throw new Error(`cannot create set: ${JSON.stringify(response.errors)}`);
  return id;
}

async function upload(setId: string, batch: { name: string; bytes: Buffer }[]) {
  const response = await uploadFiles(api, setId, editor.cookie, batch);
  const body = (await response.json()) as { images?: unknown[] };
  expect(response.status, JSON.stringify(body)).toBe(202);
  expect(body.images).toHaveLength(batch.length);
}

/** A reason a person can read: one line, short, no stack trace, no server paths. */
function expectReadable(reason: string | null, what: string) {
  expect(reason, what).toBeTruthy();
  const text = reason ?? '';
  expect(text.length, `${what}: ${text}`).toBeLessThanOrEqual(300);
  expect(text, what).not.toMatch(
    /\n|\bat .+:\d+:\d+|node_modules|twinspect-hostile-|twinspect-zip-/,
  );
}

/** "image is 48×8388648 pixels, over the limit" → "image is N×N pixels, over the limit". */
function reasonClass(reason: string): string {
  return reason
    .replace(/\(.*\)/g, '')
    .replace(/\d[\d,]*/g, 'N')
    .replace(/\s+:/g, ':')
    .trim();
}

async function checkReady(image: Image, expectation: Expectation, what: string) {
  const storage = new LocalStorage(storageRoot);
  expect(image.width, what).toBeGreaterThan(0);
  expect(image.height, what).toBeGreaterThan(0);
  if (expectation.outcome === 'READY') {
    if (expectation.width)
      expect([image.width, image.height], what).toEqual([expectation.width, expectation.height]);
    if (expectation.pages) expect(image.pages, what).toBe(expectation.pages);
  }
  const thumbnail = await sharp(await storage.get(image.thumbnailKey ?? 'missing')).metadata();
  expect(thumbnail.format, what).toBe('webp');
  expect(Math.max(thumbnail.width ?? 0, thumbnail.height ?? 0), what).toBeLessThanOrEqual(256);
  expect(await storage.exists(image.displayKey ?? 'missing'), what).toBe(true);
}

function checkOutcome(image: Image, expectation: Expectation, what: string) {
  expect(['READY', 'FAILED'], `${what} ended ${image.status}`).toContain(image.status);
  if (image.status === 'FAILED') expectReadable(image.error, what);
  if (expectation.outcome === 'EITHER') return;
  expect(image.status, `${what}: ${image.error}`).toBe(expectation.outcome);
  if (expectation.outcome === 'FAILED' && expectation.reason)
    expect(image.error, what).toMatch(expectation.reason);
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) out.push(`SYMLINK ${full}`);
      else if (entry.isDirectory()) walk(full);
      else out.push(full);
    }
  };
  walk(root);
  return out;
}

describe('[HOSTILE] bad uploads through the real upload path and ingest workers', () => {
  it('ends every bad upload FAILED with a readable reason or READY as a real image; good images score', async () => {
    if (!process.env.HOSTILE_ONLY) expect(files.length).toBeGreaterThanOrEqual(1000);
    const categories = [...new Set(files.map((f) => f.category))];
    const sets = new Map<string, string>();
    for (const category of categories) sets.set(category, await createSet(`hostile ${category}`));

    // Each category's files in batches, with good images mixed into every set.
    let good = 0;
    for (const category of categories) {
      const setId = sets.get(category) as string;
      const mine = files
        .filter((f) => f.category === category)
        .map((f) => ({ name: f.name, bytes: f.bytes }));
      for (let i = 0; i < GOOD_PER_SET; i++) {
        const g = goodFiles[good++ % goodFiles.length] as { name: string; bytes: Buffer };
        mine.splice(Math.floor((mine.length * (i + 1)) / (GOOD_PER_SET + 1)), 0, {
          name: `good/${g.name}`,
          bytes: g.bytes,
        });
      }
      for (let i = 0; i < mine.length; i += BATCH) await upload(setId, mine.slice(i, i + BATCH));
    }

    // Every set ingested and scored (READY), or FAILED as a whole with a reason.
    const deadline = Date.now() + (process.env.HOSTILE_ONLY ? 2 : 8) * 60_000;
    for (;;) {
      const rows = await api.prisma.imageSet.findMany({
        where: { id: { in: [...sets.values()] } },
      });
      const busy = rows.filter(
        (s) =>
          !['READY', 'FAILED'].includes(s.status) ||
          s.imagesIngested + s.imagesFailed < s.imagesTotal,
      );
      if (busy.length === 0) break;
      expect(worker.child.exitCode, `worker died: ${worker.stderr.join('')}`).toBeNull();
      if (Date.now() > deadline) {
        const stuck = await api.prisma.image.findMany({
          where: { setId: { in: busy.map((s) => s.id) }, status: { notIn: ['READY', 'FAILED'] } },
          select: { originalName: true, status: true, storageKey: true },
        });
        throw new Error(
          `sets still busy: ${JSON.stringify(busy)}; images: ${JSON.stringify(stuck)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 500));
    }

    // The worker never died, and no job failed (each file is a handled outcome, not a crash).
    expect(worker.child.exitCode, worker.stderr.join('')).toBeNull();
    expect(worker.child.signalCode).toBeNull();
    const redis = new Redis('redis://127.0.0.1:6379', REDIS_CONNECTION_OPTIONS);
    const ingestQueue = new Queue(QUEUES.ingest, { connection: redis, prefix });
    const jobs = await ingestQueue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed']);
    const failedJobs = await ingestQueue.getJobs(['failed']);
    await ingestQueue.close();
    redis.disconnect();
    expect(failedJobs.map((j) => `${j.id}: ${j.failedReason}`)).toEqual([]);
    expect(jobs.length).toBeGreaterThanOrEqual(files.length);
    const slowest = Math.max(
      ...jobs.map((j) => (j.finishedOn ?? Number.POSITIVE_INFINITY) - (j.processedOn ?? 0)),
    );
    expect(slowest, 'an ingest job ran past its timeout').toBeLessThan(INGEST_JOB_TIMEOUT_MS);
    // A stalled job means the worker's event loop was blocked past its lock, or it died.
    const stalled = jobs
      .filter((j) => j.stalledCounter > 0)
      .map((j) => `${j.id} ${JSON.stringify(j.data)}`);
    expect(stalled, 'stalled ingest jobs').toEqual([]);
    const retried = jobs.filter((j) => j.attemptsMade > 1);

    // Each file's outcome.
    const images = await api.prisma.image.findMany({
      where: { setId: { in: [...sets.values()] } },
    });
    const byName = new Map<string, Image[]>();
    for (const image of images)
      byName.set(image.originalName, [...(byName.get(image.originalName) ?? []), image]);
    const summary = new Map<string, Map<string, number>>();
    const count = (category: string, outcome: string) => {
      const row = summary.get(category) ?? new Map<string, number>();
      row.set(outcome, (row.get(outcome) ?? 0) + 1);
      summary.set(category, row);
    };
    const outcomeOf = (image: Image) =>
      image.status === 'READY' ? 'READY' : `FAILED: ${reasonClass(image.error ?? '')}`;

    for (const file of files) {
      if (!file.name.endsWith('.zip') || file.category !== 'zip') {
        const rows = byName.get(file.name) ?? [];
        expect(rows, file.name).toHaveLength(1);
        const image = rows[0] as Image;
        checkOutcome(image, file.expect, file.name);
        if (image.status === 'READY') await checkReady(image, file.expect, file.name);
        count(file.category, outcomeOf(image));
        continue;
      }
      const inside = images.filter((i) => i.originalName.startsWith(`${file.name}/`));
      const whole = byName.get(file.name) ?? [];
      if (file.wholeArchive) {
        expect(whole, `${file.name} refused as a whole`).toHaveLength(1);
        expect(inside).toEqual([]);
        checkOutcome(whole[0] as Image, file.expect, file.name);
        count('zip (archive)', outcomeOf(whole[0] as Image));
        continue;
      }
      // An archive ends as its entries, or (unreadable) as one FAILED row with its name.
      expect(inside.length + whole.length, `${file.name} left no trace`).toBeGreaterThan(0);
      for (const image of whole) {
        checkOutcome(image, { outcome: 'FAILED' }, file.name);
        count('zip (archive)', outcomeOf(image));
      }
      for (const [entry, expectation] of Object.entries(file.entries ?? {})) {
        const rows = inside.filter(
          (i) =>
            i.originalName === `${file.name}/${entry.replace(/\\/g, '/').replace(/^\/+/, '')}` ||
            i.originalName === `${file.name}/${entry}`,
        );
        expect(rows, `${file.name} → ${entry}`).toHaveLength(1);
        checkOutcome(rows[0] as Image, expectation, `${file.name} → ${entry}`);
      }
      for (const image of inside) {
        checkOutcome(image, { outcome: 'EITHER' }, image.originalName);
        if (image.status === 'READY')
          await checkReady(image, { outcome: 'EITHER' }, image.originalName);
        count('zip (entries)', outcomeOf(image));
      }
    }

    // The good images, in every set, ingested and were scored with the rest of their set.
    const goodRows = images.filter((i) => i.originalName.startsWith('good/'));
    expect(goodRows).toHaveLength(categories.length * GOOD_PER_SET);
    for (const image of goodRows) {
      expect(image.status, `${image.originalName}: ${image.error}`).toBe('READY');
      await checkReady(image, { outcome: 'EITHER' }, image.originalName);
    }
    const embedded = await api.prisma.embedding.count({
      where: { imageId: { in: goodRows.map((i) => i.id) } },
    });
    expect(embedded).toBe(goodRows.length);
    for (const setId of sets.values()) {
      const set = await api.prisma.imageSet.findUniqueOrThrow({ where: { id: setId } });
      const ready = images.filter((i) => i.setId === setId && i.status === 'READY').length;
      expect(set.status, `${set.name}: ${set.error}`).toBe('READY');
      expect(set.imagesEmbedded).toBe(ready);
      // Every pair within the set, plus the pairs against the team's earlier sets (the archive).
      expect(set.pairsScored).toBeGreaterThanOrEqual((ready * (ready - 1)) / 2);
    }
    for (const image of goodRows) count('good images (alongside)', outcomeOf(image));

    // Nothing outside the storage root; inside it, only the keys the product writes.
    for (const target of escapeTargets) expect(existsSync(target), target).toBe(false);
    expect(readdirSync(sandbox).sort()).toEqual(['storage', 'worker-tmp']);
    // (tsx and native libraries keep caches there; the worker's own folders are twinspect-*.)
    const leftovers = listFiles(workerTmp).filter((f) =>
      path.relative(workerTmp, f).startsWith('twinspect-'),
    );
    expect(leftovers, 'worker temp files left behind').toEqual([]);
    const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
    const allowed = new RegExp(
      `^(originals/${uuid}/${uuid}|uploads/${uuid}/${uuid}/${uuid}\\.zip|renditions/${uuid}/${uuid}/(thumb\\.webp|display\\.webp|model-\\d+\\.rgb))$`,
    );
    for (const file of listFiles(storageRoot)) {
      const relative = path.relative(storageRoot, file);
      expect(relative, 'unexpected file in storage').toMatch(allowed);
      expect(lstatSync(file).isFile()).toBe(true);
    }

    // The summary the README quotes.
    const lines = ['| category | tried | outcome (count) |', '|---|---|---|'];
    let tried = 0;
    for (const [category, outcomes] of summary) {
      const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
      tried += category === 'zip (entries)' || category.startsWith('good') ? 0 : total;
      const parts = [...outcomes.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([o, n]) => `${o} (${n})`);
      lines.push(`| ${category} | ${total} | ${parts.join('; ')} |`);
    }
    console.log(
      `\n[HOSTILE] ${files.length} hostile uploads (${tried} rows outside ZIPs, plus ZIP entries), ` +
        `${goodRows.length} good images alongside; worker pid ${worker.child.pid} alive; ` +
        `slowest ingest job ${slowest} ms (timeout ${INGEST_JOB_TIMEOUT_MS} ms); ${retried.length} jobs retried after a transient error\n${lines.join('\n')}\n`,
    );
  }, 900_000);
});
