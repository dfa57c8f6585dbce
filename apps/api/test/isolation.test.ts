import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, type GraphQLTestClient, startApi, type TestApi } from './helpers.ts';

// A member of team A (Demo Lab), in every role, tries to read and change every kind of team B
// (Other Lab) object by id. Every attempt must come back empty or refused, and nothing of B may
// change.

let t: TestApi;
let bExtra: { apiToken: string; invitation: string };
beforeAll(async () => {
  t = await startApi();
  const b = t.teams.other;
  const bAdmin = await t.prisma.user.findUniqueOrThrow({ where: { email: b.emails.ADMIN } });
  const token = await t.prisma.apiToken.create({
    data: {
      orgId: b.orgId,
      userId: bAdmin.id,
      name: 'b',
      role: 'ADMIN',
      tokenHash: 'f'.repeat(64),
      prefix: 'tsp_b',
    },
  });
  const invitation = await t.prisma.invitation.create({
    data: {
      orgId: b.orgId,
      email: 'b-invitee@other.test',
      role: 'EDITOR',
      tokenHash: 'e'.repeat(64),
      invitedById: bAdmin.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  bExtra = { apiToken: token.id, invitation: invitation.id };
});
afterAll(() => t?.stop());

const ROLES = ['ADMIN', 'EDITOR', 'ANNOTATOR'] as const;

function reads() {
  const b = t.teams.other.ids;
  return [
    ['image set', 'query($id: ID!) { imageSet(id: $id) { id name } }', { id: b.set }],
    ['image', 'query($id: ID!) { image(id: $id) { id originalName } }', { id: b.image }],
    ['pair', 'query($id: ID!) { pair(id: $id) { id score } }', { id: b.pair }],
    ['annotation', 'query($id: ID!) { annotation(id: $id) { id label } }', { id: b.annotation }],
    ['decision', 'query($id: ID!) { decision(id: $id) { id verdict } }', { id: b.decision }],
    [
      'model version',
      'query($id: ID!) { modelVersion(id: $id) { id name } }',
      { id: b.activeModel },
    ],
    ['training run', 'query($id: ID!) { trainingRun(id: $id) { id log } }', { id: b.trainingRun }],
    ['member', 'query($id: ID!) { member(id: $id) { id user { email } } }', { id: b.member }],
    [
      'audit entry',
      'query($id: ID!) { auditLogEntry(id: $id) { id action } }',
      { id: b.auditEntry },
    ],
  ] as const;
}

function writes() {
  const b = t.teams.other.ids;
  return [
    [
      'annotate a pair',
      'mutation($id: ID!) { recordAnnotation(input: { pairId: $id, label: SAME }) { annotation { id } } }',
      { id: b.openPair },
    ],
    [
      'adjudicate a pair',
      'mutation($id: ID!) { adjudicatePair(input: { pairId: $id, label: SAME }) { pair { id } } }',
      { id: b.openPair },
    ],
    [
      'decide a pair',
      'mutation($id: ID!) { recordDecision(input: { pairIds: [$id], verdict: NOT_DUPLICATE }) { decisions { id } } }',
      { id: b.openPair },
    ],
    [
      'activate a model version',
      'mutation($id: ID!) { setActiveModelVersion(input: { modelVersionId: $id }) { modelVersion { id } } }',
      { id: b.candidateModel },
    ],
    [
      'change a member role',
      'mutation($id: ID!) { changeMemberRole(input: { memberId: $id, role: ANNOTATOR }) { member { id } } }',
      { id: b.member },
    ],
    [
      'remove a member',
      'mutation($id: ID!) { removeMember(input: { memberId: $id }) { memberId } }',
      { id: b.member },
    ],
    [
      'revoke an API token',
      'mutation($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { id } } }',
      { id: bExtra.apiToken },
    ],
    [
      'revoke an invitation',
      'mutation($id: ID!) { revokeInvitation(input: { id: $id }) { invitation { id } } }',
      { id: bExtra.invitation },
    ],
  ] as const;
}

async function snapshotOfB() {
  const orgId = t.teams.other.orgId;
  const [pairs, annotations, decisions, models, members, tokens, invitations, labels] =
    await Promise.all([
      t.prisma.pair.findMany({ where: { orgId }, orderBy: { id: 'asc' } }),
      t.prisma.annotation.findMany({ where: { orgId }, orderBy: { id: 'asc' } }),
      t.prisma.decision.count({ where: { orgId } }),
      t.prisma.modelVersion.findMany({ where: { orgId }, orderBy: { id: 'asc' } }),
      t.prisma.membership.findMany({ where: { orgId }, orderBy: { id: 'asc' } }),
      t.prisma.apiToken.findMany({ where: { orgId } }),
      t.prisma.invitation.findMany({ where: { orgId } }),
      t.prisma.confirmedLabel.count({ where: { orgId } }),
    ]);
  return { pairs, annotations, decisions, models, members, tokens, invitations, labels };
}

describe('team A cannot reach team B by id', () => {
  const clients = new Map<string, GraphQLTestClient>();
  beforeAll(async () => {
    for (const role of ROLES) clients.set(role, await t.as(t.teams.demo.emails[role]));
  });
  const as = (role: string) => clients.get(role) as GraphQLTestClient;

  for (const role of ROLES) {
    it(`${role}: every read of a team B object by id comes back empty or refused`, async () => {
      for (const [what, query, variables] of reads()) {
        const response = await as(role).request<Record<string, unknown>>(query, variables);
        const refused =
          response.errors.length > 0
            ? ['NOT_FOUND', 'FORBIDDEN'].includes(code(response) ?? '')
            : false;
        const empty =
          response.data !== null && Object.values(response.data).every((value) => value === null);
        expect(
          refused || empty,
          `${role} reading team B's ${what}: ${JSON.stringify(response)}`,
        ).toBe(true);
      }
    });

    it(`${role}: every change of a team B object by id is refused`, async () => {
      const before = await snapshotOfB();
      for (const [what, query, variables] of writes()) {
        const response = await as(role).request(query, variables);
        expect(
          ['NOT_FOUND', 'FORBIDDEN'],
          `${role} changing team B's ${what}: ${JSON.stringify(response.errors)}`,
        ).toContain(code(response));
        expect(response.data).toBeNull();
      }
      expect(await snapshotOfB()).toEqual(before);
    });

    it(`${role}: lists and filters never include team B`, async () => {
      const b = t.teams.other;
      const queue = await as(role).request<{ pairs: { totalCount: number } }>(
        'query($set: ID) { pairs(filter: { setId: $set }) { totalCount } }',
        { set: b.ids.set },
      );
      expect(queue.data?.pairs.totalCount).toBe(0);
      const sets = await as(role).request<{ imageSets: { edges: { node: { id: string } }[] } }>(
        '{ imageSets(first: 100) { edges { node { id } } } }',
      );
      expect(sets.data?.imageSets.edges.map((e) => e.node.id)).not.toContain(b.ids.set);
      const models = await as(role).request<{ modelVersions: { id: string }[] }>(
        '{ modelVersions { id } }',
      );
      expect(models.data?.modelVersions.map((m) => m.id)).not.toContain(b.ids.activeModel);
      if (role === 'ADMIN') {
        const audit = await as(role).request<{ auditLog: { edges: unknown[] } }>(
          'query($id: String) { auditLog(filter: { targetId: $id }) { edges { node { id } } } }',
          { id: b.ids.pair },
        );
        expect(audit.data?.auditLog.edges).toEqual([]);
      }
    });

    it(`${role}: naming team B in x-twinspect-org is refused`, async () => {
      const response = await as(role).request(
        '{ imageSets { totalCount } }',
        {},
        { headers: { 'x-twinspect-org': t.teams.other.orgId } },
      );
      expect(code(response)).toBe('FORBIDDEN');
      const bogus = await as(role).request(
        '{ imageSets { totalCount } }',
        {},
        { headers: { 'x-twinspect-org': 'not-a-uuid' } },
      );
      expect(code(bogus)).toBe('FORBIDDEN');
    });
  }
});
