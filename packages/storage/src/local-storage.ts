import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { meter } from './metered.ts';
import {
  assertSafeKey,
  type PutBody,
  type PutOptions,
  type PutResult,
  type Storage,
  StorageError,
} from './storage.ts';

/** Files under one root folder. Writes go to a temporary name and are renamed into place, so a
 * crash never leaves a half-written original under its real key. */
export class LocalStorage implements Storage {
  readonly kind = 'local' as const;

  constructor(readonly root: string) {}

  private file(key: string): string {
    assertSafeKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, body: PutBody, options: PutOptions = {}): Promise<PutResult> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.part-${randomBytes(6).toString('hex')}`;
    const metered = meter(body, key, options.maxBytes);
    try {
      await pipeline(metered.stream, createWriteStream(temp));
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { key, ...metered.result() };
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      throw notFound(key, error);
    }
  }

  async stream(key: string): Promise<Readable> {
    const file = this.file(key);
    if (!(await this.exists(key))) throw notFound(key);
    return createReadStream(file);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.file(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}

function notFound(key: string, cause?: unknown): StorageError {
  return new StorageError('NOT_FOUND', `no object ${key}`, { cause });
}
