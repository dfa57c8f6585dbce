import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@twinspect/prisma';
import { LocalStorage, storageKeys } from '@twinspect/storage';
import type { GraphQLResponse } from '@twinspect/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedImagePath } from '../src/modules/images/signed-image-url.ts';
import { code, type GraphQLTestClient, type TestApi } from './helpers.ts';
import { OPERATIONS, type OperationEnv } from './support/operations.ts';
import {
  ROLES,
  schemaOperations,
  seedTenant,
  snapshotTenant,
  startApiWithOwnQueues,
  type Tenant,
} from './support/tenant.ts';

// [ISOLATION] Team A, in every role, calls every Query and Mutation field of schema.graphql with
// team B's real ids (B holds one object of every kind), and once more naming B in
// x-twinspect-org. Every answer must be a refusal (NOT_FOUND, FORBIDDEN, UNAUTHENTICATED) or data
// that mentions nothing of B, and B's rows, users and sessions must be unchanged afterwards.
// Then every URL route the API serves, with B's ids: A cannot fetch or upload anything of B's,
// and unsigned, expired or tampered image URLs are refused.

const REFUSALS = ['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED'];
const ORG_HEADER = 'x-twinspect-org';

let t: TestApi;
let storageRoot: string;
let a: Tenant;
let b: Tenant;
let platform: { runId: string; versionId: string };
const clients = new Map<Role, GraphQLTestClient>();
const tally = { calls: 0, refused: 0, answeredWithoutB: 0, urls: 0 };

beforeAll(async () => {
  storageRoot = mkdtempSync(path.join(tmpdir(), 'twinspect-isolation-'));
  t = await startApiWithOwnQueues({ LOGIN_RATE_LIMIT_MAX: '1000', STORAGE_ROOT: storageRoot });
  const tag = Date.now().toString(36);
  a = await seedTenant(t, `iso-a-${tag}`);
  b = await seedTenant(t, `iso-b-${tag}`);
  for (const role of ROLES) clients.set(role, await t.as(a.email(role)));
  // What a platform-wide run registers: a platform version (visible to every team) whose dataset
  // snapshot lists the images and labels of every team, B's included.
  const snapshot = {
    scope: 'platform',
    orgId: null,
    images: { count: 6, ids: [...a.ids.images, ...b.ids.images] },
    labels: { count: 1, ids: [b.ids.confirmedLabel] },
    heldOut: { count: 1, ids: [a.ids.confirmedLabel] },
  };
  const version = await t.prisma.modelVersion.create({
    data: {
      name: `platform-${tag}`,
      artifactDir: `models/platform-${tag}`,
      manifest: { embeddingDim: 4 },
      threshold: 0.5,
      dataSnapshot: snapshot,
    },
  });
  const run = await t.prisma.trainingRun.create({
    data: {
      status: 'SUCCEEDED',
      trigger: 'MANUAL',
      modelVersionId: version.id,
      dataSnapshot: snapshot,
      log: `trained on ${b.ids.images.join(' ')}`,
    },
  });
  platform = { runId: run.id, versionId: version.id };
});

afterAll(async () => {
  if (platform) {
    await t.prisma.trainingRun.delete({ where: { id: platform.runId } });
    await t.prisma.modelVersion.delete({ where: { id: platform.versionId } });
  }
  await t?.stop();
  rmSync(storageRoot, { recursive: true, force: true });
});

/** Refused with a code, or answered with nothing of B in it (data and messages alike). */
function expectNothingOfB(response: GraphQLResponse, what: string) {
  tally.calls++;
  const text = JSON.stringify({ data: response.data, errors: response.errors });
  const leaked = b.identifiers.filter((id) => text.includes(id));
  expect(leaked, `${what} answered team B's ${leaked.join(', ')}: ${text.slice(0, 500)}`).toEqual(
    [],
  );
  for (const error of response.errors) {
    expect(REFUSALS, `${what}: ${error.message}`).toContain(error.extensions?.code);
  }
  expect(response.status, what).toBeLessThan(500);
  if (response.errors.length > 0) tally.refused++;
  else tally.answeredWithoutB++;
}

