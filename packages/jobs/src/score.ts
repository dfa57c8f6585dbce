import { z } from 'zod';

/**
 * `score` jobs: embed a set's READY images with a model version, score its pairs within the set
 * and against the organization's archive, store the pairs worth reviewing.
 */
export const ZScoreSetJob = z.object({
  orgId: z.uuid(),
  setId: z.uuid(),
  /** Default: the organization's active model version when the job runs. */
  modelVersionId: z.uuid().optional(),
  /**
   * Distinguishes re-scoring after more images arrived (the count of images the set had when
   * the job was enqueued), so it gets its own job id.
   */
  generation: z.number().int().nonnegative(),
});

export type TScoreSetJob = z.infer<typeof ZScoreSetJob>;

export interface TScoreSetResult {
  setId: string;
  /** Set when the job did nothing because more images were still being ingested. */
  skipped?: 'still-ingesting';
  modelVersionId: string;
  imagesEmbedded: number;
  pairsScored: number;
  pairsStored: number;
  pairsFlagged: number;
  archive: { images: number; method: 'none' | 'exact' | 'ann' };
}

export const scoreJobId = (job: TScoreSetJob): string =>
  `score-${job.setId}-${job.modelVersionId ?? 'active'}-${job.generation}`;

/**
 * `verify` jobs: geometric verification of a scored set's best candidate pairs, queued by the
 * score job once the set is READY. The set's pairs are visible (model score, model flags) at once;
 * this job replaces the verified ones' score and flag, and keeps `pairsVerified` current.
 */
export const ZVerifySetJob = z.object({
  orgId: z.uuid(),
  setId: z.uuid(),
  modelVersionId: z.uuid(),
  /** The score job's generation: a re-score verifies again. */
  generation: z.number().int().nonnegative(),
});

export type TVerifySetJob = z.infer<typeof ZVerifySetJob>;

export interface TVerifySetResult {
  setId: string;
  pairsVerified: number;
  pairsFlagged: number;
}

export const verifyJobId = (job: TVerifySetJob): string =>
  `verify-${job.setId}-${job.modelVersionId}-${job.generation}`;
