import { createHmac, timingSafeEqual } from 'node:crypto';

// Image bytes are never served by id alone. A member who may read an image gets a URL signed
// with SIGNING_SECRET for one image and one rendition that expires; the file route checks the
// signature and nothing else, so <img> tags and PDF exports work without cookies or CORS.

export const RENDITIONS = ['thumbnail', 'display', 'original'] as const;
export type Rendition = (typeof RENDITIONS)[number];

const HOUR_MS = 3_600_000;

/**
 * Expiry rounded up to the next full hour, one hour ahead at least: URLs issued within the same
 * hour are identical, so browsers can cache the bytes across page loads.
 */
export function expiryFor(now: number): number {
  return Math.ceil((now + HOUR_MS) / HOUR_MS) * (HOUR_MS / 1000);
}

const signature = (secret: string, imageId: string, rendition: Rendition, exp: number) =>
  createHmac('sha256', secret).update(`${imageId}:${rendition}:${exp}`).digest('base64url');

export function signedImagePath(
  secret: string,
  imageId: string,
  rendition: Rendition,
  now = Date.now(),
): string {
  const exp = expiryFor(now);
  return `/api/images/${imageId}/${rendition}?exp=${exp}&sig=${signature(secret, imageId, rendition, exp)}`;
}

/** True when `sig` signs (imageId, rendition, exp) and `exp` (seconds) has not passed. */
export function verifyImageSignature(
  secret: string,
  input: { imageId: string; rendition: Rendition; exp: number; sig: string },
  now = Date.now(),
): boolean {
  if (!Number.isFinite(input.exp) || input.exp * 1000 <= now) return false;
  const expected = Buffer.from(signature(secret, input.imageId, input.rendition, input.exp));
  const given = Buffer.from(input.sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
