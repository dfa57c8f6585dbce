// npm run db:migrate — applies prisma/migrations to DATABASE_URL (creating the database if needed).
import { loadConfig } from '@twinspect/config';
import { migrate } from './migrate.ts';

const { DATABASE_URL } = loadConfig();
const result = await migrate({ databaseUrl: DATABASE_URL, log: (line) => console.log(line) });
console.log(
  `Database is up to date: ${result.applied.length} applied now, ${result.alreadyApplied.length} already applied.`,
);
