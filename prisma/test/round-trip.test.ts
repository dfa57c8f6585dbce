import { createTestPrisma } from '@twinspect/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, type PrismaClient } from '../src/index.ts';
import { DEMO_MEMBERS, seedDemo } from '../src/seed/index.ts';

// Proves that the SQL migrations and schema.prisma agree: every model is written and read back
// through the generated client on a freshly migrated database, and the hand-written constraints
// refuse the double work they exist to refuse.

let prisma: PrismaClient;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
});
afterAll(async () => {
  await close?.();
});

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

async function buildGraph() {
  const org = await prisma.organization.create({
    data: { name: 'Round Trip', slug: 'round-trip' },
  });
  const user = await prisma.user.create({
    data: { email: 'rt@example.test', name: 'RT', passwordHash: 'x' },
  });
  const membership = await prisma.membership.create({
    data: { orgId: org.id, userId: user.id, role: 'EDITOR' },
  });
  const session = await prisma.session.create({
    data: {
      userId: user.id,
      tokenHash: 'a'.repeat(64),
      activeOrgId: org.id,
      expiresAt: new Date(Date.now() + 1e6),
    },
  });
  const apiToken = await prisma.apiToken.create({
    data: {
      orgId: org.id,
      userId: user.id,
      name: 'ci',
      role: 'EDITOR',
      tokenHash: 'b'.repeat(64),
      prefix: 'tsp_abc',
    },
  });
  const invitation = await prisma.invitation.create({
    data: {
      orgId: org.id,
      email: 'new@example.test',
      role: 'ANNOTATOR',
      tokenHash: 'c'.repeat(64),
      invitedById: user.id,
      expiresAt: new Date(Date.now() + 1e6),
    },
  });
  const modelVersion = await prisma.modelVersion.create({
    data: {
      orgId: org.id,
      name: 'tiny-20250101-abc123',
      artifactDir: 'models/tiny-20250101-abc123',
      manifest: { embeddingDim: 4, input: { size: 96 } },
      metrics: { auc: 0.9 },
      threshold: 0.5,
      status: 'ACTIVE',
      active: true,
      dataSnapshot: { imageIds: [], hash: 'h' },
    },
  });
  const imageSet = await prisma.imageSet.create({
    data: { orgId: org.id, name: 'Case 1', createdById: user.id, imagesTotal: 2 },
  });
  const [imageA, imageB] = await Promise.all(
    [uuid(1), uuid(2)].map((id, i) =>
      prisma.image.create({
        data: {
          id,
          orgId: org.id,
          setId: imageSet.id,
          originalName: `img-${i}.tif`,
          contentHash: `${i}`.repeat(64),
          width: 512,
          height: 256,
          format: 'tiff',
          bitDepth: 16,
          channels: 1,
          pages: 1,
          status: 'READY',
          storageKey: `orig/${id}`,
        },
      }),
    ),
  );
  if (!imageA || !imageB) throw new Error('images not created');
  const vector = Buffer.from(new Float32Array([0.5, -1, 2, 0.25]).buffer);
  const embedding = await prisma.embedding.create({
    data: { orgId: org.id, imageId: imageA.id, modelVersionId: modelVersion.id, dim: 4, vector },
  });
  const pair = await prisma.pair.create({
    data: {
      orgId: org.id,
      setId: imageSet.id,
      imageAId: imageA.id,
      imageBId: imageB.id,
      modelVersionId: modelVersion.id,
      score: 0.93,
      scope: 'WITHIN_SET',
      flagged: true,
    },
  });
  const annotation = await prisma.annotation.create({
    data: {
      orgId: org.id,
      pairId: pair.id,
      annotatorId: user.id,
      label: 'SAME',
      alterations: ['ROTATION', 'CROP'],
      comment: 'rotated 90°',
    },
  });
  const confirmedLabel = await prisma.confirmedLabel.create({
    data: {
      orgId: org.id,
      pairId: pair.id,
      imageAId: imageA.id,
      imageBId: imageB.id,
      label: 'SAME',
      alterations: ['ROTATION'],
      source: 'ADJUDICATED',
      adjudicatorId: user.id,
    },
  });
  const decision = await prisma.decision.create({
    data: {
      orgId: org.id,
      pairId: pair.id,
      editorId: user.id,
      verdict: 'CONFIRMED_DUPLICATE',
      comment: 'reused panel',
    },
  });
  const trainingRun = await prisma.trainingRun.create({
    data: {
      orgId: org.id,
      trigger: 'MANUAL',
      triggeredById: user.id,
      baseModelVersionId: modelVersion.id,
      params: { epochs: 2 },
      progress: { epoch: 1, loss: 0.3 },
      log: '{"epoch":1}\n',
    },
  });
  const trainingSchedule = await prisma.trainingSchedule.create({
    data: { orgId: org.id, everyMinutes: 60, minNewLabels: 10, updatedById: user.id },
  });
  const auditLog = await prisma.auditLog.create({
    data: {
      orgId: org.id,
      actorId: user.id,
      actorEmail: user.email,
      action: 'test.write',
      targetType: 'Pair',
      targetId: pair.id,
      data: { n: 1 },
    },
  });
  return {
    org,
    user,
    membership,
    session,
    apiToken,
    invitation,
    modelVersion,
    imageSet,
    imageA,
    imageB,
    embedding,
    pair,
    annotation,
    confirmedLabel,
    decision,
    trainingRun,
    trainingSchedule,
    auditLog,
  };
}

