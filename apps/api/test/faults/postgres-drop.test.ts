import { createTestDatabase, seedSyntheticPairs, type TestDatabase } from '@twinspect/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLTestClient, startApi, type TestApi } from '../helpers.ts';

// [FAULT] PostgreSQL connections dropped mid-write. Reviewers record annotations and cluster
// decisions (5 pairs in one transaction) while another connection terminates the API's
// database backends every few milliseconds. Afterwards: every acknowledged write is there, no
// decision cluster or annotation is half-written (each has its pair update and audit entry),
// and the API serves again. The test has a database of its own: it kills only its backends.

const CLUSTER = 5;
const RUN_MS = 8_000;

let db: TestDatabase;
let t: TestApi;
let team: Awaited<ReturnType<TestApi['freshTeam']>>;
let setId: string;
let pairIds: string[];

beforeAll(async () => {
  db = await createTestDatabase('twinspect_fault');
  t = await startApi({ DATABASE_URL: db.url });
  team = await t.freshTeam();
  const model = await t.prisma.modelVersion.create({
    data: {
      orgId: team.org.id,
      name: 'fault-model',
      artifactDir: 'none',
      manifest: {},
      threshold: 0.5,
      status: 'ACTIVE',
      active: true,
    },
  });
  const editorId = team.users[team.email('EDITOR')]?.id as string;
  ({ setId } = await seedSyntheticPairs(t.prisma, {
    orgId: team.org.id,
    createdById: editorId,
    modelVersionId: model.id,
    images: 40,
  }));
  pairIds = (
    await t.prisma.pair.findMany({ where: { setId }, select: { id: true }, orderBy: { id: 'asc' } })
  ).map((p) => p.id);
}, 120_000);

afterAll(async () => {
  await t?.stop();
  await db?.drop();
});

