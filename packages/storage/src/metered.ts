import { createHash } from 'node:crypto';
import { finished, Readable, Transform } from 'node:stream';
import { type PutBody, StorageError } from './storage.ts';

/**
 * Passes bytes through while hashing and counting them; fails the stream as soon as more than
 * `maxBytes` went by, so an oversized upload is cut off rather than stored.
 */
export function meter(body: PutBody, key: string, maxBytes = Number.POSITIVE_INFINITY) {
  const hash = createHash('sha256');
  let bytes = 0;
  const source = body instanceof Readable ? body : Readable.from([Buffer.from(body)]);
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        callback(new StorageError('TOO_LARGE', `${key}: more than ${maxBytes} bytes`));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  // finished() also reports a source that failed or closed before we got here: a plain
  // 'error' listener would miss it, and the put would wait forever for bytes that never come.
  finished(source, { writable: false }, (error) => {
    if (error) transform.destroy(error);
  });
  source.pipe(transform);
  return {
    stream: transform,
    result: () => ({ bytes, sha256: hash.digest('hex') }),
  };
}
