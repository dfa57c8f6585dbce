// EXPLAIN ANALYZE of the SQL Prisma issues for the review paths the load benchmark drives (queue
// read, open pair, annotate, decide), on a database of its own holding 100,128 pairs:
//
//   npx tsx bench/load/explain-review-queries.ts [--images 448] [--annotations 20000]
//
// The use cases run for real through a Prisma client that logs its queries; each statement is
// then explained with its own parameters. Prints each statement's plan and execution time.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { type Prisma, PrismaClient } from '@twinspect/prisma';
import { seedOrganization } from '@twinspect/prisma/seed';
import { createTestDatabase, seedSyntheticPairs } from '@twinspect/testing';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
const api = (file: string) => path.join(here, '../../apps/api/src/modules', file);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const IMAGES = arg('images', 448);
const ANNOTATIONS = arg('annotations', 20_000);

const { listPairs } = (await import(
  api('pairs/list-pairs.ts')
)) as typeof import('../../apps/api/src/modules/pairs/list-pairs.ts');
const { recordAnnotation } = (await import(
  api('annotations/record-annotation.ts')
)) as typeof import('../../apps/api/src/modules/annotations/record-annotation.ts');
const { recordDecision } = (await import(
  api('decisions/record-decision.ts')
)) as typeof import('../../apps/api/src/modules/decisions/record-decision.ts');

const db = await createTestDatabase('twinspect_explain');
const logged: { query: string; params: string }[] = [];
const prisma = new PrismaClient({
  adapter: new PrismaPg({ connectionString: db.url, max: 4 }),
  log: [{ emit: 'event', level: 'query' }],
});
prisma.$on('query' as never, (e: Prisma.QueryEvent) => {
  logged.push({ query: e.query, params: e.params });
});
const raw = new pg.Client({ connectionString: db.url });
await raw.connect();

/** A scoring version for the synthetic pairs (never loaded). */
const activeModel = (orgId: string) =>
  prisma.modelVersion.create({
    data: {
      orgId,
      name: 'm',
      artifactDir: 'none',
      manifest: {},
      threshold: 0.5,
      status: 'ACTIVE',
      active: true,
    },
  });

async function explain(title: string, run: () => Promise<unknown>) {
  logged.length = 0;
  await run();
  const statements = logged.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(s.query.trim()));
  console.log(`\n=== ${title}: ${statements.length} statements`);
  for (const s of statements) {
    if (!/^\s*(SELECT|UPDATE|INSERT|DELETE|WITH)/i.test(s.query)) continue;
    const params = JSON.parse(s.params) as unknown[];
    await raw.query('BEGIN');
    try {
      const plan = await raw.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${s.query}`, params);
      const lines = plan.rows.map((r) => r['QUERY PLAN'] as string);
      const time = lines.find((l) => l.startsWith('Execution Time')) ?? '';
      console.log(`\n-- ${time}\n${s.query.slice(0, 400)}`);
      console.log(
        lines.filter((l) => !l.startsWith('Planning') && !l.startsWith('Execution')).join('\n'),
      );
    } catch (error) {
      console.log(`\n-- cannot explain (${(error as Error).message}): ${s.query.slice(0, 200)}`);
    } finally {
      await raw.query('ROLLBACK');
    }
  }
}

try {
  const seeded = await seedOrganization(prisma, {
    name: 'Explain Lab',
    slug: 'explain-lab',
    password: 'explain-password',
    members: [
      { email: 'editor@explain.test', name: 'Editor', role: 'EDITOR' },
      { email: 'annotator@explain.test', name: 'Annotator', role: 'ANNOTATOR' },
      { email: 'other@explain.test', name: 'Other', role: 'ANNOTATOR' },
    ],
  });
  const orgId = seeded.org.id;
  const users = await prisma.user.findMany({
    where: { email: { endsWith: '@explain.test' } },
    orderBy: { email: 'asc' },
  });
  const [annotator, editor, other] = users;
  if (!annotator || !editor || !other) throw new Error('seeding created no members');
  const model = await activeModel(orgId);
  const { pairs } = await seedSyntheticPairs(prisma, {
    orgId,
    createdById: editor.id,
    modelVersionId: model.id,
    images: IMAGES,
  });
  // Another organization's pairs, as many again: plans must stay within the caller's organization.
  const otherOrg = await seedOrganization(prisma, {
    name: 'Other Lab',
    slug: 'other-lab',
    password: 'explain-password',
    members: [{ email: 'editor@other.test', name: 'Editor', role: 'EDITOR' }],
  });
  const otherModel = await activeModel(otherOrg.org.id);
  await seedSyntheticPairs(prisma, {
    orgId: otherOrg.org.id,
    createdById: (await prisma.user.findUniqueOrThrow({ where: { email: 'editor@other.test' } }))
      .id,
    modelVersionId: otherModel.id,
    images: IMAGES,
  });
  // Other reviewers' work: annotations spread over the pairs, as after a busy week.
  await raw.query(
    `INSERT INTO "Annotation" ("orgId", "pairId", "annotatorId", "label", "alterations", "updatedAt")
     SELECT "orgId", id, $1::uuid, 'SAME', '{}', now() FROM "Pair" WHERE "orgId" = $3::uuid ORDER BY random() LIMIT $2`,
    [other.id, ANNOTATIONS, orgId],
  );
  await raw.query('ANALYZE');
  console.log(
    `${pairs} pairs (and as many in another organization), ${ANNOTATIONS} annotations by another reviewer`,
  );
  const actor = (user: { id: string; email: string }, role: 'ANNOTATOR' | 'EDITOR') => ({
    userId: user.id,
    email: user.email,
    orgId,
    role,
    apiTokenId: null,
    ip: null,
  });
  const pairIds = (
    await prisma.pair.findMany({ where: { orgId }, select: { id: true }, take: 10 })
  ).map((p) => p.id);

  await explain('queue read (first page, unlabelled by me, OPEN)', () =>
    listPairs(prisma, actor(annotator, 'ANNOTATOR'), {
      first: 50,
      filter: { unlabelledByMe: true, status: ['OPEN'] },
    }),
  );
  await explain('open pair (loader)', () =>
    prisma.pair.findMany({ where: { id: { in: [pairIds[0] as string] }, orgId } }),
  );
  await explain('annotate', () =>
    recordAnnotation(prisma, actor(annotator, 'ANNOTATOR'), {
      pairId: pairIds[1] as string,
      label: 'SAME',
      alterations: ['CROP'],
    }),
  );
  await explain('decide', () =>
    recordDecision(prisma, actor(editor, 'EDITOR'), {
      pairIds: [pairIds[2] as string],
      verdict: 'NEEDS_DISCUSSION',
    }),
  );
} finally {
  await raw.end();
  await prisma.$disconnect();
  await db.drop();
}
