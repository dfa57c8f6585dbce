import argon2 from 'argon2';

/**
 * argon2id with OWASP's recommended minimum (Password Storage Cheat Sheet, 2024):
 * 19 MiB of memory, 2 iterations, 1 lane. About 30-50 ms per hash on one core of a small server:
 * slow enough to make offline guessing expensive, fast enough for interactive login.
 * The parameters are stored in each hash string, so raising them later keeps old hashes valid
 * (needsRehash tells when to upgrade one at the next login).
 */
export const ARGON2_PARAMS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function passwordNeedsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, ARGON2_PARAMS);
}

/** A fixed hash to verify against when the email is unknown, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('twinspect-timing-equalizer');
  return dummyHash;
}
