import { generateToken, hashToken } from '@twinspect/auth';
import type { Role } from '@twinspect/prisma';
import type { GraphQLResponse } from '@twinspect/testing';
import { GraphQLTestClient, TEST_PASSWORD, type TestApi } from '../helpers.ts';
import type { Tenant } from './tenant.ts';

// One case per Query and Mutation field of the schema, shared by the role matrix and the tenant
// isolation walk. `own` is a call on the caller's own team that every role from `least` up may
// make; `foreign` aims the operation at the other team's objects by id. The two suites check
// that this table names every field of schema.graphql, so a new operation needs a case here.

/** PUBLIC: anyone, signed in or not. SIGNED_IN: any signed-in user, whatever their role. */
export type Least = 'PUBLIC' | 'SIGNED_IN' | Role;

export interface OperationEnv {
  t: TestApi;
  /** The caller's team. */
  own: Tenant;
  /** The team the caller must not reach (the isolation walk; the role matrix passes its own). */
  other: Tenant;
  /** null: signed out. */
  role: Role | null;
  email: string | null;
  client: GraphQLTestClient;
  /** Sent with every request of the call: the walk names the other team in x-twinspect-org. */
  headers: Record<string, string>;
}

export interface OperationCase {
  least: Least;
  own(env: OperationEnv): Promise<GraphQLResponse>;
  /** Absent when the operation takes no id: it can only act on the caller's own team. */
  foreign?(env: OperationEnv): Promise<GraphQLResponse[]>;
}

const gql = (env: OperationEnv, query: string, variables?: Record<string, unknown>) =>
  env.client.request(query, variables, { headers: env.headers });

/** A client carrying the caller's session, for calls that replace the cookie they answer to. */
function copyOf(env: OperationEnv): GraphQLTestClient {
  const copy = new GraphQLTestClient(env.t.url);
  copy.cookie = env.client.cookie;
  return copy;
}

/** A new session of the caller's (or none when signed out), for calls that end it. */
async function freshSession(env: OperationEnv): Promise<GraphQLTestClient> {
  const client = new GraphQLTestClient(env.t.url);
  if (env.email) await client.login(env.email, TEST_PASSWORD);
  return client;
}

let serial = 0;
const unique = () => `${Date.now().toString(36)}-${serial++}`;

