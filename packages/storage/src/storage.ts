import type { Readable } from 'node:stream';

/**
 * Where originals and renditions live. One interface, two implementations: the local disk (the
 * default, one machine) and S3-compatible object storage (workers on several machines). Keys are
 * relative paths such as `originals/<orgId>/<imageId>`; they never come from user input
 * unchecked (see assertSafeKey).
 */
export interface Storage {
  readonly kind: 'local' | 's3';
  /**
   * Stores `body` under `key`, streaming, and returns its size and sha256. With `maxBytes`, a
   * longer body is refused (StorageError TOO_LARGE) and nothing is left behind.
   */
  put(key: string, body: PutBody, options?: PutOptions): Promise<PutResult>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export type PutBody = Buffer | Uint8Array | Readable;

export interface PutOptions {
  contentType?: string;
  maxBytes?: number;
}

export interface PutResult {
  key: string;
  bytes: number;
  sha256: string;
}

export type StorageErrorCode = 'NOT_FOUND' | 'TOO_LARGE' | 'INVALID_KEY';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

const SAFE_KEY = /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/;

/** Keys are relative, without `..`, empty or hidden segments: they can never leave the root. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.')) {
    throw new StorageError('INVALID_KEY', `invalid storage key: ${JSON.stringify(key)}`);
  }
}
