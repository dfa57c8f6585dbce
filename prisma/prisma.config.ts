// Prisma CLI configuration (Prisma 7 reads no .env itself). The URL is only needed by CLI commands
// that talk to the database (`prisma migrate deploy` where Prisma's engines can be installed);
// `prisma generate` runs without it. Offline, `npm run db:migrate` applies the same migrations.
import { defineConfig } from 'prisma/config';
import { databaseUrlForCli } from './src/cli-env.ts';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: {
    path: 'migrations',
    seed: 'tsx src/seed/cli.ts',
  },
  datasource: {
    url: databaseUrlForCli(),
  },
});
