import { createHash } from 'node:crypto';

/**
 * A UUID derived from its parts (name-based, like UUIDv5 but over sha256): re-running the same
 * expansion creates rows with the same ids, so inserts are naturally idempotent.
 */
export function deterministicUuid(...parts: (string | number)[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
