import { createRequire } from 'node:module';
import sharp from 'sharp';
import { z } from 'zod';
import { type DecodeOptions, decodeToRgb, type ImageInput } from './decode-image.ts';

/**
 * Geometric verification: do two images share a rigid arrangement of keypoints? The model says
 * "these look alike"; keypoints + RANSAC say "this region of one is that region of the other,
 * up to rotation, scale, crop and flip". It separates near-identical experiments (two fields of
 * the same stain) that the embedding confuses.
 *
 * Per image, once: canonical decode → grey → long side `side` px (small images scaled up) →
 * CLAHE (local contrast, so brightness and contrast edits move few keypoints) → AKAZE keypoints
 * and binary descriptors, for the image and for its mirror (descriptors are not flip-invariant).
 * Per pair: Hamming k-NN matches with Lowe's ratio test, then the inlier count of a RANSAC
 * affine fit and how close that fit is to a similarity; the better of "b as is" and "b mirrored".
 * All of it is OpenCV (opencv.js, WASM).
 */
export const ZVerification = z.object({
  method: z.literal('akaze-ransac'),
  /** Long side, in pixels, of the grey image keypoints are found on. */
  side: z.number().int().min(64).max(2048),
  claheClipLimit: z.number().positive(),
  claheTiles: z.number().int().positive(),
  /** AKAZE detector response threshold (lower finds more keypoints). */
  akazeThreshold: z.number().positive(),
  /** At most this many keypoints per image, the strongest: bounds the per-pair matching cost. */
  maxKeypoints: z.number().int().positive(),
  /** Lowe's ratio test: best match distance < ratio × second best. */
  ratio: z.number().gt(0).lt(1),
  /** RANSAC reprojection threshold, pixels at `side`. */
  ransacPx: z.number().positive(),
  /**
   * The product score of a verified pair: sigmoid(intercept + model·logit(modelScore) +
   * inliers·ln(1 + inliers) + similarityInliers·similarity·ln(1 + inliers)), fitted by logistic
   * regression on validation pairs scored through this code (training/.../calibrate.py). The
   * last term is the fit's similarity weighted by its support: a few chance inliers can fit a
   * near-similarity too. Older manifests name no similarityInliers coefficient: it counts 0.
   */
  combine: z
    .object({
      intercept: z.number(),
      model: z.number(),
      inliers: z.number(),
      similarityInliers: z.number().optional(),
    })
    .optional(),
  /** The accuracy-maximising threshold on validation pairs (40 % copies): evaluation accuracy. */
  threshold: z.number().min(0).max(1).optional(),
  /**
   * A verified pair is flagged above this combined score: where a pair is more likely a copy than
   * not when `flagPrevalence` of candidate pairs are copies (calibrate.py). Older manifests have
   * none and flag above `threshold`.
   */
  flagThreshold: z.number().min(0).max(1).optional(),
  flagPrevalence: z.number().min(0).max(1).optional(),
});
export type TVerification = z.infer<typeof ZVerification>;

/** What the product uses when a model's manifest names no verification of its own. */
export const DEFAULT_VERIFICATION: TVerification = {
  method: 'akaze-ransac',
  side: 512,
  claheClipLimit: 2,
  claheTiles: 8,
  akazeThreshold: 1e-5,
  maxKeypoints: 1000,
  ratio: 0.8,
  ransacPx: 5,
};

/** AKAZE's binary (MLDB) descriptor length. */
const DESCRIPTOR_BYTES = 61;

export interface KeypointSet {
  /** x0, y0, x1, y1, … in pixels of the resized grey image. */
  points: Float32Array;
  /** count × DESCRIPTOR_BYTES bytes. */
  descriptors: Uint8Array;
  count: number;
}

export interface ImageKeypoints {
  upright: KeypointSet;
  mirrored: KeypointSet;
}

/**
 * What verification found for one pair (the orientation with the most inliers). The product
 * score uses inliers and similarity; matches and keypoints are reported for evaluation.
 */
export interface Geometry {
  /** Matches consistent with one affine transform (RANSAC inliers). */
  inliers: number;
  /** Matches that passed the ratio test, before RANSAC. */
  matches: number;
  /**
   * Smaller over larger singular value of the fitted transform's linear part: about 1 for a
   * rotation with uniform scale (what a copy is), near 0 for the degenerate fits that chance
   * matches produce; 0 without a transform.
   */
  similarity: number;
  /** The fewer keypoints of the two images: how much evidence there could be. */
  keypoints: number;
}

const NO_TRANSFORM = { inliers: 0, similarity: 0 };

