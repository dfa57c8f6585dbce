import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isHeldOut } from './holdout.ts';

describe('isHeldOut', () => {
  it('is deterministic and ignores the order of the two images', () => {
    const a = randomUUID();
    const b = randomUUID();
    expect(isHeldOut(a, b, 0.2)).toBe(isHeldOut(b, a, 0.2));
    expect(isHeldOut(a, b, 0.2)).toBe(isHeldOut(a, b, 0.2));
  });

  it('holds out about the configured share, and a larger share keeps every smaller one', () => {
    const pairs = Array.from({ length: 4000 }, () => [randomUUID(), randomUUID()] as const);
    const small = pairs.filter(([a, b]) => isHeldOut(a, b, 0.1));
    const large = pairs.filter(([a, b]) => isHeldOut(a, b, 0.3));
    expect(small.length / pairs.length).toBeGreaterThan(0.07);
    expect(small.length / pairs.length).toBeLessThan(0.13);
    expect(large.length / pairs.length).toBeGreaterThan(0.26);
    for (const pair of small) expect(large).toContain(pair);
  });
});
