import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient, type PrismaClient } from '@twinspect/prisma';
import { seedOrganization } from '@twinspect/prisma/seed';
import { LocalStorage } from '@twinspect/storage';
import { GraphQLTestClient } from '@twinspect/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_PASSWORD } from '../global-setup.ts';
import { freePort, OwnRedis } from '../support/own-redis.ts';

// [FAULT] SIGTERM to the API process (src/main.ts, as deployed) while GraphQL requests and
// uploads are in flight. It must drain: requests in flight finish, uploads whose bytes arrive in
// time are stored whole and recorded, one that cannot finish before the drain deadline leaves
// nothing behind (no row, no partial file), and the process exits 0.

const bioDev = path.resolve(
  import.meta.dirname,
  '../../../../../shared/datasets/bio-dev/images/dsb2018',
);
const files = readdirSync(bioDev)
  .sort()
  .slice(0, 3)
  .map((name) => ({ name, bytes: readFileSync(path.join(bioDev, name)) }));
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let redis: OwnRedis;
let prisma: PrismaClient;
let child: ChildProcess;
let url: string;
const storageRoot = mkdtempSync(path.join(tmpdir(), 'twinspect-sigterm-'));
let output = '';

beforeAll(async () => {
  redis = await OwnRedis.start();
  prisma = createPrismaClient(inject('databaseUrl'), { poolSize: 2 });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, '../../src/main.ts')],
    {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATABASE_URL: inject('databaseUrl'),
        REDIS_URL: redis.url,
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
        STORAGE_ROOT: storageRoot,
        WEB_ORIGIN: 'http://web.test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  for (let i = 0; i < 300 && !output.includes('Twinspect API ready'); i++) {
    if (child.exitCode !== null) throw new Error(`API exited: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await prisma?.$disconnect();
  await redis?.close();
  rmSync(storageRoot, { recursive: true, force: true });
});

/** A multipart upload whose bytes trickle in over `seconds`, as from a slow connection. */
function slowUpload(
  setId: string,
  cookie: string,
  file: { name: string; bytes: Buffer },
  seconds: number,
) {
  const boundary = `----twinspect${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const body = Buffer.concat([head, file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const chunks = 20;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= chunks) return controller.close();
      await new Promise((r) => setTimeout(r, (seconds * 1000) / chunks));
      const size = Math.ceil(body.length / chunks);
      controller.enqueue(new Uint8Array(body.subarray(sent * size, (sent + 1) * size)));
      sent++;
    },
  });
  return fetch(`${url}/api/image-sets/${setId}/uploads`, {
    method: 'POST',
    headers: {
      cookie,
      'x-twinspect-csrf': '1',
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body: stream,
    duplex: 'half',
  } as RequestInit);
}

describe('[FAULT] API SIGTERM with requests and uploads in flight', () => {
  it('drains: finishes what it can, stores no partial upload, exits 0', async () => {
    const tag = randomBytes(4).toString('hex');
    const seeded = await seedOrganization(prisma, {
      name: `Drain ${tag}`,
      slug: `drain-${tag}`,
      password: TEST_PASSWORD,
      members: [{ email: `editor-${tag}@drain.test`, name: 'Editor', role: 'EDITOR' }],
    });
    const editor = new GraphQLTestClient(url);
    await editor.login(`editor-${tag}@drain.test`, TEST_PASSWORD);
    const created = await editor.request<{ createImageSet: { imageSet: { id: string } } }>(
      'mutation { createImageSet(input: { name: "drain" }) { imageSet { id } } }',
    );
    const setId = created.data?.createImageSet.imageSet.id as string;
    const cookie = editor.cookie ?? '';

    // Two uploads that finish 2-3 s after SIGTERM (within the drain), one that needs 30 s.
    const uploads = [
      slowUpload(setId, cookie, files[0] as { name: string; bytes: Buffer }, 3),
      slowUpload(setId, cookie, files[1] as { name: string; bytes: Buffer }, 4),
      slowUpload(setId, cookie, files[2] as { name: string; bytes: Buffer }, 30),
    ].map((p) =>
      p.then(
        (r) => ({ status: r.status }),
        (e: Error) => ({ status: 0, error: e.message }),
      ),
    );
    // Queries in flight must be answered; one that reached a closed port is refused, not cut.
    const queries = Array.from({ length: 20 }, () =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-twinspect-csrf': '1' },
        body: JSON.stringify({ query: '{ imageSets { totalCount } pairs { totalCount } }' }),
      }).then(
        async (r) =>
          ((await r.json()) as { data?: unknown }).data ? r.status : `no data ${r.status}`,
        (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message,
      ),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');

    const [a, b, c] = await Promise.all(uploads);
    const statuses = await Promise.all(queries);
    const code = await exited;
    expect(code, output).toBe(0);
    expect(output).toMatch(/draining requests/);
    for (const status of statuses)
      expect([200, 'ECONNREFUSED'], output.slice(-2000)).toContain(status);
    expect(a?.status).toBe(202);
    expect(b?.status).toBe(202);
    expect(c?.status, 'the 30 s upload cannot finish within the drain').not.toBe(202);

    // Stored whole and recorded; the cut-off upload left neither a row nor a file.
    const images = await prisma.image.findMany({ where: { setId } });
    expect(images.map((i) => i.originalName).sort()).toEqual(
      [files[0]?.name, files[1]?.name].sort(),
    );
    const storage = new LocalStorage(storageRoot);
    for (const image of images) {
      const original = files.find((f) => f.name === image.originalName) as { bytes: Buffer };
      expect(image.contentHash).toBe(sha(original.bytes));
      expect(sha(await storage.get(image.storageKey as string))).toBe(sha(original.bytes));
    }
    const stored: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else stored.push(e.name);
      }
    };
    walk(storageRoot);
    expect(stored.filter((name) => name.includes('.part-'))).toEqual([]);
    expect(stored).toHaveLength(2);
    const set = await prisma.imageSet.findUniqueOrThrow({ where: { id: setId } });
    expect(set.imagesTotal).toBe(2);
    // New connections are refused once it is gone.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    void seeded;
    console.log(
      `\n[FAULT] API SIGTERM: ${statuses.filter((s) => s === 200).length}/20 queries answered whole (the rest refused at the socket, never cut mid-answer), 2 uploads in flight finished (202), stored whole (sha256 checked); the upload that could not finish in the drain (${c?.status || 'connection closed'}) left no row and no file; exit code ${code}\n`,
    );
  }, 60_000);
});
