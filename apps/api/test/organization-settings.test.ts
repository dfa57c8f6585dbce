import { DEFAULT_VERIFICATION } from '@twinspect/inference';
import { seedSyntheticPairs } from '@twinspect/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startApi, type TestApi } from './helpers.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startApi();
});
afterAll(() => t?.stop());

const UPDATE =
  'mutation($n: Int!) { updateOrganizationSettings(input: { annotationsRequired: $n }) { organization { annotationsRequired } } }';

describe('updateOrganizationSettings', () => {
  it('lets an ADMIN set how many annotations a pair needs, audited; others are refused', async () => {
    const team = await t.freshTeam();
    const admin = await t.as(team.email('ADMIN'));
    const set = await admin.request(UPDATE, { n: 3 });
    expect(set.errors).toEqual([]);
    expect(set.data).toEqual({
      updateOrganizationSettings: { organization: { annotationsRequired: 3 } },
    });
    const audit = await t.prisma.auditLog.findFirst({
      where: { orgId: team.org.id, action: 'organization.settings' },
    });
    expect(audit?.data).toEqual({ annotationsRequired: { from: 2, to: 3 } });

    expect(code(await admin.request(UPDATE, { n: 0 }))).toBe('BAD_USER_INPUT');
    expect(code(await admin.request(UPDATE, { n: 6 }))).toBe('BAD_USER_INPUT');
    for (const role of ['EDITOR', 'ANNOTATOR']) {
      const other = await t.as(team.email(role));
      expect(code(await other.request(UPDATE, { n: 1 }))).toBe('FORBIDDEN');
    }
    const after = await t.prisma.organization.findUniqueOrThrow({ where: { id: team.org.id } });
    expect(after.annotationsRequired).toBe(3);
  });
});

const FLAGS =
  'mutation($p: Float) { updateOrganizationSettings(input: { flagPrevalence: $p }) { organization { flagPrevalence annotationsRequired } } }';
const THRESHOLD = 'query($id: ID!) { modelVersion(id: $id) { verifiedThreshold } }';

/** A team with a model calibrated to flag verified pairs above 0.97 at 2 % copies, and 190 pairs. */
async function teamWithVerifiedPairs() {
  const team = await t.freshTeam();
  const editorId = team.users[team.email('EDITOR')]?.id ?? '';
  const model = await t.prisma.modelVersion.create({
    data: {
      orgId: team.org.id,
      name: 'flag-model',
      artifactDir: 'none',
      manifest: {
        verification: {
          ...DEFAULT_VERIFICATION,
          combine: { intercept: 0, model: 1, inliers: 0, similarityInliers: 0 },
          threshold: 0.5,
          flagThreshold: 0.97,
          flagPrevalence: 0.02,
        },
      },
      threshold: 0.5,
      status: 'ACTIVE',
      active: true,
    },
  });
  const { setId } = await seedSyntheticPairs(t.prisma, {
    orgId: team.org.id,
    createdById: editorId,
    modelVersionId: model.id,
    images: 20,
  });
  await t.prisma.imageSet.update({ where: { id: setId }, data: { modelVersionId: model.id } });
  // Half the pairs were geometrically verified (flagged above 0.97); the rest keep the model's
  // own verdict (above 0.5).
  const pairs = await t.prisma.pair.findMany({ where: { setId }, orderBy: { id: 'asc' } });
  const verified = pairs.filter((_, i) => i % 2 === 0).map((p) => p.id);
  await t.prisma.$executeRaw`
    UPDATE "Pair" SET "inliers" = 20, "flagged" = "score" > 0.97 WHERE "id" = ANY(${verified}::uuid[])`;
  return { team, model, setId };
}

const flaggedIds = async (setId: string) =>
  (await t.prisma.pair.findMany({ where: { setId, flagged: true }, select: { id: true } })).map(
    (p) => p.id,
  );

