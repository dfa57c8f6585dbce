import { createTestDatabase, type TestDatabase } from '@twinspect/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, poolSettings } from '../src/index.ts';

// The pool is sized from Prisma's URL parameters (connection_limit, pool_timeout), which the pg
// adapter would otherwise ignore; a transaction waits pool_timeout for its connection.

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('database pool settings', () => {
  it('reads connection_limit and pool_timeout and strips them from the URL pg sees', () => {
    const pool = poolSettings(
      'postgresql://u@h:5432/d?schema=public&connection_limit=24&pool_timeout=3',
    );
    expect(pool).toEqual({
      connectionString: 'postgresql://u@h:5432/d?schema=public',
      connectionLimit: 24,
      poolTimeoutMs: 3000,
    });
    expect(poolSettings('postgresql://u@h/d')).toMatchObject({
      connectionLimit: undefined,
      poolTimeoutMs: 10_000,
    });
    expect(() => poolSettings('postgresql://u@h/d?connection_limit=0')).toThrow(/connection_limit/);
  });

  it('opens at most connection_limit connections, and queued transactions wait for one', async () => {
    const url = new URL(db.url);
    url.searchParams.set('connection_limit', '2');
    const prisma = createPrismaClient(url.toString());
    try {
      // 8 transactions of 0.6 s at once on 2 connections: the last waits ~2.4 s for its connection,
      // past Prisma's default maxWait of 2 s (P2028).
      const pids = await Promise.all(
        Array.from({ length: 8 }, () =>
          prisma.$transaction(async (tx) => {
            const [row] = await tx.$queryRaw<{ pid: number }[]>`
              SELECT pg_backend_pid() AS pid, pg_sleep(0.6)::text AS slept`;
            return row?.pid;
          }),
        ),
      );
      expect(pids.every((pid) => typeof pid === 'number')).toBe(true);
      expect(new Set(pids).size).toBeLessThanOrEqual(2);
    } finally {
      await prisma.$disconnect();
    }
  });
});
