import path from 'node:path';
import { LocalStorage } from './local-storage.ts';
import { S3Storage } from './s3-storage.ts';
import type { Storage } from './storage.ts';

/** The storage settings of @twinspect/config (a structural subset, so tests can pass literals). */
export interface StorageConfig {
  STORAGE_DRIVER: 'local' | 's3';
  STORAGE_ROOT: string;
  S3_ENDPOINT?: string | undefined;
  S3_REGION: string;
  S3_BUCKET?: string | undefined;
  S3_ACCESS_KEY_ID?: string | undefined;
  S3_SECRET_ACCESS_KEY?: string | undefined;
  S3_FORCE_PATH_STYLE: boolean;
}

/** The configured storage. `baseDir` resolves a relative STORAGE_ROOT (the repository root). */
export function createStorage(config: StorageConfig, baseDir = process.cwd()): Storage {
  if (config.STORAGE_DRIVER === 'local') {
    return new LocalStorage(path.resolve(baseDir, config.STORAGE_ROOT));
  }
  if (!config.S3_BUCKET) throw new Error('S3_BUCKET is required when STORAGE_DRIVER=s3');
  return new S3Storage({
    bucket: config.S3_BUCKET,
    clientConfig: {
      region: config.S3_REGION,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
      ...(config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? {
            credentials: {
              accessKeyId: config.S3_ACCESS_KEY_ID,
              secretAccessKey: config.S3_SECRET_ACCESS_KEY,
            },
          }
        : {}),
    },
  });
}
