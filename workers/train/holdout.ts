import { createHash } from 'node:crypto';

/**
 * The fixed held-out split of confirmed labels that the promotion gate judges on and no run ever
 * trains on. It is decided by a hash of the unordered image pair (not the Pair row's id): the same
 * two images scored again by a newer model get a new Pair row, and must stay on the same side.
 */
export function isHeldOut(imageAId: string, imageBId: string, fraction: number): boolean {
  const [a, b] = imageAId < imageBId ? [imageAId, imageBId] : [imageBId, imageAId];
  const digest = createHash('sha256').update(`holdout:${a}:${b}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < fraction;
}