describe('[ISOLATION] every operation, aimed at team B', () => {
  it('has a case for every Query and Mutation field of the schema', () => {
    const missing = schemaOperations().filter((name) => !OPERATIONS[name]);
    expect(missing, 'operations without an isolation case').toEqual([]);
  });

  for (const role of ROLES) {
    describe(role, () => {
      for (const name of schemaOperations()) {
        const operation = OPERATIONS[name];
        if (!operation) continue;
        it(name, async () => {
          const env = (headers: Record<string, string> = {}): OperationEnv => ({
            t,
            own: a,
            other: b,
            role,
            email: a.email(role),
            client: clients.get(role) as GraphQLTestClient,
            headers,
          });
          const before = await snapshotTenant(t, b);
          for (const [i, response] of ((await operation.foreign?.(env())) ?? []).entries()) {
            expectNothingOfB(response, `${role} ${name} with B's ids (#${i})`);
          }
          // Acting "in" B through the organization header: refused for every role-gated call.
          const inB = await operation.own(env({ [ORG_HEADER]: b.org.id }));
          expectNothingOfB(inB, `${role} ${name} with ${ORG_HEADER}: B`);
          if (!['PUBLIC', 'SIGNED_IN'].includes(operation.least))
            expect(code(inB)).toBe('FORBIDDEN');
          expect(await snapshotTenant(t, b), `${role} ${name} changed team B`).toEqual(before);
        });
      }
    });
  }

  it('platform versions show no team their dataset (it lists every team’s images and labels)', async () => {
    const admin = clients.get('ADMIN') as GraphQLTestClient;
    for (const query of [
      '{ modelVersions { id dataSnapshot } }',
      '{ modelVersions { id trainingRun { id log dataset { imageIds labelIds heldOutLabelIds } } } }',
    ]) {
      const response = await admin.request(query);
      expectNothingOfB(response, `ADMIN ${query}`);
      expect(JSON.stringify(response.data)).toContain(platform.versionId);
    }
  });
});

