// End to end: a 1,000-image set from bio-dev, from upload until every pair is scored and the
// set is READY (its pairs stored and ranked by the model), then until geometric verification has
// flagged the first pair and until it has checked each image's best pairs.
//   npx tsx bench/end-to-end.ts [--model DIR] [--images 1000]
// Runs against the local PostgreSQL and Redis in a throw-away database and Redis prefix, with
// the workers in this process (one worker process, as on one machine). Uploads go through the
// same use-case as the API's upload route. Reports the time and the peak memory (RSS) of each
// stage: upload, ingest, embed, pair scoring + storing, verification. Target: READY ≤ 60 s.
// The CC0/BSD part of bio-dev has 757 images; the rest of the 1,000 are altered copies of them
// (mirror, quarter turn, crop), made before the clock starts, as a real case would contain.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '@twinspect/config';
import { createProducer } from '@twinspect/jobs';
import { createStorage } from '@twinspect/storage';
import { createTestPrisma } from '@twinspect/testing';
import { recordUploads, storeUpload } from '@twinspect/uploads';
import { registerModelVersion, startWorkers } from '@twinspect/workers';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import sharp from 'sharp';
import { benchArgs, benchImages, fmt, repoRoot, table, verdict } from './common.ts';

const args = benchArgs({ images: { type: 'string', default: '1000' } });
const total = Number(args.opt('images'));

// Inputs, before the clock: real files, then altered copies up to `total`.
const sources = benchImages(total).map((f) => ({ name: path.basename(f), bytes: readFileSync(f) }));
const files = [...sources];
for (let i = 0; files.length < total; i++) {
  const src = sources[i % sources.length] as { name: string; bytes: Buffer };
  const kind = i % 3;
  const img = sharp(src.bytes);
  const meta = await img.metadata();
  const altered =
    kind === 0
      ? img.flop()
      : kind === 1
        ? img.rotate(90)
        : img.extract({
            left: 0,
            top: 0,
            width: Math.ceil((meta.width ?? 2) * 0.8),
            height: Math.ceil((meta.height ?? 2) * 0.8),
          });
  files.push({ name: `copy-${i}-${src.name}.png`, bytes: await altered.png().toBuffer() });
}

const { db, prisma, close } = await createTestPrisma();
const storageRoot = mkdtempSync(path.join(tmpdir(), 'twinspect-bench-'));
const prefix = `twinspect-bench-${randomBytes(4).toString('hex')}`;
const config = parseConfig({
  DATABASE_URL: db.url,
  STORAGE_ROOT: storageRoot,
  MODELS_DIR: path.join(storageRoot, 'none'),
  LOG_LEVEL: 'warn',
  ORT_THREADS: String(args.threads),
});
await registerModelVersion(prisma, { modelDir: args.modelDir, repoRoot });
const org = await prisma.organization.create({ data: { name: 'Bench', slug: prefix } });
const set = await prisma.imageSet.create({ data: { orgId: org.id, name: '1,000 images' } });
const producer = createProducer(config.REDIS_URL, { prefix });
const storage = createStorage(config, repoRoot);
const workers = await startWorkers({
  config,
  prisma,
  prefix,
  logger: pino({ level: 'warn' }),
  queues: ['ingest', 'score'],
});

// Peak RSS per stage, sampled every 50 ms.
let stage = 'upload';
const peaks = new Map<string, number>();
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  peaks.set(stage, Math.max(peaks.get(stage) ?? 0, rss));
}, 50);
const marks: [string, number][] = [];
const t0 = performance.now();
const mark = (name: string, next: string) => {
  marks.push([name, (performance.now() - t0) / 1000]);
  stage = next;
};

// As the browser and the API do it: requests of 50 files, each file streamed into storage, then
// the request's files recorded and queued together.
const target = { orgId: org.id, setId: set.id, uploadedById: null };
for (let start = 0; start < files.length; start += 50) {
  const stored = [];
  for (const f of files.slice(start, start + 50)) {
    stored.push(
      await storeUpload(storage, target, {
        fileName: f.name,
        body: f.bytes,
        maxBytes: config.UPLOAD_MAX_BYTES,
      }),
    );
  }
  await recordUploads({ prisma, storage, producer }, target, stored);
}
mark('upload', 'ingest');
let firstFlag: number | undefined;
let ready: Awaited<ReturnType<typeof prisma.imageSet.findUniqueOrThrow>> | undefined;
for (;;) {
  const s = await prisma.imageSet.findUniqueOrThrow({ where: { id: set.id } });
  if (stage === 'ingest' && s.imagesIngested + s.imagesFailed === total) mark('ingest', 'embed');
  if (stage === 'embed' && s.imagesEmbedded === s.imagesIngested && s.status === 'SCORING')
    mark('embed', 'pairs');
  if (s.status === 'FAILED') break;
  if (s.status === 'READY' && stage !== 'verify') {
    if (stage === 'embed') mark('embed', 'pairs');
    mark('pairs', 'verify');
    ready = s;
  }
  // Geometric verification flags pairs after READY, likeliest first (score/verify-set.ts).
  if (stage === 'verify' && firstFlag === undefined && s.pairsFlagged > 0)
    firstFlag = (performance.now() - t0) / 1000;
  if (stage === 'verify' && s.pairsVerified >= s.pairsToVerify) {
    mark('verify', 'done');
    break;
  }
  await new Promise((r) => setTimeout(r, 50));
}
clearInterval(sampler);
const final = await prisma.imageSet.findUniqueOrThrow({ where: { id: set.id } });
const stored = await prisma.pair.count({ where: { setId: set.id } });
// Flagged pairs that are a planted copy and its source, against the other flags.
const flaggedPairs = await prisma.pair.findMany({
  where: { setId: set.id, flagged: true },
  select: {
    imageA: { select: { originalName: true } },
    imageB: { select: { originalName: true } },
  },
});
const isPlanted = (copy: string, source: string) =>
  /^copy-\d+-/.test(copy) && copy.replace(/^copy-\d+-/, '') === `${source}.png`;