// The parts of opencv.js used here (its bundled typings omit AKAZE and CLAHE).
interface CvMat {
  rows: number;
  data: Uint8Array;
  data32F: Float32Array;
  data64F: Float64Array;
  delete(): void;
}
interface CvVector<T> {
  size(): number;
  get(i: number): T;
  delete(): void;
}
interface CvDMatch {
  queryIdx: number;
  trainIdx: number;
  distance: number;
}
interface CvKeyPoint {
  pt: { x: number; y: number };
  response: number;
}
interface OpenCv {
  Mat: new () => CvMat;
  Size: new (w: number, h: number) => unknown;
  CV_8UC1: number;
  CV_32FC2: number;
  NORM_HAMMING: number;
  RANSAC: number;
  matFromArray(rows: number, cols: number, type: number, data: ArrayLike<number>): CvMat;
  flip(src: CvMat, dst: CvMat, code: number): void;
  estimateAffine2D(
    from: CvMat,
    to: CvMat,
    inliers: CvMat,
    method: number,
    ransacReprojThreshold: number,
  ): CvMat;
  AKAZE: new () => {
    setThreshold(t: number): void;
    detectAndCompute(
      image: CvMat,
      mask: CvMat,
      keypoints: CvVector<CvKeyPoint>,
      descriptors: CvMat,
    ): void;
    delete(): void;
  };
  CLAHE: new (
    clipLimit: number,
    tiles: unknown,
  ) => {
    apply(src: CvMat, dst: CvMat): void;
    delete(): void;
  };
  KeyPointVector: new () => CvVector<CvKeyPoint>;
  DMatchVectorVector: new () => CvVector<CvVector<CvDMatch>>;
  BFMatcher: new (
    norm: number,
    crossCheck: boolean,
  ) => {
    knnMatch(query: CvMat, train: CvMat, matches: CvVector<CvVector<CvDMatch>>, k: number): void;
    delete(): void;
  };
}

let openCv: Promise<{ cv: OpenCv }> | undefined;

/**
 * opencv.js, compiled once per process (about a second) on first use. The Emscripten module is
 * itself a thenable that resolves to itself, so it is only ever handed out wrapped: a promise
 * resolved (or an async function returning) with it directly never settles.
 */
export function loadOpenCv(): Promise<{ cv: OpenCv }> {
  openCv ??= new Promise((resolve) => {
    const cv = createRequire(import.meta.url)('@techstark/opencv-js') as OpenCv & {
      onRuntimeInitialized?: () => void;
    };
    if (typeof cv.Mat === 'function') resolve({ cv });
    else cv.onRuntimeInitialized = () => resolve({ cv });
  });
  return openCv;
}

/** Frees every OpenCV object handed to `use`, whatever happens inside. */
function withMats<T>(fn: (keep: <M extends { delete(): void }>(m: M) => M) => T): T {
  const owned: { delete(): void }[] = [];
  try {
    return fn((m) => {
      owned.push(m);
      return m;
    });
  } finally {
    for (const m of owned) m.delete();
  }
}

function detect(cv: OpenCv, grey: CvMat, params: TVerification): KeypointSet {
  return withMats((keep) => {
    const clahe = keep(
      new cv.CLAHE(params.claheClipLimit, new cv.Size(params.claheTiles, params.claheTiles)),
    );
    const equalized = keep(new cv.Mat());
    clahe.apply(grey, equalized);
    const akaze = keep(new cv.AKAZE());
    akaze.setThreshold(params.akazeThreshold);
    const keypoints = keep(new cv.KeyPointVector());
    const all = keep(new cv.Mat());
    // One pass builds AKAZE's scale space; keeping the strongest afterwards costs nothing.
    akaze.detectAndCompute(equalized, keep(new cv.Mat()), keypoints, all);
    const strongest = Array.from({ length: keypoints.size() }, (_, i) => i)
      .map((i) => ({ i, kp: keypoints.get(i) }))
      .sort((x, y) => y.kp.response - x.kp.response || x.i - y.i)
      .slice(0, params.maxKeypoints);
    const count = strongest.length;
    const points = new Float32Array(count * 2);
    const descriptors = new Uint8Array(count * DESCRIPTOR_BYTES);
    strongest.forEach(({ i, kp }, k) => {
      points[2 * k] = kp.pt.x;
      points[2 * k + 1] = kp.pt.y;
      descriptors.set(
        all.data.subarray(i * DESCRIPTOR_BYTES, (i + 1) * DESCRIPTOR_BYTES),
        k * DESCRIPTOR_BYTES,
      );
    });
    return { points, descriptors, count };
  });
}

/**
 * The `n` strongest keypoints of an image and of its mirror (keypoints are kept strongest first):
 * a cheap screening match, about (n / maxKeypoints)² of a full one.
 */
export function strongestKeypoints(k: ImageKeypoints, n: number): ImageKeypoints {
  const cut = (set: KeypointSet): KeypointSet => {
    const count = Math.min(n, set.count);
    return {
      points: set.points.slice(0, 2 * count),
      descriptors: set.descriptors.slice(0, count * DESCRIPTOR_BYTES),
      count,
    };
  };
  return { upright: cut(k.upright), mirrored: cut(k.mirrored) };
}