describe('[ISOLATION] every URL route the API serves, with team B’s ids', () => {
  const RENDITIONS = ['thumbnail', 'display', 'original'] as const;
  const bytes = (label: string) => Buffer.from(`RIFF-${label}-bytes`);
  const storage = () => new LocalStorage(storageRoot);
  const filesUnder = (dir: string): string[] => {
    try {
      return readdirSync(path.join(storageRoot, dir), { recursive: true }) as string[];
    } catch {
      return [];
    }
  };

  beforeAll(async () => {
    // Real files behind every rendition of one image of each team.
    for (const tenant of [a, b]) {
      const orgId = tenant.org.id;
      const id = tenant.ids.image;
      const keys = {
        thumbnailKey: storageKeys.thumbnail(orgId, id),
        displayKey: storageKeys.display(orgId, id),
        storageKey: storageKeys.original(orgId, id),
      };
      for (const key of Object.values(keys)) await storage().put(key, bytes(tenant.label));
      await t.prisma.image.update({ where: { id }, data: keys });
    }
  });

  /** The routes of the express app, so a new one cannot be added without a case here. */
  const routes = () =>
    (
      t.api.app as unknown as {
        router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
      }
    ).router.stack
      .filter((layer) => layer.route)
      .map(
        (layer) =>
          `${Object.keys(layer.route?.methods ?? {})[0]?.toUpperCase()} ${layer.route?.path}`,
      );

  const URL_CASES: Record<string, () => Promise<void>> = {
    'GET /healthz': async () => {
      const response = await fetch(`${t.url}/healthz`);
      tally.urls++;
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ status: 'ok' });
      expect(b.identifiers.filter((id) => text.includes(id))).toEqual([]);
    },

    'GET /api/images/:imageId/:rendition': async () => {
      const get = async (url: string, cookie?: string | null) => {
        tally.urls++;
        const response = await fetch(`${t.url}${url}`, cookie ? { headers: { cookie } } : {});
        return { status: response.status, text: await response.text() };
      };
      const secret = t.config.SIGNING_SECRET;
      const bImage = b.ids.image;
      // B's own member gets working URLs: the refusals below are not for want of a file.
      const bMember = await t.as(b.email('ANNOTATOR'));
      const urlsOf = async (client: GraphQLTestClient, id: string) =>
        (
          await client.request<{ image: Record<string, string> | null }>(
            'query($id: ID!) { image(id: $id) { thumbnailUrl displayUrl originalUrl } }',
            { id },
          )
        ).data?.image ?? null;
      const bUrls = await urlsOf(bMember, bImage);
      for (const rendition of RENDITIONS) {
        const ok = await get(bUrls?.[`${rendition}Url`] ?? '');
        expect(ok, `B's own ${rendition}`).toEqual({
          status: 200,
          text: bytes(b.label).toString(),
        });
      }
      for (const role of ROLES) {
        const client = clients.get(role) as GraphQLTestClient;
        // A gets no URL for any of B's images, and its own URLs do not stretch to them.
        for (const id of b.ids.images) expect(await urlsOf(client, id)).toBeNull();
        const own = await urlsOf(client, a.ids.image);
        for (const rendition of RENDITIONS) {
          const ownUrl = own?.[`${rendition}Url`] ?? '';
          expect((await get(ownUrl)).status, `A's own ${rendition}`).toBe(200);
          const swapped = ownUrl.replace(a.ids.image, bImage);
          const unsigned = `/api/images/${bImage}/${rendition}`;
          const expired = signedImagePath(secret, bImage, rendition, Date.now() - 3 * 3_600_000);
          const forged = signedImagePath(`${secret}-guess`, bImage, rendition);
          const valid = signedImagePath(secret, bImage, rendition);
          const tampered = valid.replace(
            /sig=(.)/,
            (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`,
          );
          const otherRendition = valid.replace(
            `/${rendition}?`,
            `/${RENDITIONS.find((r) => r !== rendition)}?`,
          );
          const laterExpiry = valid.replace(
            /exp=(\d+)/,
            (_m, exp: string) => `exp=${Number(exp) + 3600}`,
          );
          for (const [what, url] of Object.entries({
            swapped,
            unsigned,
            expired,
            forged,
            tampered,
            otherRendition,
            laterExpiry,
          })) {
            // With A's session cookie too: cookies authorize nothing on this route.
            const answer = await get(url, client.cookie);
            expect(answer.status, `${role} ${rendition} ${what}: ${url}`).toBe(403);
            expect(answer.text).not.toContain('RIFF');
          }
        }
      }
      // A correctly signed URL of an id that does not exist reveals nothing either.
      const ghost = '00000000-0000-4000-8000-000000000000';
      expect((await get(signedImagePath(secret, ghost, 'thumbnail'))).status).toBe(404);
    },

    'POST /api/image-sets/:setId/uploads': async () => {
      const upload = async (
        setId: string,
        cookie: string | null,
        headers: Record<string, string> = {},
      ) => {
        tally.urls++;
        const form = new FormData();
        form.append('files', new Blob([bytes('upload')], { type: 'image/png' }), 'walk.png');
        const response = await fetch(`${t.url}/api/image-sets/${setId}/uploads`, {
          method: 'POST',
          headers: { 'x-twinspect-csrf': '1', ...(cookie ? { cookie } : {}), ...headers },
          body: form,
        });
        const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
        return { status: response.status, code: body.errors?.[0]?.extensions.code ?? null };
      };
      const before = {
        images: await t.prisma.image.count({ where: { orgId: b.org.id } }),
        files: filesUnder(`uploads/${b.org.id}`),
      };
      expect(await upload(b.ids.set, null)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      for (const role of ROLES) {
        const cookie = (clients.get(role) as GraphQLTestClient).cookie;
        const expected =
          role === 'ANNOTATOR'
            ? { status: 403, code: 'FORBIDDEN' }
            : { status: 404, code: 'NOT_FOUND' };
        expect(await upload(b.ids.set, cookie), `${role} uploading into B's set`).toEqual(expected);
        expect(await upload(b.ids.set, cookie, { [ORG_HEADER]: b.org.id })).toEqual({
          status: 403,
          code: 'FORBIDDEN',
        });
      }
      expect(await t.prisma.image.count({ where: { orgId: b.org.id } })).toBe(before.images);
      expect(filesUnder(`uploads/${b.org.id}`)).toEqual(before.files);
      // The same request into A's own set is accepted: the refusals are about B.
      const editor = (clients.get('EDITOR') as GraphQLTestClient).cookie;
      expect((await upload(a.ids.set, editor)).status).toBe(202);
    },
  };

  it('has a case for every route the API serves', () => {
    const missing = routes().filter((route) => !URL_CASES[route]);
    expect(routes().length).toBeGreaterThanOrEqual(3);
    expect(missing, 'routes without an isolation case').toEqual([]);
  });

  for (const [route, run] of Object.entries(URL_CASES)) it(route, run);

  it('prints what was walked', () => {
    const operations = schemaOperations().length;
    console.log(
      `\n[ISOLATION] ${operations} operations × ${ROLES.length} roles of team A against team B's ids and org header: ${tally.calls} calls, ${tally.refused} refused with a code, ${tally.answeredWithoutB} answered with nothing of B; B unchanged after every one. ${routes().length} URL routes (+ /graphql): ${tally.urls} requests, none served or stored anything of B's\n`,
    );
  });
});
