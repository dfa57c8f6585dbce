import { createPrismaClient } from '@twinspect/prisma';
import { seedDemo, seedReviewFixture } from '@twinspect/prisma/seed';
import { createTestDatabase } from '@twinspect/testing';
import type { TestProject } from 'vitest/node';

// One fresh database per test run (twinspect_test_<random>), migrated and seeded with the demo
// organizations plus a reviewed case in each, dropped at the end. Test files start their own API
// on it and create their own organizations for anything they change.

export const TEST_PASSWORD = 'correct-horse-battery';

async function seedAll(databaseUrl: string) {
  const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
  try {
    const { demo, other } = await seedDemo(prisma, { password: TEST_PASSWORD });
    const describe = async (seeded: typeof demo, label: string) => {
      const byRole = (role: string) => {
        const user = Object.values(seeded.users).find((u) => u.email.startsWith(`${role}@`));
        if (!user) throw new Error(`no ${role} in ${label}`);
        return user;
      };
      const fixture = await seedReviewFixture(prisma, {
        orgId: seeded.org.id,
        adminId: byRole('admin').id,
        editorId: byRole('editor').id,
        annotatorId: byRole('annotator').id,
        label,
      });
      const members = await prisma.membership.findMany({ where: { orgId: seeded.org.id } });
      return {
        orgId: seeded.org.id,
        emails: {
          ADMIN: byRole('admin').email,
          EDITOR: byRole('editor').email,
          ANNOTATOR: byRole('annotator').email,
        },
        ids: {
          set: fixture.set.id,
          image: fixture.images[0]?.id ?? '',
          pair: fixture.pairs.topPair.id,
          openPair: fixture.pairs.openPair.id,
          annotation: fixture.annotation.id,
          decision: fixture.decision.id,
          activeModel: fixture.modelVersions.active.id,
          candidateModel: fixture.modelVersions.candidate.id,
          trainingRun: fixture.trainingRun.id,
          auditEntry: fixture.auditEntry.id.toString(),
          member: members[0]?.id ?? '',
        },
      };
    };
    return { demo: await describe(demo, 'demo'), other: await describe(other, 'other') };
  } finally {
    await prisma.$disconnect();
  }
}

export type SeededTeams = Awaited<ReturnType<typeof seedAll>>;

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    teams: SeededTeams;
  }
}

export default async function setup(project: TestProject) {
  const db = await createTestDatabase();
  project.provide('databaseUrl', db.url);
  project.provide('teams', await seedAll(db.url));
  return () => db.drop();
}