describe('flag prevalence', () => {
  it("re-flags the team's verified pairs at once, keeps worked-on flags, and leaves other teams alone", async () => {
    const own = await teamWithVerifiedPairs();
    const other = await teamWithVerifiedPairs();
    const otherBefore = await flaggedIds(other.setId);
    const admin = await t.as(own.team.email('ADMIN'));
    const threshold = async () =>
      (
        await admin.request<{ modelVersion: { verifiedThreshold: number } }>(THRESHOLD, {
          id: own.model.id,
        })
      ).data?.modelVersion.verifiedThreshold ?? Number.NaN;
    const verifiedAbove = async (bound: number) =>
      (
        await t.prisma.pair.findMany({
          where: { setId: own.setId, inliers: { not: null }, score: { gt: bound } },
          select: { id: true },
          orderBy: { id: 'asc' },
        })
      ).map((p) => p.id);
    const unverified = () =>
      t.prisma.pair.findMany({
        where: { setId: own.setId, inliers: null },
        select: { id: true, flagged: true },
        orderBy: { id: 'asc' },
      });
    expect(await threshold()).toBeCloseTo(0.97, 10);
    const unverifiedBefore = await unverified();
    const at2 = await verifiedAbove(0.97);

    // 10 % copies: the threshold falls to where the odds are even at 10 % (about 0.856).
    const lowered = await admin.request(FLAGS, { p: 0.1 });
    expect(lowered.errors).toEqual([]);
    expect(lowered.data).toEqual({
      updateOrganizationSettings: { organization: { flagPrevalence: 0.1, annotationsRequired: 2 } },
    });
    const t10 = await threshold();
    expect(t10).toBeGreaterThan(0.85);
    expect(t10).toBeLessThan(0.86);
    const at10 = await verifiedAbove(t10);
    const onlyAt10 = at10.filter((id) => !at2.includes(id));
    expect(onlyAt10.length).toBeGreaterThan(1);
    const flagged = await flaggedIds(own.setId);
    expect(flagged).toEqual(expect.arrayContaining(at10));
    // Pairs that were not verified keep the model threshold's verdict.
    expect(await unverified()).toEqual(unverifiedBefore);
    const set = await t.prisma.imageSet.findUniqueOrThrow({ where: { id: own.setId } });
    expect(set.pairsFlagged).toBe(flagged.length);
    expect(await flaggedIds(other.setId)).toEqual(otherBefore);
    const audit = await t.prisma.auditLog.findFirst({
      where: { orgId: own.team.org.id, action: 'organization.settings' },
    });
    expect(audit?.data).toEqual({ flagPrevalence: { from: null, to: 0.1 } });

    // An annotator starts on one of the pairs only 10 % flags. Back to the model's own prevalence
    // unflags the others, not that one.
    const [worked = '', ...untouched] = onlyAt10;
    await t.prisma.pair.update({
      where: { id: worked },
      data: { status: 'IN_ANNOTATION', annotationCount: 1 },
    });
    const reset = await admin.request(FLAGS, { p: null });
    expect(reset.errors).toEqual([]);
    expect(await threshold()).toBeCloseTo(0.97, 10);
    const after = await flaggedIds(own.setId);
    expect(after).toContain(worked);
    for (const id of untouched) expect(after).not.toContain(id);
    expect(after).toHaveLength(flagged.length - untouched.length);
    expect(await flaggedIds(other.setId)).toEqual(otherBefore);
  });

  it("answers what each prevalence flags on the version's validation pairs, from its manifest", async () => {
    const own = await teamWithVerifiedPairs();
    const admin = await t.as(own.team.email('ADMIN'));
    const SENSITIVITY = `query($id: ID!) { modelVersion(id: $id) { flagPrevalence flagSensitivity {
      prevalence threshold recall falsePositiveRate falseFlags negatives precisionAtPrevalence } } }`;
    type Answer = { modelVersion: { flagPrevalence: number; flagSensitivity: unknown[] } };
    // Not measured (an older manifest): an empty table.
    const before = await admin.request<Answer>(SENSITIVITY, { id: own.model.id });
    expect(before.errors).toEqual([]);
    expect(before.data?.modelVersion).toEqual({ flagPrevalence: 0.02, flagSensitivity: [] });
    const row = {
      prevalence: 0.05,
      threshold: 0.9265,
      recall: 0.62,
      false_positive_rate: 0,
      false_flags: 0,
      negatives: 600,
      precision_at_prevalence: 1,
    };
    await t.prisma.modelVersion.update({
      where: { id: own.model.id },
      data: {
        manifest: {
          ...(own.model.manifest as object),
          metrics: { validation_flag_sensitivity: [row] },
        },
      },
    });
    const after = await admin.request<Answer>(SENSITIVITY, { id: own.model.id });
    expect(after.data?.modelVersion.flagSensitivity).toEqual([
      {
        prevalence: 0.05,
        threshold: 0.9265,
        recall: 0.62,
        falsePositiveRate: 0,
        falseFlags: 0,
        negatives: 600,
        precisionAtPrevalence: 1,
      },
    ]);
  });

  it('refuses a prevalence out of range and callers who are not ADMIN', async () => {
    const own = await teamWithVerifiedPairs();
    const before = await flaggedIds(own.setId);
    const admin = await t.as(own.team.email('ADMIN'));
    for (const p of [0, 0.0005, 0.5, 1])
      expect(code(await admin.request(FLAGS, { p }))).toBe('BAD_USER_INPUT');
    for (const role of ['EDITOR', 'ANNOTATOR']) {
      const caller = await t.as(own.team.email(role));
      expect(code(await caller.request(FLAGS, { p: 0.1 }))).toBe('FORBIDDEN');
    }
    const org = await t.prisma.organization.findUniqueOrThrow({ where: { id: own.team.org.id } });
    expect(org.flagPrevalence).toBeNull();
    expect(await flaggedIds(own.setId)).toEqual(before);
  });
});
