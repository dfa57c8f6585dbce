import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QUEUES, REDIS_CONNECTION_OPTIONS } from '@twinspect/jobs';
import { LocalStorage } from '@twinspect/storage';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiJobs } from '../src/jobs.ts';
import { type GraphQLTestClient, startApi, type TestApi } from './helpers.ts';

// The upload endpoint over real HTTP: streamed into storage, recorded, queued for ingest.

const prefix = `twinspect-upload-test-${randomBytes(4).toString('hex')}`;
const storageRoot = mkdtempSync(path.join(tmpdir(), 'twinspect-upload-'));
const png = readFileSync(
  path.resolve(
    import.meta.dirname,
    '../../../../shared/datasets/bio-dev/images/dsb2018',
    '00071198d059ba7f5914a526d124d28e6d010c92466da21d4a04cd5413362552.png',
  ),
);
let api: TestApi;
let redis: Redis;
let ingestQueue: Queue;

beforeAll(async () => {
  const jobsConfig = { REDIS_URL: 'redis://127.0.0.1:6379' } as Parameters<typeof createApiJobs>[0];
  api = await startApi(
    { STORAGE_ROOT: storageRoot, UPLOAD_MAX_BYTES: String(png.length + 10) },
    { jobs: createApiJobs(jobsConfig, { prefix }) },
  );
  redis = new Redis('redis://127.0.0.1:6379', REDIS_CONNECTION_OPTIONS);
  ingestQueue = new Queue(QUEUES.ingest, { connection: redis, prefix });
});
afterAll(async () => {
  await ingestQueue?.obliterate({ force: true });
  await ingestQueue?.close();
  redis?.disconnect();
  await api?.stop();
});

async function createSet(client: GraphQLTestClient) {
  const response = await client.request<{ createImageSet: { imageSet: { id: string } } }>(
    'mutation ($input: CreateImageSetInput!) { createImageSet(input: $input) { imageSet { id } } }',
    { input: { name: 'Uploads' } },
  );
  return response.data?.createImageSet.imageSet.id as string;
}

function post(
  setId: string,
  client: GraphQLTestClient,
  files: { name: string; bytes: Buffer }[],
  csrf = true,
) {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([f.bytes]), f.name);
  return fetch(`${api.url}/api/image-sets/${setId}/uploads`, {
    method: 'POST',
    headers: {
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(csrf ? { 'x-twinspect-csrf': '1' } : {}),
    },
    body: form,
  });
}

describe('[UPLOAD] POST /api/image-sets/:id/uploads', () => {
  it('streams files into storage, records them PENDING and queues their ingest', async () => {
    const team = await api.freshTeam();
    const editor = await api.as(team.email('EDITOR'));
    const setId = await createSet(editor);
    const response = await post(setId, editor, [
      { name: 'figure1/a.png', bytes: png },
      { name: 'panels.zip', bytes: Buffer.from('PK\u0003\u0004 not really') },
      { name: 'huge.png', bytes: Buffer.concat([png, Buffer.alloc(100)]) },
    ]);
    expect(response.status).toBe(202);
    const body = (await response.json()) as { accepted: number; rejected: unknown[] };
    expect(body.accepted).toBe(2);
    expect(body.rejected).toEqual([
      { name: 'huge.png', reason: expect.stringMatching(/larger than the upload limit/) },
    ]);
    const images = await api.prisma.image.findMany({
      where: { setId },
      orderBy: { originalName: 'asc' },
    });
    expect(images.map((i) => [i.originalName, i.status])).toEqual([
      ['figure1/a.png', 'PENDING'],
      ['huge.png', 'FAILED'],
    ]);
    const stored = images[0];
    expect(await new LocalStorage(storageRoot).get(stored?.storageKey as string)).toEqual(png);
    const set = await api.prisma.imageSet.findUniqueOrThrow({ where: { id: setId } });
    expect(set).toMatchObject({ imagesTotal: 2, imagesFailed: 1, status: 'INGESTING' });
    const jobs = await ingestQueue.getJobs(['waiting']);
    const mine = jobs
      .filter((j) => j.data.setId === setId)
      .map((j) => j.data.kind)
      .sort();
    expect(mine).toEqual(['archive', 'image']);
  });

  it('refuses annotators, other teams, missing CSRF headers and anonymous callers', async () => {
    const team = await api.freshTeam();
    const other = await api.freshTeam();
    const setId = await createSet(await api.as(team.email('EDITOR')));
    const file = [{ name: 'a.png', bytes: png }];
    expect((await post(setId, await api.as(team.email('ANNOTATOR')), file)).status).toBe(403);
    expect((await post(setId, await api.as(other.email('EDITOR')), file)).status).toBe(404);
    expect((await post(setId, await api.as(team.email('EDITOR')), file, false)).status).toBe(400);
    expect((await post(setId, api.client(), file)).status).toBe(401);
    expect(await api.prisma.image.count({ where: { setId } })).toBe(0);
  });
});