describe('[FAULT] PostgreSQL connections dropped mid-write', () => {
  it('keeps every acknowledged write and half-writes none', async () => {
    const annotators = await Promise.all(
      ['ANNOTATOR', 'EDITOR', 'ADMIN'].map((role) => t.as(team.email(role))),
    );
    const editor = annotators[1] as GraphQLTestClient;
    const killer = new pg.Client({ connectionString: db.url });
    await killer.connect();
    let killed = 0;
    let running = true;
    const kill = (async () => {
      while (running) {
        const result = await killer.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
        killed += result.rowCount ?? 0;
        // Bursts: the connections die every few hundred ms, so some writes land between kills.
        await new Promise((r) => setTimeout(r, 250 + Math.random() * 500));
      }
    })();

    const acknowledged = {
      annotations: new Set<string>(),
      clusters: [] as string[][],
      failed: 0,
      codes: new Map<string, number>(),
    };
    const stopAt = Date.now() + RUN_MS;
    let next = 0;
    const annotate = async (client: GraphQLTestClient, who: number) => {
      while (Date.now() < stopAt) {
        const pairId = pairIds[(next++ * 7) % pairIds.length] as string;
        const response = await client.request<{ recordAnnotation: { annotation: { id: string } } }>(
          'mutation($id: ID!) { recordAnnotation(input: { pairId: $id, label: SAME, alterations: [CROP] }) { annotation { id } } }',
          { id: pairId },
        );
        if (response.errors.length === 0) acknowledged.annotations.add(`${pairId}/${who}`);
        else {
          acknowledged.failed++;
          const code = response.errors[0]?.extensions?.code ?? 'none';
          acknowledged.codes.set(code, (acknowledged.codes.get(code) ?? 0) + 1);
          expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|\.ts:\d+/);
        }
      }
    };
    let cluster = 0;
    const decide = async () => {
      while (Date.now() < stopAt) {
        const start = (cluster++ * CLUSTER) % (pairIds.length - CLUSTER);
        const ids = pairIds.slice(start, start + CLUSTER);
        const response = await editor.request<{ recordDecision: { decisions: { id: string }[] } }>(
          'mutation($ids: [ID!]!) { recordDecision(input: { pairIds: $ids, verdict: CONFIRMED_DUPLICATE }) { decisions { id } } }',
          { ids },
        );
        if (response.errors.length === 0)
          acknowledged.clusters.push(
            response.data?.recordDecision.decisions.map((d) => d.id) ?? [],
          );
        else acknowledged.failed++;
      }
    };
    await Promise.all([...annotators.map((c, i) => annotate(c, i)), decide(), decide()]);
    running = false;
    await kill;
    await killer.end();

    expect(killed, 'the fault was injected').toBeGreaterThan(10);
    expect(acknowledged.failed, 'some writes met a dropped connection').toBeGreaterThan(0);
    expect(acknowledged.annotations.size, 'some writes were acknowledged').toBeGreaterThan(0);

    // The API serves again once the database does.
    const after = await editor.request('{ viewer { role } }');
    expect(after.data).toEqual({ viewer: { role: 'EDITOR' } });

    // Every acknowledged annotation is stored, with its pair's count and its audit entry.
    const userIds = await Promise.all(
      ['ANNOTATOR', 'EDITOR', 'ADMIN'].map((role) => team.users[team.email(role)]?.id as string),
    );
    const annotations = await t.prisma.annotation.findMany({ where: { orgId: team.org.id } });
    const stored = new Set(annotations.map((a) => `${a.pairId}/${userIds.indexOf(a.annotatorId)}`));
    for (const key of acknowledged.annotations) expect(stored.has(key), key).toBe(true);
    const pairs = await t.prisma.pair.findMany({ where: { setId } });
    const perPair = new Map<string, number>();
    for (const a of annotations) perPair.set(a.pairId, (perPair.get(a.pairId) ?? 0) + 1);
    for (const pair of pairs) expect(pair.annotationCount, pair.id).toBe(perPair.get(pair.id) ?? 0);
    const audit = await t.prisma.auditLog.findMany({ where: { orgId: team.org.id } });
    const auditedAnnotations = new Set(
      audit
        .filter((e) => e.action === 'annotation.record')
        .map((e) => (e.data as { annotationId: string }).annotationId),
    );
    for (const a of annotations)
      expect(auditedAnnotations.has(a.id), `annotation ${a.id} audited`).toBe(true);

    // Decisions: whole clusters only, each with its audit entry and its pairs decided.
    const decisions = await t.prisma.decision.findMany({ where: { orgId: team.org.id } });
    const byCluster = new Map<string, number>();
    for (const d of decisions)
      byCluster.set(d.clusterId ?? d.id, (byCluster.get(d.clusterId ?? d.id) ?? 0) + 1);
    for (const [clusterId, size] of byCluster) expect(size, `cluster ${clusterId}`).toBe(CLUSTER);
    const storedDecisions = new Set(decisions.map((d) => d.id));
    for (const ids of acknowledged.clusters)
      for (const id of ids) expect(storedDecisions.has(id)).toBe(true);
    const auditedDecisions = new Set(
      audit
        .filter((e) => e.action === 'decision.record')
        .flatMap((e) => (e.data as { decisionIds: string[] }).decisionIds),
    );
    for (const d of decisions)
      expect(auditedDecisions.has(d.id), `decision ${d.id} audited`).toBe(true);
    const decided = new Set(decisions.map((d) => d.pairId));
    for (const pair of pairs)
      expect(pair.status === 'DECIDED', `pair ${pair.id}`).toBe(decided.has(pair.id));

    console.log(
      `\n[FAULT] PostgreSQL: ${killed} backends terminated during ${RUN_MS / 1000} s of writes; ` +
        `${acknowledged.annotations.size} annotations and ${acknowledged.clusters.length} decision clusters acknowledged, ` +
        `all stored; ${acknowledged.failed} writes refused (${[...acknowledged.codes].map(([c, n]) => `${c} ${n}`).join(', ')}); ` +
        `half-written: none (${byCluster.size} clusters of ${CLUSTER}, ${annotations.length} annotations, all audited)\n`,
    );
  }, 120_000);
});
