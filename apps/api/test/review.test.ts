import { seedReviewFixture } from '@twinspect/prisma/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startApi, type TestApi } from './helpers.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startApi();
});
afterAll(() => t?.stop());

/** A fresh team with a reviewed case, so these tests can change things freely. */
async function teamWithCase() {
  const team = await t.freshTeam();
  const id = (role: string) => team.users[team.email(role)]?.id ?? '';
  const fixture = await seedReviewFixture(t.prisma, {
    orgId: team.org.id,
    adminId: id('ADMIN'),
    editorId: id('EDITOR'),
    annotatorId: id('ANNOTATOR'),
  });
  return { team, fixture };
}

describe('image sets and images', () => {
  it('creates an empty set (EDITOR), lists sets newest first, and shows its progress', async () => {
    const { team, fixture } = await teamWithCase();
    const editor = await t.as(team.email('EDITOR'));
    const created = await editor.request<{ createImageSet: { imageSet: { id: string } } }>(
      'mutation { createImageSet(input: { name: "  Manuscript 42  ", description: "Fig. 3" }) { imageSet { id name status progress { imagesTotal pairsScored } createdBy { email } } } }',
    );
    expect(created.data).toMatchObject({
      createImageSet: {
        imageSet: {
          name: 'Manuscript 42',
          status: 'EMPTY',
          progress: { imagesTotal: 0, pairsScored: 0 },
          createdBy: { email: team.email('EDITOR') },
        },
      },
    });
    const list = await editor.request<{
      imageSets: {
        totalCount: number;
        edges: { node: { name: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(
      '{ imageSets(first: 1) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(list.data?.imageSets.totalCount).toBe(2);
    expect(list.data?.imageSets.edges.map((e) => e.node.name)).toEqual(['Manuscript 42']);
    const next = await editor.request<{
      imageSets: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean } };
    }>(
      'query($after: String) { imageSets(first: 1, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }',
      { after: list.data?.imageSets.pageInfo.endCursor },
    );
    expect(next.data?.imageSets.edges.map((e) => e.node.name)).toEqual([fixture.set.name]);
    expect(next.data?.imageSets.pageInfo.hasNextPage).toBe(false);

    const set = await editor.request(
      'query($id: ID!) { imageSet(id: $id) { status progress { imagesTotal imagesIngested pairsFlagged } modelVersion { name threshold } images(first: 2) { totalCount edges { node { originalName format width status set { id } } } } } }',
      { id: fixture.set.id },
    );
    expect(set.data).toMatchObject({
      imageSet: {
        status: 'READY',
        progress: { imagesTotal: 3, imagesIngested: 3, pairsFlagged: 2 },
        modelVersion: { threshold: 0.5 },
        images: { totalCount: 3 },
      },
    });
    const annotator = await t.as(team.email('ANNOTATOR'));
    expect(
      code(
        await annotator.request(
          'mutation { createImageSet(input: { name: "no" }) { imageSet { id } } }',
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await editor.request(
          'mutation { createImageSet(input: { name: "" }) { imageSet { id } } }',
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});

describe('pairs queue', () => {
  it('lists pairs by score, filters by status, score and set, and paginates with cursors', async () => {
    const { team, fixture } = await teamWithCase();
    const client = await t.as(team.email('ANNOTATOR'));
    const QUEUE =
      'query($filter: PairFilter, $first: Int, $after: String) { pairs(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id score status flagged imageA { id } imageB { id } modelVersion { name } } } pageInfo { hasNextPage endCursor } } }';
    type Queue = {
      pairs: {
        totalCount: number;
        edges: { node: { id: string; score: number } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const all = await client.request<Queue>(QUEUE, {});
    expect(all.data?.pairs.edges.map((e) => e.node.score)).toEqual([0.97, 0.81, 0.12]);
    const page1 = await client.request<Queue>(QUEUE, { first: 2 });
    const page2 = await client.request<Queue>(QUEUE, {
      first: 2,
      after: page1.data?.pairs.pageInfo.endCursor,
    });
    expect(page1.data?.pairs.pageInfo.hasNextPage).toBe(true);
    expect(page2.data?.pairs.edges.map((e) => e.node.score)).toEqual([0.12]);
    expect(page2.data?.pairs.pageInfo.hasNextPage).toBe(false);
    const open = await client.request<Queue>(QUEUE, {
      filter: { status: ['OPEN'], minScore: 0.5 },
    });
    expect(open.data?.pairs.edges.map((e) => e.node.id)).toEqual([fixture.pairs.openPair.id]);
    const flagged = await client.request<Queue>(QUEUE, {
      filter: { flagged: true, setId: fixture.set.id, maxScore: 0.9 },
    });
    expect(flagged.data?.pairs.totalCount).toBe(1);
    expect(code(await client.request(QUEUE, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
    expect(code(await client.request(QUEUE, { first: 5000 }))).toBe('BAD_USER_INPUT');
  });
});

describe('annotations and consensus', () => {
  const RECORD =
    'mutation($input: RecordAnnotationInput!) { recordAnnotation(input: $input) { annotation { id label alterations } pair { status annotationCount } } }';
  const VIEW =
    'query($id: ID!) { pair(id: $id) { status annotations { label annotator { email } } myAnnotation { label } confirmedLabel { label source alterations } } }';

  it("confirms agreeing labels, hides others' labels until one labels, and keeps one annotation per annotator", async () => {
    const { team, fixture } = await teamWithCase();
    const pairId = fixture.pairs.openPair.id;
    const first = await t.as(team.email('ANNOTATOR'));
    const second = await t.as(team.email('EDITOR'));
    const once = await first.request(RECORD, { input: { pairId, label: 'DIFFERENT' } });
    expect(once.data).toMatchObject({
      recordAnnotation: { pair: { status: 'IN_ANNOTATION', annotationCount: 1 } },
    });
    // Changing one's mind replaces the annotation.
    const again = await first.request(RECORD, {
      input: { pairId, label: 'SAME', alterations: ['FLIP', 'FLIP', 'CROP'], comment: 'mirrored' },
    });
    expect(again.data).toMatchObject({
      recordAnnotation: {
        annotation: { label: 'SAME', alterations: ['FLIP', 'CROP'] },
        pair: { annotationCount: 1 },
      },
    });
    const both = await second.request(RECORD, {
      input: { pairId, label: 'SAME', alterations: ['ROTATION'] },
    });
    expect(both.data).toMatchObject({
      recordAnnotation: { pair: { status: 'CONFIRMED_SAME', annotationCount: 2 } },
    });
    const seen = await first.request(VIEW, { id: pairId });
    expect(seen.data).toMatchObject({
      pair: {
        status: 'CONFIRMED_SAME',
        confirmedLabel: {
          label: 'SAME',
          source: 'AGREED',
          alterations: ['CROP', 'FLIP', 'ROTATION'],
        },
      },
    });
    expect(await t.prisma.annotation.count({ where: { pairId } })).toBe(2);

    // An annotator who has not labelled the pair sees nobody else's label.
    const other = await t.prisma.user.findUniqueOrThrow({
      where: { email: t.teams.other.emails.ANNOTATOR },
    });
    await t.prisma.membership.create({
      data: { orgId: team.org.id, userId: other.id, role: 'ANNOTATOR' },
    });
    const outsider = await t.as(t.teams.other.emails.ANNOTATOR);
    const blind = await outsider.request(
      VIEW,
      { id: pairId },
      { headers: { 'x-twinspect-org': team.org.id } },
    );
    expect(blind.data).toEqual({
      pair: { status: 'CONFIRMED_SAME', annotations: [], myAnnotation: null, confirmedLabel: null },
    });
  });

  it('sends disagreement to adjudication, which only an EDITOR can settle', async () => {
    const { team, fixture } = await teamWithCase();
    const pairId = fixture.pairs.openPair.id;
    await (await t.as(team.email('ANNOTATOR'))).request(RECORD, {
      input: { pairId, label: 'SAME' },
    });
    const split = await (await t.as(team.email('ADMIN'))).request(RECORD, {
      input: { pairId, label: 'DIFFERENT' },
    });
    expect(split.data).toMatchObject({
      recordAnnotation: { pair: { status: 'NEEDS_ADJUDICATION' } },
    });
    const ADJ =
      'mutation($input: AdjudicatePairInput!) { adjudicatePair(input: $input) { confirmedLabel { label source adjudicator { email } } pair { status } } }';
    expect(
      code(
        await (await t.as(team.email('ANNOTATOR'))).request(ADJ, {
          input: { pairId, label: 'SAME' },
        }),
      ),
    ).toBe('FORBIDDEN');
    const settled = await (await t.as(team.email('EDITOR'))).request(ADJ, {
      input: { pairId, label: 'DIFFERENT', comment: 'different cells' },
    });
    expect(settled.data).toEqual({
      adjudicatePair: {
        confirmedLabel: {
          label: 'DIFFERENT',
          source: 'ADJUDICATED',
          adjudicator: { email: team.email('EDITOR') },
        },
        pair: { status: 'CONFIRMED_DIFFERENT' },
      },
    });
  });
});

describe('decisions', () => {
  it('records a verdict on a pair or a cluster (EDITOR), all or nothing, and audits it', async () => {
    const { team, fixture } = await teamWithCase();
    const editor = await t.as(team.email('EDITOR'));
    const DECIDE =
      'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { decisions { id clusterId verdict editor { email } pair { id status verdict } } } }';
    type Decided = {
      recordDecision: { decisions: { clusterId: string | null; pair: { status: string } }[] };
    };
    const cluster = await editor.request<Decided>(DECIDE, {
      input: {
        pairIds: [fixture.pairs.openPair.id, fixture.pairs.lowPair.id],
        verdict: 'NEEDS_DISCUSSION',
        comment: 'check raw data',
      },
    });
    expect(cluster.errors).toEqual([]);
    const decisions = cluster.data?.recordDecision.decisions ?? [];
    expect(decisions).toHaveLength(2);
    expect(new Set(decisions.map((d) => d.clusterId)).size).toBe(1);
    expect(decisions.every((d) => d.pair.status === 'DECIDED')).toBe(true);
    const foreign = await editor.request(DECIDE, {
      input: {
        pairIds: [fixture.pairs.topPair.id, t.teams.other.ids.pair],
        verdict: 'NOT_DUPLICATE',
      },
    });
    expect(code(foreign)).toBe('NOT_FOUND');
    expect(await t.prisma.decision.count({ where: { pairId: fixture.pairs.topPair.id } })).toBe(1);
    const history = await editor.request(
      'query($id: ID!) { pair(id: $id) { decisions { verdict comment } } }',
      { id: fixture.pairs.openPair.id },
    );
    expect(history.data).toEqual({
      pair: { decisions: [{ verdict: 'NEEDS_DISCUSSION', comment: 'check raw data' }] },
    });
    const annotator = await t.as(team.email('ANNOTATOR'));
    expect(
      code(
        await annotator.request(DECIDE, {
          input: { pairIds: [fixture.pairs.openPair.id], verdict: 'NOT_DUPLICATE' },
        }),
      ),
    ).toBe('FORBIDDEN');
    const admin = await t.as(team.email('ADMIN'));
    const audit = await admin.request<{
      auditLog: {
        edges: { node: { action: string; targetType: string; actor: { email: string } } }[];
      };
    }>(
      '{ auditLog(filter: { action: "decision.record" }) { edges { node { action targetType actor { email } } } } }',
    );
    // Newest first: the cluster decision above, then the fixture's own entry.
    expect(audit.data?.auditLog.edges[0]?.node).toEqual({
      action: 'decision.record',
      targetType: 'Cluster',
      actor: { email: team.email('EDITOR') },
    });
  });
});

describe('model versions and training runs', () => {
  it('lists versions, and lets only an ADMIN activate or roll back one', async () => {
    const { team, fixture } = await teamWithCase();
    const admin = await t.as(team.email('ADMIN'));
    const ACTIVATE =
      'mutation($id: ID!) { setActiveModelVersion(input: { modelVersionId: $id }) { modelVersion { id active status } } }';
    const editor = await t.as(team.email('EDITOR'));
    expect(code(await editor.request(ACTIVATE, { id: fixture.modelVersions.candidate.id }))).toBe(
      'FORBIDDEN',
    );
    const swapped = await admin.request(ACTIVATE, { id: fixture.modelVersions.candidate.id });
    expect(swapped.data).toEqual({
      setActiveModelVersion: {
        modelVersion: { id: fixture.modelVersions.candidate.id, active: true, status: 'ACTIVE' },
      },
    });
    const now = await editor.request(
      '{ activeModelVersion { id parent { id } isOrganizationModel } modelVersions { id status } }',
    );
    expect(now.data).toMatchObject({
      activeModelVersion: {
        id: fixture.modelVersions.candidate.id,
        parent: { id: fixture.modelVersions.active.id },
        isOrganizationModel: true,
      },
    });
    const back = await admin.request(ACTIVATE, { id: fixture.modelVersions.active.id });
    expect(back.data).toMatchObject({ setActiveModelVersion: { modelVersion: { active: true } } });
    expect(await t.prisma.modelVersion.count({ where: { orgId: team.org.id, active: true } })).toBe(
      1,
    );
  });

  it('shows training runs to ADMINs only', async () => {
    const { team, fixture } = await teamWithCase();
    const RUNS =
      '{ trainingRuns { id status trigger triggeredBy { email } modelVersion { id } baseModelVersion { id } progress metrics } }';
    const admin = await t.as(team.email('ADMIN'));
    const runs = await admin.request(RUNS);
    expect(runs.data).toEqual({
      trainingRuns: [
        {
          id: fixture.trainingRun.id,
          status: 'SUCCEEDED',
          trigger: 'MANUAL',
          triggeredBy: { email: team.email('ADMIN') },
          modelVersion: { id: fixture.modelVersions.candidate.id },
          baseModelVersion: { id: fixture.modelVersions.active.id },
          progress: { epoch: 1, of: 1 },
          metrics: { auc: 0.9 },
        },
      ],
    });
    expect(code(await (await t.as(team.email('EDITOR'))).request(RUNS))).toBe('FORBIDDEN');
  });
});
