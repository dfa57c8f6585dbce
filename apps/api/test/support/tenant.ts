import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateToken, hashPassword, hashToken } from '@twinspect/auth';
import { type ConfigInput, parseConfig } from '@twinspect/config';
import type { Role } from '@twinspect/prisma';
import { seedReviewFixture } from '@twinspect/prisma/seed';
import { buildSchema } from 'graphql';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { createApiJobs } from '../../src/jobs.ts';
import { GraphQLTestClient, startApi, TEST_PASSWORD, type TestApi } from '../helpers.ts';

// A team with one member per role and one object of every kind the API exposes, for the tests
// that walk every operation of the schema (role matrix, tenant isolation).

export const ROLES = ['ADMIN', 'EDITOR', 'ANNOTATOR'] as const satisfies readonly Role[];

/** Every Query and Mutation field of the committed schema, as `Query.pair`, `Mutation.login`. */
export function schemaOperations(): string[] {
  const schema = buildSchema(
    readFileSync(path.join(import.meta.dirname, '../../schema.graphql'), 'utf8'),
  );
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    Object.keys(type?.getFields() ?? {})
      .filter((name) => !name.startsWith('_'))
      .map((name) => `${type?.name}.${name}`),
  );
}

/**
 * startApi with queues of its own (a random Redis prefix, removed by stop): rescoring and
 * training runs the walk starts are really enqueued, but no worker of another run picks them up.
 */
export async function startApiWithOwnQueues(overrides: ConfigInput = {}) {
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    ...overrides,
  });
  const prefix = `twinspect-test-${randomBytes(4).toString('hex')}`;
  const jobs = createApiJobs(config, { prefix });
  const t = await startApi(overrides, { jobs });
  return {
    ...t,
    stop: async () => {
      await t.stop();
      await jobs.close();
      const redis = new Redis(config.REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

export async function seedTenant(t: TestApi, label: string) {
  const team = await t.freshTeam();
  const orgId = team.org.id;
  const userIds = Object.fromEntries(
    ROLES.map((role) => [role, team.users[team.email(role)]?.id ?? '']),
  ) as Record<Role, string>;
  const fixture = await seedReviewFixture(t.prisma, {
    orgId,
    adminId: userIds.ADMIN,
    editorId: userIds.EDITOR,
    annotatorId: userIds.ANNOTATOR,
    label,
  });
  const members = await t.prisma.membership.findMany({ where: { orgId } });
  const memberIds = Object.fromEntries(members.map((m) => [m.role, m.id])) as Record<Role, string>;
  const { topPair, openPair, lowPair } = fixture.pairs;
  const apiToken = await t.prisma.apiToken.create({
    data: {
      orgId,
      userId: userIds.ADMIN,
      name: `${label} token`,
      role: 'ADMIN',
      tokenHash: hashToken(generateToken('api')),
      prefix: 'tsp_seeded',
    },
  });
  const invitationToken = generateToken('invite');
  const invitation = await t.prisma.invitation.create({
    data: {
      orgId,
      email: `invitee-${label}@team.test`,
      role: 'EDITOR',
      tokenHash: hashToken(invitationToken),
      invitedById: userIds.ADMIN,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  const queuedRun = await t.prisma.trainingRun.create({
    data: { orgId, status: 'QUEUED', trigger: 'MANUAL', triggeredById: userIds.ADMIN },
  });
  const schedule = await t.prisma.trainingSchedule.create({
    data: { orgId, enabled: false, everyMinutes: 60, minNewLabels: 20, updatedById: userIds.ADMIN },
  });
  const confirmedLabel = await t.prisma.confirmedLabel.create({
    data: {
      orgId,
      pairId: topPair.id,
      imageAId: topPair.imageAId,
      imageBId: topPair.imageBId,
      label: 'SAME',
      source: 'AGREED',
    },
  });
  const ids = {
    org: orgId,
    set: fixture.set.id,
    image: fixture.images[0]?.id ?? '',
    images: fixture.images.map((image) => image.id),
    topPair: topPair.id,
    openPair: openPair.id,
    lowPair: lowPair.id,
    annotation: fixture.annotation.id,
    decision: fixture.decision.id,
    confirmedLabel: confirmedLabel.id,
    activeModel: fixture.modelVersions.active.id,
    candidateModel: fixture.modelVersions.candidate.id,
    succeededRun: fixture.trainingRun.id,
    queuedRun: queuedRun.id,
    schedule: schedule.id,
    auditEntry: fixture.auditEntry.id.toString(),
    apiToken: apiToken.id,
    invitation: invitation.id,
  };
  /** Strings that may appear in no answer given to another team: ids, emails, the team's tag. */
  const { auditEntry, ...uuids } = ids;
  const identifiers = [
    ...Object.values(uuids).flat(),
    // Audit entries have serial ids: look for the field, not the bare number.
    `"id":"${auditEntry}"`,
    ...Object.values(userIds),
    ...Object.values(memberIds),
    team.org.slug,
    label,
  ];
  let spares = 0;
  return {
    label,
    org: team.org,
    email: team.email,
    userIds,
    memberIds,
    ids,
    invitationToken,
    identifiers,
    /** A new member of this team in `role`, signed in on a client of its own. */
    spare: async (role: Role) => {
      const user = await t.prisma.user.create({
        data: {
          email: `spare-${spares++}-${label}@team.test`,
          name: 'Spare',
          passwordHash: await hashPassword(TEST_PASSWORD),
        },
      });
      await t.prisma.membership.create({ data: { orgId, userId: user.id, role } });
      const client = new GraphQLTestClient(t.url);
      await client.login(user.email, TEST_PASSWORD);
      return client;
    },
  };
}

export type Tenant = Awaited<ReturnType<typeof seedTenant>>;

/** Every row the team owns, its users and their sessions: equal before and after = untouched. */
export async function snapshotTenant(t: TestApi, tenant: Tenant) {
  const { prisma } = t;
  const orgId = tenant.org.id;
  const owned = { where: { orgId }, orderBy: { id: 'asc' as const } };
  const users = { id: { in: Object.values(tenant.userIds) } };
  const [organization, ...rows] = await Promise.all([
    prisma.organization.findUnique({ where: { id: orgId } }),
    prisma.membership.findMany(owned),
    prisma.apiToken.findMany(owned),
    prisma.invitation.findMany(owned),
    prisma.imageSet.findMany(owned),
    prisma.image.findMany(owned),
    prisma.pair.findMany(owned),
    prisma.annotation.findMany(owned),
    prisma.confirmedLabel.findMany(owned),
    prisma.decision.findMany(owned),
    prisma.modelVersion.findMany(owned),
    prisma.trainingRun.findMany(owned),
    prisma.trainingSchedule.findMany(owned),
    prisma.auditLog.findMany(owned),
    prisma.user.findMany({ where: users, orderBy: { id: 'asc' } }),
    prisma.session.findMany({ where: { userId: users.id }, orderBy: { id: 'asc' } }),
  ]);
  return { organization, rows };
}
