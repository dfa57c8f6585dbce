import { createWriteStream } from 'node:fs';
import { lstat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { LocalStorage, type Storage } from '@twinspect/storage';
import type { MaterialiseOriginal } from './build-dataset.ts';

/**
 * Originals as files train.py can read: symlinks into local storage (no copy of a large archive),
 * downloads from S3 (a training machine of its own). A file already there (a resumed run) stays.
 */
export function materialiserFor(storage: Storage): MaterialiseOriginal {
  return async (storageKey, dest) => {
    if (
      await lstat(dest).then(
        () => true,
        () => false,
      )
    )
      return;
    if (storage instanceof LocalStorage) {
      await symlink(path.join(storage.root, ...storageKey.split('/')), dest);
      return;
    }
    await pipeline(await storage.stream(storageKey), createWriteStream(dest));
  };
}
