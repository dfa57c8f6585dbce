import { seedReviewFixture } from '@twinspect/prisma/seed';
import { seedSyntheticPairs } from '@twinspect/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from './helpers.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startApi();
});
afterAll(() => t?.stop());

const QUEUE =
  'query($filter: PairFilter) { pairs(filter: $filter) { totalCount edges { node { id } } } }';
type Queue = { pairs: { totalCount: number; edges: { node: { id: string } }[] } };

describe('pair filters for the annotation queue and the triage filters', () => {
  it('filters by whether the caller labelled the pair, and by alteration seen', async () => {
    const team = await t.freshTeam();
    const id = (role: string) => team.users[team.email(role)]?.id ?? '';
    const fixture = await seedReviewFixture(t.prisma, {
      orgId: team.org.id,
      adminId: id('ADMIN'),
      editorId: id('EDITOR'),
      annotatorId: id('ANNOTATOR'),
    });
    const { topPair, openPair, lowPair } = fixture.pairs;
    const annotator = await t.as(team.email('ANNOTATOR'));
    const editor = await t.as(team.email('EDITOR'));
    const ids = async (client: typeof annotator, filter: Record<string, unknown>) => {
      const answer = await client.request<Queue>(QUEUE, { filter });
      expect(answer.errors).toEqual([]);
      return answer.data?.pairs.edges.map((edge) => edge.node.id);
    };

    // The fixture's annotator labelled topPair (SAME, ROTATION); the editor labelled nothing.
    expect(await ids(annotator, { unlabelledByMe: true })).toEqual([openPair.id, lowPair.id]);
    expect(await ids(annotator, { unlabelledByMe: false })).toEqual([topPair.id]);
    expect(await ids(editor, { unlabelledByMe: true })).toEqual([
      topPair.id,
      openPair.id,
      lowPair.id,
    ]);
    expect(await ids(editor, { alteration: 'ROTATION' })).toEqual([topPair.id]);
    expect(await ids(editor, { alteration: 'CROP' })).toEqual([]);
    expect(await ids(annotator, { unlabelledByMe: true, flagged: true })).toEqual([openPair.id]);
  });

  it('counts the queue up to 1,000 and says when more match', async () => {
    const team = await t.freshTeam();
    const id = (role: string) => team.users[team.email(role)]?.id ?? '';
    const model = await t.prisma.modelVersion.create({
      data: {
        orgId: team.org.id,
        name: 'count-model',
        artifactDir: 'none',
        manifest: {},
        threshold: 0.5,
        status: 'ACTIVE',
        active: true,
      },
    });
    // 47 images: 1,081 pairs.
    const { setId } = await seedSyntheticPairs(t.prisma, {
      orgId: team.org.id,
      createdById: id('EDITOR'),
      modelVersionId: model.id,
      images: 47,
    });
    const annotator = await t.as(team.email('ANNOTATOR'));
    const COUNT =
      'query($filter: PairFilter) { pairs(filter: $filter, first: 5) { totalCount totalCountCapped edges { node { id } } } }';
    type Count = { pairs: { totalCount: number; totalCountCapped: boolean } };
    const count = async (filter: Record<string, unknown>) => {
      const answer = await annotator.request<Count>(COUNT, { filter });
      expect(answer.errors).toEqual([]);
      return answer.data?.pairs;
    };
    expect(await count({ setId })).toMatchObject({ totalCount: 1000, totalCountCapped: true });
    const flagged = await t.prisma.pair.count({ where: { setId, flagged: true } });
    expect(flagged).toBeLessThan(1000);
    expect(await count({ setId, flagged: true })).toMatchObject({
      totalCount: flagged,
      totalCountCapped: false,
    });
    // Exactly at the cap is not "more".
    const keep = await t.prisma.pair.findMany({
      where: { setId },
      orderBy: { id: 'asc' },
      take: 1000,
      select: { id: true },
    });
    await t.prisma.pair.deleteMany({ where: { setId, id: { notIn: keep.map((p) => p.id) } } });
    expect(await count({ setId })).toMatchObject({ totalCount: 1000, totalCountCapped: false });
  });
});
