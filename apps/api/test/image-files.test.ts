import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalStorage, storageKeys } from '@twinspect/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expiryFor,
  signedImagePath,
  verifyImageSignature,
} from '../src/modules/images/signed-image-url.ts';
import { startApi, type TestApi } from './helpers.ts';

const SECRET = 'test-signing-secret-0123456789-abcdef';
const IMAGE_ID = '3f0c8d1e-5b6a-4c7d-8e9f-0a1b2c3d4e5f';

describe('signed image URLs', () => {
  it('verifies its own signature until the expiry, and nothing tampered', () => {
    const now = Date.UTC(2026, 0, 1, 10, 30);
    const url = new URL(signedImagePath(SECRET, IMAGE_ID, 'thumbnail', now), 'http://x');
    const exp = Number(url.searchParams.get('exp'));
    const sig = url.searchParams.get('sig') ?? '';
    expect(exp).toBe(expiryFor(now));
    expect(exp * 1000 - now).toBeGreaterThanOrEqual(3_600_000);
    expect(
      verifyImageSignature(SECRET, { imageId: IMAGE_ID, rendition: 'thumbnail', exp, sig }, now),
    ).toBe(true);
    expect(
      verifyImageSignature(SECRET, { imageId: IMAGE_ID, rendition: 'original', exp, sig }, now),
    ).toBe(false);
    expect(
      verifyImageSignature(
        SECRET,
        { imageId: IMAGE_ID, rendition: 'thumbnail', exp: exp + 1, sig },
        now,
      ),
    ).toBe(false);
    expect(
      verifyImageSignature(
        `${SECRET}x`,
        { imageId: IMAGE_ID, rendition: 'thumbnail', exp, sig },
        now,
      ),
    ).toBe(false);
    expect(
      verifyImageSignature(
        SECRET,
        { imageId: IMAGE_ID, rendition: 'thumbnail', exp, sig },
        exp * 1000 + 1,
      ),
    ).toBe(false);
  });

  it('gives the same URL within an hour, so browsers can cache it', () => {
    const now = Date.UTC(2026, 0, 1, 10, 5);
    expect(signedImagePath(SECRET, IMAGE_ID, 'display', now)).toBe(
      signedImagePath(SECRET, IMAGE_ID, 'display', now + 20 * 60_000),
    );
  });
});

describe('GET /api/images/:id/:rendition', () => {
  let t: TestApi;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'twinspect-image-files-'));
    t = await startApi({ STORAGE_ROOT: root });
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves a member the rendition behind a signed URL, and refuses everything else', async () => {
    const { orgId, ids } = t.teams.demo;
    const key = storageKeys.thumbnail(orgId, ids.image);
    await new LocalStorage(root).put(key, Buffer.from('RIFF-webp-bytes'));
    await t.prisma.image.update({ where: { id: ids.image }, data: { thumbnailKey: key } });

    const annotator = await t.as(t.teams.demo.emails.ANNOTATOR);
    const query = 'query($id: ID!) { image(id: $id) { thumbnailUrl displayUrl originalUrl } }';
    const answer = await annotator.request<{
      image: { thumbnailUrl: string; displayUrl: string | null; originalUrl: string | null };
    }>(query, { id: ids.image });
    const thumbnailUrl = answer.data?.image.thumbnailUrl ?? '';
    expect(thumbnailUrl).toMatch(/^\/api\/images\/[0-9a-f-]+\/thumbnail\?exp=\d+&sig=/);
    expect(answer.data?.image.displayUrl).toBeNull();

    const ok = await fetch(`${t.url}${thumbnailUrl}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/webp');
    expect(await ok.text()).toBe('RIFF-webp-bytes');

    const tampered = await fetch(`${t.url}${thumbnailUrl.replace('/thumbnail?', '/display?')}`);
    expect(tampered.status).toBe(403);
    const unsigned = await fetch(`${t.url}/api/images/${ids.image}/thumbnail`);
    expect(unsigned.status).toBe(403);

    // Another team cannot obtain a URL for this image at all.
    const outsider = await t.as(t.teams.other.emails.EDITOR);
    const denied = await outsider.request<{ image: unknown }>(query, { id: ids.image });
    expect(denied.data?.image ?? null).toBeNull();
  });
});
