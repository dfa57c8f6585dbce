/**
 * Why an image or a model could not be used. Workers map `code` to an image's FAILED reason (and
 * to UnrecoverableError: retrying a corrupt file never helps); the CLI prints `message`.
 */
export type InferenceErrorCode =
  /** Not decodable: truncated, corrupt, or not an image at all. */
  | 'CORRUPT_IMAGE'
  /** Decodable in principle, but a format or pixel layout we do not accept. */
  | 'UNSUPPORTED_IMAGE'
  /** More pixels than the configured limit: refused before decoding (decompression bombs). */
  | 'IMAGE_TOO_LARGE'
  /** A model folder whose files are missing, altered, or disagree with its manifest. */
  | 'INVALID_MODEL';

export class InferenceError extends Error {
  constructor(
    readonly code: InferenceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'InferenceError';
  }
}

export function isInferenceError(error: unknown): error is InferenceError {
  return error instanceof InferenceError;
}
