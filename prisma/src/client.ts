import { PrismaPg } from '@prisma/adapter-pg';
import { loadConfig } from '@twinspect/config';
import { PrismaClient } from './generated/client/client.ts';

/** The client inside `prisma.$transaction(async (tx) => ...)`. */
export type PrismaTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * A client for one database. Tests use this with their own per-run database.
 *
 * The pool is set in the URL with Prisma's own parameters, which Prisma 7's pg adapter would
 * otherwise ignore: `connection_limit` (default 10) and `pool_timeout` (seconds to wait for a free
 * connection, default 10). An interactive transaction waits as long for its connection, instead
 * of Prisma's 2 s (P2028 "Unable to start a transaction in the given time" under load).
 */
export function createPrismaClient(databaseUrl: string, options: { poolSize?: number } = {}) {
  const pool = poolSettings(databaseUrl);
  const adapter = new PrismaPg({
    connectionString: pool.connectionString,
    max: options.poolSize ?? pool.connectionLimit ?? 10,
    connectionTimeoutMillis: pool.poolTimeoutMs,
  });
  return new PrismaClient({
    adapter,
    transactionOptions: { maxWait: pool.poolTimeoutMs },
  });
}

/** Reads (and strips, pg does not know them) `connection_limit` and `pool_timeout`. */
export function poolSettings(databaseUrl: string): {
  connectionString: string;
  connectionLimit: number | undefined;
  poolTimeoutMs: number;
} {
  const url = new URL(databaseUrl);
  const limit = url.searchParams.get('connection_limit');
  const timeout = url.searchParams.get('pool_timeout');
  url.searchParams.delete('connection_limit');
  url.searchParams.delete('pool_timeout');
  const positive = (value: string | null, name: string) => {
    if (value === null) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`DATABASE_URL: ${name} must be > 0`);
    return n;
  };
  return {
    connectionString: url.toString(),
    connectionLimit: positive(limit, 'connection_limit'),
    poolTimeoutMs: Math.round((positive(timeout, 'pool_timeout') ?? 10) * 1000),
  };
}

let shared: PrismaClient | undefined;

/** The process's one client, for DATABASE_URL from the config. */
export function getPrisma(): PrismaClient {
  shared ??= createPrismaClient(loadConfig().DATABASE_URL);
  return shared;
}