const plantedFlagged = flaggedPairs.filter(
  (p) =>
    isPlanted(p.imageA.originalName, p.imageB.originalName) ||
    isPlanted(p.imageB.originalName, p.imageA.originalName),
).length;
// Where each planted copy that is not flagged was lost: never stored as a pair (the model did not
// rank it among either image's kept pairs), stored but screened out, or verified below threshold.
const images = await prisma.image.findMany({
  where: { setId: set.id },
  select: { id: true, originalName: true },
});
const idByName = new Map(images.map((i) => [i.originalName, i.id]));
const plantedPairs = files.slice(sources.length).map((f) => {
  const source = f.name.replace(/^copy-\d+-/, '').replace(/\.png$/, '');
  return [idByName.get(f.name) ?? '', idByName.get(source) ?? ''] as const;
});
const plantedRows = await prisma.pair.findMany({
  where: {
    setId: set.id,
    OR: plantedPairs.flatMap(([a, b]) => [
      { imageAId: a, imageBId: b },
      { imageAId: b, imageBId: a },
    ]),
  },
  select: { flagged: true, inliers: true },
});
const missed = {
  notStored: plantedPairs.length - plantedRows.length,
  screenedOut: plantedRows.filter((r) => !r.flagged && r.inliers === null).length,
  belowThreshold: plantedRows.filter((r) => !r.flagged && r.inliers !== null),
};
const at = (name: string) => marks.find(([n]) => n === name)?.[1] ?? Number.NaN;
const readySeconds = at('pairs');
const verifiedSeconds = at('verify');

console.log(
  `End to end: ${total} images (${sources.length} bio-dev files + ${total - sources.length} altered copies), model ${final.modelVersionId ? (await prisma.modelVersion.findUniqueOrThrow({ where: { id: final.modelVersionId } })).name : '?'}, ${args.threads} ORT threads, one worker process`,
);
let previous = 0;
console.log(
  table([
    ['stage', 'ends at', 'takes', 'peak RSS'],
    ...marks.map(([name, at]) => {
      const row = [
        name,
        `${fmt(at)} s`,
        `${fmt(at - previous)} s`,
        `${fmt((peaks.get(name) ?? 0) / 2 ** 20, 0)} MiB`,
      ];
      previous = at;
      return row;
    }),
  ]),
);
console.log(
  `status ${final.status}: ${final.imagesIngested} ingested, ${final.imagesFailed} failed, ${final.pairsScored.toLocaleString('en-US')} pairs scored, ${stored.toLocaleString('en-US')} stored (${ready?.pairsFlagged ?? '?'} flagged at READY), ${final.pairsFlagged} flagged after verifying ${final.pairsVerified.toLocaleString('en-US')} pairs on ${workers.deps.settings.verifyThreads} threads`,
);
console.log(
  `planted copies flagged: ${plantedFlagged} of ${total - sources.length}; other flagged pairs: ${flaggedPairs.length - plantedFlagged}`,
);
console.log(
  `planted copies not flagged: ${missed.notStored} never stored as a pair, ${missed.screenedOut} stored but screened out, ${missed.belowThreshold.length} verified below the threshold (inliers ${missed.belowThreshold.map((r) => r.inliers).join(', ') || '-'})`,
);
console.log(
  `READY (pairs stored, ranked by the model) in ${fmt(readySeconds)} s (target ≤ 60 s: ${verdict(readySeconds <= 60 && final.status === 'READY')}); first verified flag at ${fmt(firstFlag ?? Number.NaN)} s; every flag verified at ${fmt(verifiedSeconds)} s (≤ 60 s: ${verdict(verifiedSeconds <= 60)})`,
);

await workers.close();
await producer.close();
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
for (const name of ['ingest', 'score', 'verify']) {
  const q = new Queue(name, { connection: redis, prefix });
  await q.obliterate({ force: true });
  await q.close();
}
redis.disconnect();
await close();
// onnxruntime's thread pool keeps the event loop alive after the sessions are released.
process.exit(0);