/** The keypoints of one image and of its mirror image, as verification compares them. */
export async function extractKeypoints(
  input: ImageInput,
  params: TVerification = DEFAULT_VERIFICATION,
  options: DecodeOptions = {},
): Promise<ImageKeypoints> {
  const rgb = await decodeToRgb(input, options);
  const { data, info } = await sharp(rgb.data, {
    raw: { width: rgb.width, height: rgb.height, channels: 3 },
  })
    .greyscale()
    .resize(params.side, params.side, { fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { cv } = await loadOpenCv();
  return withMats((keep) => {
    const grey = keep(cv.matFromArray(info.height, info.width, cv.CV_8UC1, data));
    const mirror = keep(new cv.Mat());
    cv.flip(grey, mirror, 1);
    return { upright: detect(cv, grey, params), mirrored: detect(cv, mirror, params) };
  });
}

function fit(
  cv: OpenCv,
  a: KeypointSet,
  b: KeypointSet,
  params: TVerification,
): Omit<Geometry, 'keypoints'> {
  if (a.count < 3 || b.count < 3) return { ...NO_TRANSFORM, matches: 0 };
  return withMats((keep) => {
    const da = keep(cv.matFromArray(a.count, DESCRIPTOR_BYTES, cv.CV_8UC1, a.descriptors));
    const db = keep(cv.matFromArray(b.count, DESCRIPTOR_BYTES, cv.CV_8UC1, b.descriptors));
    const matcher = keep(new cv.BFMatcher(cv.NORM_HAMMING, false));
    const knn = keep(new cv.DMatchVectorVector());
    matcher.knnMatch(da, db, knn, 2);
    const from: number[] = [];
    const to: number[] = [];
    for (let i = 0; i < knn.size(); i++) {
      const pair = knn.get(i);
      if (pair.size() === 2) {
        const best = pair.get(0);
        if (best.distance < params.ratio * pair.get(1).distance) {
          from.push(
            a.points[2 * best.queryIdx] as number,
            a.points[2 * best.queryIdx + 1] as number,
          );
          to.push(b.points[2 * best.trainIdx] as number, b.points[2 * best.trainIdx + 1] as number);
        }
      }
      pair.delete();
    }
    const matches = from.length / 2;
    if (matches < 3) return { ...NO_TRANSFORM, matches };
    const mask = keep(new cv.Mat());
    const transform = keep(
      cv.estimateAffine2D(
        keep(cv.matFromArray(matches, 1, cv.CV_32FC2, from)),
        keep(cv.matFromArray(to.length / 2, 1, cv.CV_32FC2, to)),
        mask,
        cv.RANSAC,
        params.ransacPx,
      ),
    );
    if (transform.rows === 0) return { ...NO_TRANSFORM, matches };
    let inliers = 0;
    for (const flag of mask.data) if (flag) inliers++;
    const [m00, m01, , m10, m11] = transform.data64F;
    return { inliers, matches, similarity: singularValueRatio(m00, m01, m10, m11) };
  });
}

/** σ_min / σ_max of [[a, b], [c, d]] (0 for the zero matrix). */
function singularValueRatio(a = 0, b = 0, c = 0, d = 0): number {
  const sum = a * a + b * b + c * c + d * d;
  const det = Math.abs(a * d - b * c);
  const spread = Math.sqrt(Math.max(0, sum * sum - 4 * det * det));
  const large = Math.sqrt((sum + spread) / 2);
  return large > 0 ? det / (large * large) : 0;
}

/**
 * How many keypoints of `a` land, by one affine transform, on matching keypoints of `b` (or of
 * `b` mirrored), with the evidence around that count. Exactly reproducible (OpenCV's RANSAC is
 * seeded).
 */
export async function verifyPair(
  a: ImageKeypoints,
  b: ImageKeypoints,
  params: TVerification = DEFAULT_VERIFICATION,
): Promise<Geometry> {
  const { cv } = await loadOpenCv();
  const upright = fit(cv, a.upright, b.upright, params);
  const mirrored = fit(cv, a.upright, b.mirrored, params);
  const best = mirrored.inliers > upright.inliers ? mirrored : upright;
  return { ...best, keypoints: Math.min(a.upright.count, b.upright.count) };
}

/** The product score of a verified pair (see `ZVerification.combine`). */
export function combinedScore(
  modelScore: number,
  geometry: Pick<Geometry, 'inliers' | 'similarity'>,
  combine: NonNullable<TVerification['combine']>,
): number {
  const p = Math.min(Math.max(modelScore, 1e-6), 1 - 1e-6);
  const z =
    combine.intercept +
    combine.model * Math.log(p / (1 - p)) +
    combine.inliers * Math.log1p(geometry.inliers) +
    (combine.similarityInliers ?? 0) * geometry.similarity * Math.log1p(geometry.inliers);
  return 1 / (1 + Math.exp(-z));
}
