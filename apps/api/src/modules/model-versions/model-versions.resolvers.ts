import { manifestFlagThreshold, manifestVerification } from '@twinspect/inference';
import { findActiveModelVersion } from '@twinspect/prisma';
import { z } from 'zod';
import { requireRole } from '../../access.ts';
import type { PairMetrics, Resolvers } from '../../generated/graphql.ts';
import { isPlatformAdmin, visibleRunScope } from '../training-runs/training-params.ts';
import { rescoreImageSet } from './rescore-image-set.ts';
import { setActiveModelVersion } from './set-active-model-version.ts';

/** The validation flag sensitivity calibrate.py stores in a manifest's metrics (snake_case). */
const ZFlagSensitivity = z.array(
  z
    .object({
      prevalence: z.number(),
      threshold: z.number(),
      recall: z.number(),
      false_positive_rate: z.number(),
      false_flags: z.number().int(),
      negatives: z.number().int(),
      precision_at_prevalence: z.number(),
    })
    .transform((row) => ({
      prevalence: row.prevalence,
      threshold: row.threshold,
      recall: row.recall,
      falsePositiveRate: row.false_positive_rate,
      falseFlags: row.false_flags,
      negatives: row.negatives,
      precisionAtPrevalence: row.precision_at_prevalence,
    })),
);

/** A metrics suite stored by the train worker's gate (workers/train/pair-metrics.ts). */
function pairMetrics(metrics: unknown, suite: 'heldOut' | 'standard'): PairMetrics | null {
  const value = (metrics as Record<string, unknown> | null)?.[suite] as
    | PairMetrics
    | null
    | undefined;
  return value && typeof value.accuracy === 'number' && value.roc ? value : null;
}

export const modelVersionsResolvers: Resolvers = {
  Query: {
    modelVersions: (_parent, _args, ctx) => {
      const actor = requireRole(ctx, 'ANNOTATOR');
      return ctx.prisma.modelVersion.findMany({
        where: { OR: [{ orgId: actor.orgId }, { orgId: null }] },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 200,
      });
    },
    modelVersion: (_parent, { id }, ctx) => {
      requireRole(ctx, 'ANNOTATOR');
      return ctx.loaders.modelVersion.load(id);
    },
    activeModelVersion: (_parent, _args, ctx) =>
      findActiveModelVersion(ctx.prisma, requireRole(ctx, 'ANNOTATOR').orgId),
  },
  Mutation: {
    setActiveModelVersion: async (_parent, { input }, ctx) => ({
      modelVersion: await setActiveModelVersion(ctx.prisma, requireRole(ctx, 'ADMIN'), input),
    }),
    rescoreImageSet: (_parent, { input }, ctx) =>
      rescoreImageSet(ctx, requireRole(ctx, 'EDITOR'), input),
  },
  ModelVersion: {
    isOrganizationModel: (version) => version.orgId !== null,
    parent: (version, _args, ctx) =>
      version.parentId ? ctx.loaders.modelVersion.load(version.parentId) : null,
    activatedBy: (version, _args, ctx) =>
      version.activatedById ? ctx.loaders.user.load(version.activatedById) : null,
    heldOutMetrics: (version) => pairMetrics(version.metrics, 'heldOut'),
    standardMetrics: (version) => pairMetrics(version.metrics, 'standard'),
    verifiedThreshold: (version, _args, ctx) =>
      manifestFlagThreshold(version.manifest, ctx.viewer?.active?.organization.flagPrevalence),
    flagPrevalence: (version) => manifestVerification(version.manifest)?.flagPrevalence ?? null,
    flagSensitivity: (version) => {
      const stored = (version.manifest as { metrics?: { validation_flag_sensitivity?: unknown } })
        ?.metrics?.validation_flag_sensitivity;
      const parsed = ZFlagSensitivity.safeParse(stored);
      return parsed.success ? parsed.data : [];
    },
    config: (version) =>
      (version.manifest as { training?: { config?: unknown } } | null)?.training?.config ?? null,
    // A platform version is every team's, but the platform-wide run that made it read every
    // team's images and labels: its dataset and run are for platform admins only.
    dataSnapshot: (version, _args, ctx) => {
      const actor = requireRole(ctx, 'ANNOTATOR');
      return version.orgId === null && !isPlatformAdmin(ctx.config, actor)
        ? null
        : version.dataSnapshot;
    },
    trainingRun: (version, _args, ctx) => {
      const actor = requireRole(ctx, 'ADMIN');
      return ctx.prisma.trainingRun.findFirst({
        where: { modelVersionId: version.id, ...visibleRunScope(ctx.config, actor) },
      });
    },
  },
};
