import type { Role } from '@twinspect/prisma';
import { seedReviewFixture } from '@twinspect/prisma/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startApi, type TestApi } from './helpers.ts';

// Every operation, for every role (and signed out): allowed from its least role upwards,
// FORBIDDEN below it, UNAUTHENTICATED without a session.

let t: TestApi;
let team: Awaited<ReturnType<TestApi['freshTeam']>>;
let fixture: Awaited<ReturnType<typeof seedReviewFixture>>;
let memberIds: Record<string, string>;

beforeAll(async () => {
  t = await startApi();
  team = await t.freshTeam();
  const id = (role: string) => team.users[team.email(role)]?.id ?? '';
  fixture = await seedReviewFixture(t.prisma, {
    orgId: team.org.id,
    adminId: id('ADMIN'),
    editorId: id('EDITOR'),
    annotatorId: id('ANNOTATOR'),
  });
  const members = await t.prisma.membership.findMany({
    where: { orgId: team.org.id },
    include: { user: true },
  });
  memberIds = Object.fromEntries(members.map((m) => [m.role, m.id]));
});
afterAll(() => t?.stop());

interface Operation {
  name: string;
  least: Role;
  run: () =>
    | { query: string; variables?: Record<string, unknown> }
    | Promise<{ query: string; variables?: Record<string, unknown> }>;
}

let victim = 0;
const OPERATIONS: Operation[] = [
  {
    name: 'organization',
    least: 'ANNOTATOR',
    run: () => ({ query: '{ organization { name members { role } } }' }),
  },
  { name: 'imageSets', least: 'ANNOTATOR', run: () => ({ query: '{ imageSets { totalCount } }' }) },
  {
    name: 'imageSet.images',
    least: 'ANNOTATOR',
    run: () => ({
      query: 'query($id: ID!) { imageSet(id: $id) { images { totalCount } } }',
      variables: { id: fixture.set.id },
    }),
  },
  {
    name: 'pairs',
    least: 'ANNOTATOR',
    run: () => ({
      query: '{ pairs { totalCount edges { node { annotations { id } decisions { id } } } } }',
    }),
  },
  {
    name: 'modelVersions',
    least: 'ANNOTATOR',
    run: () => ({ query: '{ modelVersions { id } activeModelVersion { id } }' }),
  },
  { name: 'apiTokens', least: 'ANNOTATOR', run: () => ({ query: '{ apiTokens { id } }' }) },
  {
    name: 'createApiToken',
    least: 'ANNOTATOR',
    run: () => ({ query: 'mutation { createApiToken(input: { name: "m" }) { token } }' }),
  },
  {
    name: 'recordAnnotation',
    least: 'ANNOTATOR',
    run: () => ({
      query:
        'mutation($id: ID!) { recordAnnotation(input: { pairId: $id, label: UNSURE }) { annotation { id } } }',
      variables: { id: fixture.pairs.lowPair.id },
    }),
  },
  {
    name: 'createImageSet',
    least: 'EDITOR',
    run: () => ({
      query: 'mutation { createImageSet(input: { name: "matrix" }) { imageSet { id } } }',
    }),
  },
  {
    name: 'adjudicatePair',
    least: 'EDITOR',
    run: () => ({
      query:
        'mutation($id: ID!) { adjudicatePair(input: { pairId: $id, label: DIFFERENT }) { pair { id } } }',
      variables: { id: fixture.pairs.lowPair.id },
    }),
  },
  {
    name: 'recordDecision',
    least: 'EDITOR',
    run: () => ({
      query:
        'mutation($id: ID!) { recordDecision(input: { pairIds: [$id], verdict: NEEDS_DISCUSSION }) { decisions { id } } }',
      variables: { id: fixture.pairs.openPair.id },
    }),
  },
  { name: 'trainingRuns', least: 'ADMIN', run: () => ({ query: '{ trainingRuns { id } }' }) },
  {
    name: 'auditLog',
    least: 'ADMIN',
    run: () => ({ query: '{ auditLog { edges { node { id } } } }' }),
  },
  {
    name: 'organization.invitations',
    least: 'ADMIN',
    run: () => ({ query: '{ organization { invitations { id } } }' }),
  },
  {
    name: 'inviteMember',
    least: 'ADMIN',
    run: () => ({
      query:
        'mutation { inviteMember(input: { email: "matrix@team.test", role: ANNOTATOR }) { token } }',
    }),
  },
  {
    name: 'changeMemberRole',
    least: 'ADMIN',
    run: () => ({
      query:
        'mutation($id: ID!) { changeMemberRole(input: { memberId: $id, role: ANNOTATOR }) { member { id } } }',
      variables: { id: memberIds.ANNOTATOR },
    }),
  },
  {
    name: 'removeMember',
    least: 'ADMIN',
    run: async () => {
      const user = await t.prisma.user.create({
        data: {
          email: `victim-${victim++}-${team.org.slug}@team.test`,
          name: 'v',
          passwordHash: 'x',
        },
      });
      const member = await t.prisma.membership.create({
        data: { orgId: team.org.id, userId: user.id, role: 'ANNOTATOR' },
      });
      return {
        query: 'mutation($id: ID!) { removeMember(input: { memberId: $id }) { memberId } }',
        variables: { id: member.id },
      };
    },
  },
  {
    name: 'setActiveModelVersion',
    least: 'ADMIN',
    run: () => ({
      query:
        'mutation($id: ID!) { setActiveModelVersion(input: { modelVersionId: $id }) { modelVersion { id } } }',
      variables: { id: fixture.modelVersions.active.id },
    }),
  },
];

const RANK: Record<Role, number> = { ANNOTATOR: 1, EDITOR: 2, ADMIN: 3 };

describe('role matrix', () => {
  for (const role of ['ADMIN', 'EDITOR', 'ANNOTATOR'] as const) {
    it(`${role}: allowed from the least role up, FORBIDDEN below`, async () => {
      const client = await t.as(team.email(role));
      for (const operation of OPERATIONS) {
        const { query, variables } = await operation.run();
        const response = await client.request(query, variables);
        const expected = RANK[role] >= RANK[operation.least] ? null : 'FORBIDDEN';
        expect(
          code(response),
          `${role} → ${operation.name}: ${JSON.stringify(response.errors)}`,
        ).toBe(expected);
      }
    });
  }

  it('signed out: everything is UNAUTHENTICATED', async () => {
    const client = t.client();
    for (const operation of OPERATIONS) {
      const { query, variables } = await operation.run();
      expect(code(await client.request(query, variables)), operation.name).toBe('UNAUTHENTICATED');
    }
  });
});
