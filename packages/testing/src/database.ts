import { randomBytes } from 'node:crypto';
import { loadConfig } from '@twinspect/config';
import { createPrismaClient, migrate, type PrismaClient } from '@twinspect/prisma';
import pg from 'pg';

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database (closing anything still connected). */
  drop(): Promise<void>;
}

/**
 * The server the test databases live on: TEST_DATABASE_URL's server if the config has one,
 * else DATABASE_URL's, else the local default (127.0.0.1:5432 as postgres, as in CI).
 */
function serverUrl(): URL {
  let base = 'postgresql://postgres@127.0.0.1:5432/postgres';
  try {
    base = loadConfig().DATABASE_URL;
  } catch {
    // No DATABASE_URL configured: the local default is what CI and a dev machine have.
  }
  const url = new URL(base);
  url.pathname = '/postgres';
  return url;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl().toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, fully migrated database for one test run: `twinspect_test_<random>`. Runs never share
 * state, and the caller drops it afterwards (vitest globalSetup teardown).
 */
export async function createTestDatabase(prefix = 'twinspect_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const url = serverUrl();
  url.pathname = `/${name}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  await migrate({ databaseUrl: url.toString() });
  return {
    name,
    url: url.toString(),
    drop: () =>
      withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => {},
      ),
  };
}

/** A migrated database and a client on it; `close` disconnects and drops. */
export async function createTestPrisma(): Promise<{
  db: TestDatabase;
  prisma: PrismaClient;
  close(): Promise<void>;
}> {
  const db = await createTestDatabase();
  const prisma = createPrismaClient(db.url, { poolSize: 4 });
  return {
    db,
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await db.drop();
    },
  };
}
