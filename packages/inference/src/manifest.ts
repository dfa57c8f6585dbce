import { z } from 'zod';
import { ZVerification } from './verify.ts';

/**
 * The model folder's manifest.json, as the training code's export writes it. Only what the
 * inference path relies on is required; everything else (metrics, training config) passes through.
 */
const ZModelFile = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  opset: z.number().int().optional(),
});

export const ZModelManifest = z.looseObject({
  name: z.string().min(1),
  version: z.string().min(1),
  files: z.object({ encoder: ZModelFile, head: ZModelFile }),
  input: z.looseObject({
    size: z.number().int().positive(),
    layout: z.literal('NCHW'),
    channel_order: z.literal('RGB'),
    mean: z.tuple([z.number(), z.number(), z.number()]),
    std: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
    preprocessing: z.record(z.string(), z.string()).optional(),
  }),
  embedding_dim: z.number().int().positive(),
  /** A pair is flagged when its score is above this. */
  threshold: z.number().min(0).max(1),
  /** Geometric verification settings, and how its inliers combine with the model's score. */
  verification: ZVerification.optional(),
  metrics: z.unknown().optional(),
  parity: z
    .looseObject({
      embedding: z.array(z.array(z.number())),
      score: z.array(z.array(z.number())),
    })
    .optional(),
});

export type TModelManifest = z.infer<typeof ZModelManifest>;