async function newInvitation(env: OperationEnv) {
  const token = generateToken('invite');
  const invitation = await env.t.prisma.invitation.create({
    data: {
      orgId: env.own.org.id,
      email: `joiner-${unique()}@team.test`,
      role: 'ANNOTATOR',
      tokenHash: hashToken(token),
      invitedById: env.own.userIds.ADMIN,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return { token, id: invitation.id };
}

/** An id-taking field read with the caller's and with the other team's id. */
function readById(
  least: Role,
  field: string,
  selection: string,
  pick: (tenant: Tenant) => string[],
): OperationCase {
  const query = `query($id: ID!) { ${field}(id: $id) { ${selection} } }`;
  return {
    least,
    own: (env) => gql(env, query, { id: pick(env.own)[0] }),
    foreign: (env) => Promise.all(pick(env.other).map((id) => gql(env, query, { id }))),
  };
}

/** A field without arguments whose answer must hold the caller's team only. */
function list(least: Least, query: string, ...variants: string[]): OperationCase {
  return {
    least,
    own: (env) => gql(env, query),
    foreign: (env) => Promise.all([query, ...variants].map((q) => gql(env, q))),
  };
}

/** A mutation on one object by id: the caller's own object, and the other team's. */
function mutateById(
  least: Least,
  mutation: string,
  ownId: (env: OperationEnv) => string | Promise<string>,
  foreignIds: (other: Tenant) => string[],
): OperationCase {
  return {
    least,
    own: async (env) => gql(env, mutation, { id: await ownId(env) }),
    foreign: (env) => Promise.all(foreignIds(env.other).map((id) => gql(env, mutation, { id }))),
  };
}

const DECIDE =
  'mutation($ids: [ID!]!) { recordDecision(input: { pairIds: $ids, verdict: NEEDS_DISCUSSION }) { decisions { id } } }';

export const OPERATIONS: Record<string, OperationCase> = {
  // ── Queries ────────────────────────────────────────────────────────────────────────────────
  'Query.activeModelVersion': list('ANNOTATOR', '{ activeModelVersion { id name } }'),
  'Query.annotation': readById('ANNOTATOR', 'annotation', 'id label pair { id }', (x) => [
    x.ids.annotation,
  ]),
  'Query.apiTokens': list('ANNOTATOR', '{ apiTokens { id name prefix owner { id email } } }'),
  'Query.auditLog': {
    least: 'ADMIN',
    own: (env) => gql(env, '{ auditLog(first: 100) { edges { node { id targetId data } } } }'),
    foreign: (env) => {
      const query =
        'query($filter: AuditLogFilter) { auditLog(first: 100, filter: $filter) { edges { node { id targetId actorEmail data } } } }';
      return Promise.all([
        gql(env, query),
        gql(env, query, { filter: { targetId: env.other.ids.topPair } }),
        gql(env, query, { filter: { actorId: env.other.userIds.EDITOR } }),
      ]);
    },
  },
  'Query.auditLogEntry': readById('ADMIN', 'auditLogEntry', 'id action targetId', (x) => [
    x.ids.auditEntry,
  ]),
  'Query.decision': readById('ANNOTATOR', 'decision', 'id verdict pair { id }', (x) => [
    x.ids.decision,
  ]),
  'Query.health': list('PUBLIC', '{ health }'),
  'Query.image': readById(
    'ANNOTATOR',
    'image',
    'id originalName thumbnailUrl displayUrl originalUrl',
    (x) => x.ids.images,
  ),
  'Query.imageSet': readById('ANNOTATOR', 'imageSet', 'id name images { totalCount }', (x) => [
    x.ids.set,
  ]),
  'Query.imageSets': list(
    'ANNOTATOR',
    '{ imageSets(first: 100) { totalCount edges { node { id name } } } }',
  ),
  'Query.invitation': {
    least: 'PUBLIC',
    own: (env) =>
      gql(env, 'query($token: String!) { invitation(token: $token) { organizationName } }', {
        token: env.own.invitationToken,
      }),
    // The link token is the key (an invitee has no account yet); guessing the id finds nothing.
    foreign: (env) =>
      Promise.all(
        [env.other.ids.invitation, generateToken('invite')].map((token) =>
          gql(env, 'query($token: String!) { invitation(token: $token) { email } }', { token }),
        ),
      ),
  },
  'Query.member': readById('ANNOTATOR', 'member', 'id role user { email }', (x) => [
    x.memberIds.ANNOTATOR,
    x.memberIds.ADMIN,
  ]),
  'Query.modelVersion': readById('ANNOTATOR', 'modelVersion', 'id name manifest', (x) => [
    x.ids.activeModel,
    x.ids.candidateModel,
  ]),
  'Query.modelVersions': list(
    'ANNOTATOR',
    '{ modelVersions { id name } }',
    // Platform versions are every team's: what they were trained on must not show other teams.
    '{ modelVersions { id dataSnapshot manifest } }',
    '{ modelVersions { id trainingRun { id log dataset { imageIds labelIds heldOutLabelIds } } } }',
  ),
  'Query.organization': list(
    'ANNOTATOR',
    '{ organization { id name slug members { id user { id email } } } }',
  ),
  'Query.pair': readById('ANNOTATOR', 'pair', 'id score imageA { id } imageB { id }', (x) => [
    x.ids.topPair,
    x.ids.openPair,
  ]),
  'Query.pairs': {
    least: 'ANNOTATOR',
    own: (env) => gql(env, '{ pairs { totalCount } }'),
    foreign: (env) => {
      const query =
        'query($filter: PairFilter) { pairs(first: 100, filter: $filter) { totalCount edges { node { id set { id } } } } }';
      return Promise.all([
        gql(env, query),
        gql(env, query, { filter: { setId: env.other.ids.set } }),
      ]);
    },
  },
  'Query.trainingLabelStats': list(
    'ADMIN',
    '{ trainingLabelStats { confirmed sinceLastRun annotators { annotator { id email } } } }',
  ),
  'Query.trainingRun': readById('ADMIN', 'trainingRun', 'id status log', (x) => [
    x.ids.succeededRun,
    x.ids.queuedRun,
  ]),
  'Query.trainingRuns': list('ADMIN', '{ trainingRuns(first: 100) { id } }'),
  'Query.trainingSchedule': list(
    'ADMIN',
    '{ trainingSchedule { minNewLabels updatedBy { id email } } }',
  ),
  'Query.viewer': list(
    'PUBLIC',
    '{ viewer { user { id } role activeOrganization { id } memberships { organization { id name } } } }',
  ),

  // ── Mutations ──────────────────────────────────────────────────────────────────────────────
  'Mutation.acceptInvitation': {
    least: 'PUBLIC',
    // On a copy of the caller's client: accepting starts the invitee's session in its place.
    own: async (env) => {
      const { token } = await newInvitation(env);
      return copyOf(env).request(
        'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { id role } } }',
        { input: { token, name: 'Joiner', password: TEST_PASSWORD } },
        { headers: env.headers },
      );
    },
    foreign: (env) =>
      Promise.all(
        [env.other.ids.invitation, generateToken('invite')].map((token) =>
          copyOf(env).request(
            'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { id } } }',
            { input: { token, name: 'Guesser', password: TEST_PASSWORD } },
            { headers: env.headers },
          ),
        ),
      ),
  },
  'Mutation.adjudicatePair': mutateById(
    'EDITOR',
    'mutation($id: ID!) { adjudicatePair(input: { pairId: $id, label: DIFFERENT }) { pair { id status } } }',
    (env) => env.own.ids.lowPair,
    (other) => [other.ids.openPair, other.ids.lowPair],
  ),
  'Mutation.cancelTrainingRun': mutateById(
    'ADMIN',
    'mutation($id: ID!) { cancelTrainingRun(input: { trainingRunId: $id }) { trainingRun { id status } } }',
    // One run in flight per team: the one queued, else a new one.
    async (env) => {
      const orgId = env.own.org.id;
      const queued = await env.t.prisma.trainingRun.findFirst({
        where: { orgId, status: 'QUEUED' },
      });
      return (
        queued ??
        (await env.t.prisma.trainingRun.create({
          data: { orgId, status: 'QUEUED', trigger: 'MANUAL' },
        }))
      ).id;
    },
    (other) => [other.ids.queuedRun, other.ids.succeededRun],
  ),
  'Mutation.changeMemberRole': mutateById(
    'ADMIN',
    'mutation($id: ID!) { changeMemberRole(input: { memberId: $id, role: ANNOTATOR }) { member { id role } } }',
    (env) => env.own.memberIds.ANNOTATOR,
    (other) => [other.memberIds.EDITOR, other.memberIds.ADMIN],
  ),
  'Mutation.changePassword': {
    least: 'SIGNED_IN',
    // A spare member: a password change ends every session of its user.
    own: async (env) => {
      const client = env.role ? await env.own.spare(env.role) : new GraphQLTestClient(env.t.url);
      return client.request(
        'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { viewer { user { id } } } }',
        { input: { currentPassword: TEST_PASSWORD, newPassword: 'another-long-password' } },
        { headers: env.headers },
      );
    },
  },
  'Mutation.createApiToken': {
    least: 'ANNOTATOR',
    own: (env) =>
      gql(env, 'mutation { createApiToken(input: { name: "walk" }) { apiToken { id role } } }'),
  },
  'Mutation.createImageSet': {
    least: 'EDITOR',
    own: (env) =>
      gql(env, 'mutation { createImageSet(input: { name: "walk" }) { imageSet { id } } }'),
  },
  'Mutation.createOrganization': {
    least: 'SIGNED_IN',
    own: (env) =>
      gql(
        env,
        'mutation { createOrganization(input: { name: "Walk org" }) { organization { id } } }',
      ),
  },
  'Mutation.inviteMember': {
    least: 'ADMIN',
    own: (env) =>
      gql(
        env,
        'mutation($email: String!) { inviteMember(input: { email: $email, role: ANNOTATOR }) { invitation { id } } }',
        { email: `walk-${unique()}@team.test` },
      ),
  },
  'Mutation.login': {
    least: 'PUBLIC',
    own: (env) =>
      new GraphQLTestClient(env.t.url).request(
        'mutation($input: LoginInput!) { login(input: $input) { viewer { user { id } } } }',
        { input: { email: env.email ?? env.own.email('ADMIN'), password: TEST_PASSWORD } },
        { headers: env.headers },
      ),
    // The other team's accounts by email with a guessed password.
    foreign: (env) =>
      Promise.all(
        (['ADMIN', 'EDITOR'] as const).map((role) =>
          copyOf(env).request(
            'mutation($input: LoginInput!) { login(input: $input) { viewer { user { id } } } }',
            { input: { email: env.other.email(role), password: 'guessed-password-1' } },
            { headers: env.headers },
          ),
        ),
      ),
  },
  'Mutation.logout': {
    least: 'PUBLIC',
    own: async (env) =>
      (await freshSession(env)).request('mutation { logout { ok } }', undefined, {
        headers: env.headers,
      }),
  },
  'Mutation.recordAnnotation': mutateById(
    'ANNOTATOR',
    'mutation($id: ID!) { recordAnnotation(input: { pairId: $id, label: UNSURE }) { annotation { id } } }',
    (env) => env.own.ids.lowPair,
    (other) => [other.ids.openPair, other.ids.topPair],
  ),
  'Mutation.recordDecision': {
    least: 'EDITOR',
    own: (env) => gql(env, DECIDE, { ids: [env.own.ids.openPair] }),
    // Also a cluster mixing an own pair with one of the other team: refused whole.
    foreign: (env) =>
      Promise.all([
        gql(env, DECIDE, { ids: [env.other.ids.openPair] }),
        gql(env, DECIDE, { ids: [env.own.ids.lowPair, env.other.ids.lowPair] }),
      ]),
  },
  'Mutation.removeMember': mutateById(
    'ADMIN',
    'mutation($id: ID!) { removeMember(input: { memberId: $id }) { memberId } }',
    async (env) => {
      const user = await env.t.prisma.user.create({
        data: { email: `victim-${unique()}@team.test`, name: 'Victim', passwordHash: 'x' },
      });
      const member = await env.t.prisma.membership.create({
        data: { orgId: env.own.org.id, userId: user.id, role: 'ANNOTATOR' },
      });
      return member.id;
    },
    (other) => [other.memberIds.ANNOTATOR, other.memberIds.ADMIN],
  ),
  'Mutation.rescoreImageSet': mutateById(
    'EDITOR',
    'mutation($id: ID!) { rescoreImageSet(input: { imageSetId: $id }) { imageSet { id } } }',
    (env) => env.own.ids.set,
    (other) => [other.ids.set],
  ),
  'Mutation.revokeApiToken': mutateById(
    'ANNOTATOR',
    'mutation($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { id revokedAt } } }',
    async (env) => {
      const owner = env.role ? env.own.userIds[env.role] : env.own.userIds.ADMIN;
      const token = await env.t.prisma.apiToken.create({
        data: {
          orgId: env.own.org.id,
          userId: owner,
          name: 'to revoke',
          role: env.role ?? 'ADMIN',
          tokenHash: hashToken(generateToken('api')),
          prefix: 'tsp_revoke',
        },
      });
      return token.id;
    },
    (other) => [other.ids.apiToken],
  ),
  'Mutation.revokeInvitation': mutateById(
    'ADMIN',
    'mutation($id: ID!) { revokeInvitation(input: { id: $id }) { invitation { id revokedAt } } }',
    async (env) => (await newInvitation(env)).id,
    (other) => [other.ids.invitation],
  ),
  'Mutation.setActiveModelVersion': mutateById(
    'ADMIN',
    'mutation($id: ID!) { setActiveModelVersion(input: { modelVersionId: $id }) { modelVersion { id } } }',
    (env) => env.own.ids.activeModel,
    (other) => [other.ids.candidateModel, other.ids.activeModel],
  ),
  'Mutation.setTrainingSchedule': {
    least: 'ADMIN',
    own: (env) =>
      gql(
        env,
        'mutation { setTrainingSchedule(input: { enabled: false, everyMinutes: 60, minNewLabels: 25 }) { trainingSchedule { minNewLabels } } }',
      ),
  },
  'Mutation.startTrainingRun': {
    least: 'ADMIN',
    own: async (env) => {
      // One run at a time per team: end the queued ones first.
      await env.t.prisma.trainingRun.updateMany({
        where: { orgId: env.own.org.id, status: { in: ['QUEUED', 'RUNNING'] } },
        data: { status: 'CANCELLED', finishedAt: new Date() },
      });
      return gql(env, 'mutation { startTrainingRun(input: {}) { trainingRun { id } } }');
    },
    // A platform-wide run would train on every team's data: platform admins only.
    foreign: async (env) => [
      await gql(
        env,
        'mutation { startTrainingRun(input: { platformWide: true }) { trainingRun { id } } }',
      ),
    ],
  },
  // Needs a session, not a role: any signed-in user may choose among their teams.
  'Mutation.switchOrganization': mutateById(
    'SIGNED_IN',
    'mutation($id: ID!) { switchOrganization(input: { organizationId: $id }) { viewer { activeOrganization { id } } } }',
    (env) => env.own.org.id,
    (other) => [other.org.id],
  ),
  'Mutation.updateOrganizationSettings': {
    least: 'ADMIN',
    own: (env) =>
      gql(
        env,
        'mutation { updateOrganizationSettings(input: { annotationsRequired: 2 }) { organization { annotationsRequired } } }',
      ),
  },
};
