import path from 'node:path';
import { isImagePath } from '@twinspect/inference';
import yauzl, { type Entry } from 'yauzl';

/** What to do with one ZIP entry, decided from the central directory before extracting a byte. */
export type EntryPlan =
  | { action: 'skip' }
  | { action: 'extract'; name: string }
  | { action: 'reject'; name: string; reason: string };

export interface ZipLimits {
  maxEntryBytes: number;
  maxRatio: number;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** The entry's name as the archive stores it (CP437 or UTF-8), with backslashes made slashes. */
export function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileNameRaw,
    entry.extraFields,
    false,
  );
}

/**
 * Path traversal (`../`, absolute paths, drive letters), symlinks, encryption and zip bombs are
 * refused per entry, so one hostile entry fails as one image and the rest of the archive goes on.
 * Folders and OS metadata (__MACOSX, dotfiles) are skipped silently.
 */
export function planEntry(entry: Entry, limits: ZipLimits): EntryPlan {
  const name = entryName(entry);
  if (name.endsWith('/')) return { action: 'skip' };
  const segments = name.split('/');
  if (segments[0] === '__MACOSX' || (segments.at(-1) ?? '').startsWith('.'))
    return { action: 'skip' };
  const unsafe = yauzl.validateFileName(name);
  if (unsafe !== null || /^[A-Za-z]:/.test(name) || name.includes('\0')) {
    return {
      action: 'reject',
      name: sanitize(name),
      reason: `unsafe path in ZIP (${unsafe ?? 'drive letter or NUL'}): refused`,
    };
  }
  const clean = sanitize(name);
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK)
    return { action: 'reject', name: clean, reason: 'symbolic link in ZIP: refused' };
  if (entry.isEncrypted())
    return { action: 'reject', name: clean, reason: 'encrypted ZIP entry: cannot be read' };
  if (!entry.canDecodeFileData()) {
    return {
      action: 'reject',
      name: clean,
      reason: `unsupported ZIP compression method ${entry.compressionMethod}`,
    };
  }
  if (!isImagePath(name)) {
    return {
      action: 'reject',
      name: clean,
      reason: `not an image file (${path.extname(name) || 'no extension'})`,
    };
  }
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    return {
      action: 'reject',
      name: clean,
      reason: `file is ${entry.uncompressedSize} bytes, over the limit of ${limits.maxEntryBytes}`,
    };
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (ratio > limits.maxRatio) {
    return {
      action: 'reject',
      name: clean,
      reason: `compression ratio ${Math.round(ratio)}:1 looks like a ZIP bomb: refused`,
    };
  }
  return { action: 'extract', name: clean };
}

/** A display name: printable, no leading slashes, bounded length. Never used as a path. */
export function sanitize(name: string): string {
  const printable = [...name].filter((c) => c >= ' ' && c !== '\u007f').join('');
  return printable.replace(/^\/+/, '').slice(-500) || '(unnamed)';
}
