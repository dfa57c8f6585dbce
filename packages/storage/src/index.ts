export { createStorage, type StorageConfig } from './create-storage.ts';
export { storageKeys } from './keys.ts';
export { LocalStorage } from './local-storage.ts';
export { S3Storage, type S3StorageOptions } from './s3-storage.ts';
export {
  assertSafeKey,
  type PutBody,
  type PutOptions,
  type PutResult,
  type Storage,
  StorageError,
  type StorageErrorCode,
} from './storage.ts';
