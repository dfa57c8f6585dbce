import { loadConfig } from '@twinspect/config';

/**
 * The database URL for Prisma's CLI. `prisma generate` must run without a database, so a
 * missing DATABASE_URL yields a placeholder there instead of failing.
 */
export function databaseUrlForCli(): string {
  try {
    return loadConfig().DATABASE_URL;
  } catch {
    return 'postgresql://unset@localhost:5432/unset';
  }
}
