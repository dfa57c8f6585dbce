import { DEFAULT_SCREENING, DEFAULT_VERIFY_TOP_K } from '@twinspect/inference';
import type { Producer } from '@twinspect/jobs';
import type { PrismaClient } from '@twinspect/prisma';
import type { Storage } from '@twinspect/storage';
import type { Logger } from 'pino';
import type { ModelSpecCache } from './model-spec.ts';

/** What a use-case needs from the outside world; main.ts and tests build it. */
export interface WorkerDeps {
  prisma: PrismaClient;
  /** The active model's input spec per organization (ingest prepares model inputs with it). */
  modelSpecs?: ModelSpecCache;
  storage: Storage;
  producer: Producer;
  logger: Logger;
  settings: WorkerSettings;
}

/**
 * Tunables. Defaults suit a 2-core machine; tests shrink batches to make crashes land mid-batch.
 */
export interface WorkerSettings {
  /** Refuse images with more pixels than this, before decoding (IMAGE_MAX_PIXELS). */
  maxPixels: number;
  /** Per-file limit, also for each ZIP entry once decompressed (UPLOAD_MAX_BYTES). */
  maxUploadBytes: number;
  /** ZIP: at most this many entries, this many bytes in total once decompressed ... */
  zipMaxEntries: number;
  zipMaxTotalBytes: number;
  /** ... and no entry may decompress to more than this many times its compressed size. */
  zipMaxRatio: number;
  /** Longest side of the thumbnail and display renditions. */
  thumbnailSize: number;
  displaySize: number;
  /** Images per encoder call and per embedding insert. */
  embedBatchSize: number;
  /** Pair rows per INSERT. */
  pairInsertBatchSize: number;
  /** Stored besides flagged pairs: pairs at or above this score ... */
  pairFloor: number | 'threshold';
  /** ... and each image's k best partners. */
  topK: number;
  /**
   * Floor pairs kept per image at most (its best ones): bounds the rows whatever the model's
   * calibration; a figure reused more often than this is caught anyway. Every stored pair is
   * verified or screened, so this is also how deep verification looks: in a field of look-alike
   * nuclei images the model puts many above its threshold, and a copy cropped to 80 % can rank
   * 25th-60th among them (bench/end-to-end.ts: 36 of 243 planted copies never stored at 25).
   */
  maxPairsPerImage: number;
  /**
   * Geometric verification (score/verify-set.ts) of each image's this many best pairs; 0 turns
   * it off. Each image costs a keypoint extraction (~0.2 s on one core), each pair a match
   * (~0.05 s); it runs after the set is READY (score/verify-set.ts).
   */
  verifyTopK: number;
  /**
   * Worker threads for verification (opencv.js is single-threaded): keypoints and matches.
   * VERIFY_THREADS; one per core by default.
   */
  verifyThreads: number;
  /** Pairs verified at once between two writes of their results and of the set's progress. */
  verifyBatchSize: number;
  /**
   * Screening of the stored pairs verification would skip (not among an image's `verifyTopK`
   * best): a match of each image's this many strongest keypoints; a pair with at least
   * `screenMinInliers` inliers is verified too. 0 turns screening off.
   */
  screenKeypoints: number;
  screenMinInliers: number;
  /** New × archive pairs scored exactly up to this many; beyond it, ANN candidates. */
  archiveExactMaxPairs: number;
  /** ANN candidates per new image, rescored with the head. */
  archiveCandidates: number;
  /** Save the ANN index snapshot to storage after at least this many new images. */
  annSnapshotEvery: number;
  /** onnxruntime */
  executionProvider: 'cpu' | 'cuda';
  ortThreads: number;
  /** Resolves a ModelVersion.artifactDir (relative to the repository root) to a folder. */
  resolveModelDir: (artifactDir: string) => string;
}

export const DEFAULT_SETTINGS: Omit<WorkerSettings, 'resolveModelDir'> = {
  maxPixels: 268_402_689,
  maxUploadBytes: 512 * 1024 * 1024,
  zipMaxEntries: 20_000,
  zipMaxTotalBytes: 8 * 1024 * 1024 * 1024,
  zipMaxRatio: 200,
  thumbnailSize: 256,
  displaySize: 1600,
  embedBatchSize: 32,
  pairInsertBatchSize: 2_000,
  pairFloor: 'threshold',
  topK: 5,
  maxPairsPerImage: 64,
  verifyTopK: DEFAULT_VERIFY_TOP_K,
  verifyThreads: 2, // start-workers: VERIFY_THREADS, else one per core
  verifyBatchSize: 25,
  screenKeypoints: DEFAULT_SCREENING.keypoints,
  screenMinInliers: DEFAULT_SCREENING.minInliers,
  archiveExactMaxPairs: 4_000_000,
  archiveCandidates: 64,
  annSnapshotEvery: 10_000,
  executionProvider: 'cpu',
  ortThreads: 2,
};
