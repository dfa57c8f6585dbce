import { describe, expect, it } from 'vitest';
import { ARGON2_PARAMS, hashPassword, passwordNeedsRehash, verifyPassword } from './passwords.ts';
import { generateToken, hashToken } from './tokens.ts';

describe('passwords', () => {
  it('hashes with argon2id and the documented parameters', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(
      new RegExp(
        `^\\$argon2id\\$v=19\\$m=${ARGON2_PARAMS.memoryCost},p=1,t=${ARGON2_PARAMS.timeCost}\\$`,
      ),
    );
    expect(await verifyPassword(hash, 'correct horse')).toBe(true);
    expect(await verifyPassword(hash, 'wrong horse')).toBe(false);
    expect(passwordNeedsRehash(hash)).toBe(false);
  });

  it('treats a malformed hash as a failed login, not an error', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});

describe('tokens', () => {
  it('generates distinct prefixed tokens and hashes them deterministically', () => {
    const a = generateToken('api');
    const b = generateToken('api');
    expect(a).toMatch(/^tsp_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
