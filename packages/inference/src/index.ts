export { type FilePair, scoreAlignedPairs, verifyAlignedPairs } from './aligned-pairs.ts';
export {
  ACCEPTED_FORMATS,
  DEFAULT_MAX_PIXELS,
  type DecodeOptions,
  decodeToRgb,
  type ImageInput,
  probeImage,
  type RgbImage,
  type SourceInfo,
} from './decode-image.ts';
export { type EmbedOptions, embed } from './embed.ts';
export { type EmbedImagesOptions, type EmbedImagesResult, embedImages } from './embed-images.ts';
export {
  type Embeddings,
  embeddings,
  fromBytes,
  row,
  sliceRows,
  stack,
  toBytes,
} from './embeddings.ts';
export { InferenceError, type InferenceErrorCode, isInferenceError } from './errors.ts';
export { findDefaultModelDir, listModelDirs } from './find-model.ts';
export { IMAGE_EXTENSIONS, isImagePath, listImages } from './list-images.ts';
export {
  type ExecutionProvider,
  type LoadModelOptions,
  loadModel,
  type Model,
  readManifest,
} from './load-model.ts';
export { type TModelManifest, ZModelManifest } from './manifest.ts';
export { parityInput } from './parity.ts';
export { resizeBilinearLikePil } from './pil-resize.ts';
export {
  DEFAULT_MAX_PAIRS_PER_CALL,
  type ScoreBlockOptions,
  scoreBlock,
  tileShape,
} from './score-block.ts';
export {
  type ScorePairsOptions,
  type ScorePairsResult,
  scoreAcross,
  scoreWithinSet,
} from './score-pairs.ts';
export {
  type PairSelectionOptions,
  PairSelector,
  type SelectedPair,
} from './select-pairs.ts';
export {
  decodeToModelInput,
  type InputSpec,
  normalizeForModel,
  resizeForModel,
  rgbToModelInput,
} from './to-model-input.ts';
export {
  combinedScore,
  DEFAULT_VERIFICATION,
  extractKeypoints,
  type Geometry,
  type ImageKeypoints,
  type KeypointSet,
  loadOpenCv,
  strongestKeypoints,
  type TVerification,
  verifyPair,
  ZVerification,
} from './verify.ts';
export {
  type CalibratedVerification,
  type Candidate,
  calibratedVerification,
  chooseForVerification,
  DEFAULT_SCREENING,
  DEFAULT_VERIFY_TOP_K,
  FLAG_PREVALENCE_RANGE,
  flagThresholdAt,
  manifestFlagThreshold,
  manifestVerification,
  modelOnly,
  screenCandidates,
  type VerifiedCandidate,
  verifyCandidate,
  verifyCandidates,
} from './verify-candidates.ts';
export { createVerifyPool, type VerifyPool } from './verify-pool.ts';
