import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { meter } from './metered.ts';
import {
  assertSafeKey,
  type PutBody,
  type PutOptions,
  type PutResult,
  type Storage,
  StorageError,
} from './storage.ts';

export interface S3StorageOptions {
  bucket: string;
  /** Prepended to every key, e.g. `twinspect/`, to share a bucket. */
  prefix?: string;
  client?: S3Client;
  /** Used when `client` is not given. */
  clientConfig?: S3ClientConfig;
}

/**
 * An S3-compatible bucket (AWS, MinIO, Ceph, R2...). Uploads stream as multipart uploads, so an
 * original never has to fit in memory, and an upload cut off by the size limit is aborted.
 */
export class S3Storage implements Storage {
  readonly kind = 's3' as const;
  readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? '';
    this.client = options.client ?? new S3Client(options.clientConfig ?? {});
  }

  private key(key: string): string {
    assertSafeKey(key);
    return `${this.prefix}${key}`;
  }

  async put(key: string, body: PutBody, options: PutOptions = {}): Promise<PutResult> {
    const metered = meter(body, key, options.maxBytes);
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: this.key(key),
        Body: metered.stream,
        ...(options.contentType ? { ContentType: options.contentType } : {}),
      },
    });
    // Upload swallows stream errors into a generic abort; keep ours (TOO_LARGE) for the caller.
    let streamError: unknown;
    metered.stream.on('error', (error) => {
      streamError = error;
      void upload.abort();
    });
    try {
      await upload.done();
    } catch (error) {
      throw streamError ?? error;
    }
    if (streamError) throw streamError;
    return { key, ...metered.result() };
  }

  async get(key: string): Promise<Buffer> {
    const stream = await this.stream(key);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async stream(key: string): Promise<Readable> {
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.key(key) }),
      );
      return response.Body as Readable;
    } catch (error) {
      if (isNotFound(error))
        throw new StorageError('NOT_FOUND', `no object ${key}`, { cause: error });
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
