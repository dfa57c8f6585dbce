import { PrismaPg } from '@prisma/adapter-pg';
import { loadConfig } from '@twinspect/config';
import { PrismaClient } from './generated/client/client.ts';

/** The client inside `prisma.$transaction(async (tx) => ...)`. */
export type PrismaTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** A client for one database. Tests use this with their own per-run database. */
export function createPrismaClient(databaseUrl: string, options: { poolSize?: number } = {}) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  return new PrismaClient({ adapter });
}

let shared: PrismaClient | undefined;

/** The process's one client, for DATABASE_URL from the config. */
export function getPrisma(): PrismaClient {
  shared ??= createPrismaClient(loadConfig().DATABASE_URL);
  return shared;
}
