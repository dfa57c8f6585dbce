import { randomBytes } from 'node:crypto';
import { type ConfigInput, parseConfig } from '@twinspect/config';
import { createPrismaClient } from '@twinspect/prisma';
import { seedOrganization } from '@twinspect/prisma/seed';
import { GraphQLTestClient } from '@twinspect/testing';
import { inject } from 'vitest';
import { buildApi } from '../src/app.ts';
import type { ApiJobs } from '../src/jobs.ts';
import { TEST_PASSWORD } from './global-setup.ts';

export { GraphQLTestClient, TEST_PASSWORD };
export const code = GraphQLTestClient.code;

/** Starts the real API over HTTP on a free port, against this run's test database. */
export async function startApi(overrides: ConfigInput = {}, options: { jobs?: ApiJobs } = {}) {
  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: inject('databaseUrl'),
    WEB_ORIGIN: 'http://web.test',
    ...overrides,
  });
  const prisma = createPrismaClient(config.DATABASE_URL, { poolSize: 5 });
  const api = await buildApi({ config, prisma, ...options });
  const url = await api.listen(0, '127.0.0.1');
  return {
    url,
    api,
    prisma,
    config,
    teams: inject('teams'),
    client: () => new GraphQLTestClient(url),
    /** A client signed in as this email (seeded users share TEST_PASSWORD). */
    as: async (email: string, password = TEST_PASSWORD) => {
      const client = new GraphQLTestClient(url);
      await client.login(email, password);
      return client;
    },
    /** A fresh organization with one member per role, for tests that change things. */
    freshTeam: async () => {
      const tag = randomBytes(4).toString('hex');
      const seeded = await seedOrganization(prisma, {
        name: `Team ${tag}`,
        slug: `team-${tag}`,
        password: TEST_PASSWORD,
        members: (['ADMIN', 'EDITOR', 'ANNOTATOR'] as const).map((role) => ({
          email: `${role.toLowerCase()}-${tag}@team.test`,
          name: `${role} ${tag}`,
          role,
        })),
      });
      const email = (role: string) => `${role.toLowerCase()}-${tag}@team.test`;
      return { org: seeded.org, users: seeded.users, email };
    },
    stop: async () => {
      await api.stop();
      await prisma.$disconnect();
    },
  };
}

export type TestApi = Awaited<ReturnType<typeof startApi>>;