let graph: Awaited<ReturnType<typeof buildGraph>>;

describe('schema round trip', () => {
  beforeAll(async () => {
    graph = await buildGraph();
  });

  it('writes and reads back every model through the generated client', async () => {
    const delegates: Record<Prisma.ModelName, { id: unknown } & object> = {
      Organization: graph.org,
      User: graph.user,
      Membership: graph.membership,
      Session: graph.session,
      ApiToken: graph.apiToken,
      Invitation: graph.invitation,
      ImageSet: graph.imageSet,
      Image: graph.imageA,
      Embedding: graph.embedding,
      Pair: graph.pair,
      Annotation: graph.annotation,
      ConfirmedLabel: graph.confirmedLabel,
      Decision: graph.decision,
      ModelVersion: graph.modelVersion,
      TrainingRun: graph.trainingRun,
      TrainingSchedule: graph.trainingSchedule,
      AuditLog: graph.auditLog,
    };
    expect(Object.keys(delegates).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    for (const [model, written] of Object.entries(delegates)) {
      const key = (model.charAt(0).toLowerCase() +
        model.slice(1)) as Uncapitalize<Prisma.ModelName>;
      // biome-ignore lint/suspicious/noExplicitAny: iterating delegates generically
      const read = await (prisma[key] as any).findUniqueOrThrow({ where: { id: written.id } });
      expect(read).toEqual(written);
    }
  });

  it('reads relations both ways, including composite tenant keys', async () => {
    const pair = await prisma.pair.findUniqueOrThrow({
      where: { id: graph.pair.id },
      include: {
        imageA: true,
        imageB: true,
        set: true,
        annotations: true,
        confirmedLabel: true,
        decisions: true,
        modelVersion: true,
      },
    });
    expect(pair.imageA.originalName).toBe('img-0.tif');
    expect(pair.set.name).toBe('Case 1');
    expect(pair.annotations[0]?.alterations).toEqual(['ROTATION', 'CROP']);
    expect(pair.confirmedLabel?.source).toBe('ADJUDICATED');
    expect(pair.decisions[0]?.verdict).toBe('CONFIRMED_DUPLICATE');
    const embedding = await prisma.embedding.findUniqueOrThrow({
      where: { id: graph.embedding.id },
    });
    expect(Array.from(new Float32Array(new Uint8Array(embedding.vector).buffer))).toEqual([
      0.5, -1, 2, 0.25,
    ]);
    const run = await prisma.trainingRun.findUniqueOrThrow({
      where: { id: graph.trainingRun.id },
      include: { baseModelVersion: true },
    });
    expect(run.baseModelVersion?.name).toBe(graph.modelVersion.name);
  });
});

describe('constraints that make double work impossible', () => {
  const expectRejected = (promise: Promise<unknown>, pattern: RegExp) =>
    expect(promise).rejects.toThrow(pattern);

  it('stores a pair once: ordered ids and unique per model version', async () => {
    const { org, imageSet, imageA, imageB, modelVersion } = graph;
    const base = {
      orgId: org.id,
      setId: imageSet.id,
      modelVersionId: modelVersion.id,
      score: 0.1,
      scope: 'WITHIN_SET' as const,
    };
    await expectRejected(
      prisma.pair.create({ data: { ...base, imageAId: imageB.id, imageBId: imageA.id } }),
      /Pair_imageA_lt_imageB|check/i,
    );
    await expectRejected(
      prisma.pair.create({ data: { ...base, imageAId: imageA.id, imageBId: imageB.id } }),
      /Unique constraint/i,
    );
  });

  it('allows one annotation per annotator and pair', async () => {
    const { org, pair, user } = graph;
    await expectRejected(
      prisma.annotation.create({
        data: { orgId: org.id, pairId: pair.id, annotatorId: user.id, label: 'DIFFERENT' },
      }),
      /Unique constraint/i,
    );
  });

  it('keeps one active model per organization and one run in flight', async () => {
    const { org } = graph;
    await expectRejected(
      prisma.modelVersion.create({
        data: {
          orgId: org.id,
          name: 'second',
          artifactDir: 'x',
          manifest: {},
          threshold: 0.5,
          status: 'ACTIVE',
          active: true,
        },
      }),
      /Unique constraint|ModelVersion_one_active_per_org/i,
    );
    await expectRejected(
      prisma.modelVersion.create({
        data: {
          orgId: org.id,
          name: 'third',
          artifactDir: 'x',
          manifest: {},
          threshold: 0.5,
          active: true,
        },
      }),
      /ModelVersion_active_matches_status|check/i,
    );
    await expectRejected(
      prisma.trainingRun.create({ data: { orgId: org.id, trigger: 'SCHEDULE' } }),
      /Unique constraint|TrainingRun_one_in_flight_per_org/i,
    );
  });

  it('refuses to mix organizations in one pair, image or annotation', async () => {
    const other = await prisma.organization.create({ data: { name: 'Other', slug: 'rt-other' } });
    await expectRejected(
      prisma.image.create({
        data: { orgId: other.id, setId: graph.imageSet.id, originalName: 'x.png' },
      }),
      /Foreign key/i,
    );
    await expectRejected(
      prisma.annotation.create({
        data: { orgId: other.id, pairId: graph.pair.id, annotatorId: graph.user.id, label: 'SAME' },
      }),
      /Foreign key/i,
    );
  });

  it('checks embeddings are float32 of the declared size', async () => {
    const { org, imageB, modelVersion } = graph;
    await expectRejected(
      prisma.embedding.create({
        data: {
          orgId: org.id,
          imageId: imageB.id,
          modelVersionId: modelVersion.id,
          dim: 4,
          vector: Buffer.alloc(15),
        },
      }),
      /Embedding_vector_length|check/i,
    );
  });

  it('keeps the audit log append-only', async () => {
    const { auditLog } = graph;
    await expectRejected(
      prisma.auditLog.update({ where: { id: auditLog.id }, data: { action: 'tampered' } }),
      /append-only/,
    );
    await expectRejected(prisma.auditLog.delete({ where: { id: auditLog.id } }), /append-only/);
    await expectRejected(prisma.$executeRawUnsafe('TRUNCATE "AuditLog" CASCADE'), /append-only/);
  });

  it('stores emails lower-case and one open invitation per email', async () => {
    await expectRejected(
      prisma.user.create({ data: { email: 'Mixed@Case.test', name: 'x', passwordHash: 'x' } }),
      /User_email_lowercase|check/i,
    );
    const { org, user } = graph;
    await expectRejected(
      prisma.invitation.create({
        data: {
          orgId: org.id,
          email: 'new@example.test',
          role: 'EDITOR',
          tokenHash: 'd'.repeat(64),
          invitedById: user.id,
          expiresAt: new Date(),
        },
      }),
      /Unique constraint|Invitation_open/i,
    );
  });
});

describe('seeds', () => {
  it('seeds the demo idempotently', async () => {
    await seedDemo(prisma, { password: 'demo-password' });
    const again = await seedDemo(prisma, { password: 'demo-password' });
    const members = await prisma.membership.findMany({ where: { orgId: again.demo.org.id } });
    expect(members).toHaveLength(DEMO_MEMBERS.length);
    expect(
      await prisma.organization.count({ where: { slug: { in: ['demo-lab', 'other-lab'] } } }),
    ).toBe(2);
  });
});
