// Hostile uploads, generated (never committed): truncated and bit-flipped images of every
// supported format, zero-byte files, wrong extensions, HTML/SVG with script, 100,000 × 100,000
// pixel headers, ZIP bombs and ZIPs with ../, absolute paths, symlinks and overlapping entries,
// huge EXIF/metadata, TIFFs with thousands of pages, and odd colour spaces.
//
//   npx tsx apps/api/test/hostile/generate-hostile-files.ts <out-dir>    # writes the files + index.json
//
// The hostile-upload test (hostile-uploads.test.ts) generates them into a temporary folder and
// pushes them through the real upload route into real ingest workers.
//
// The files are built by family in files/: images.ts, documents.ts (HTML/SVG and metadata),
// archives.ts; formats.ts holds the byte-level builders they share.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addArchives } from './files/archives.ts';
import { type Expectation, FORMATS, type Format, type HostileFile } from './files/common.ts';
import { addHugeMetadata, addScriptDocuments } from './files/documents.ts';
import { bmp, encode, tiff } from './files/formats.ts';
import { addDamagedImages, addPagesAndColourSpaces, addPixelBombs } from './files/images.ts';

export { bmp, type Expectation, FORMATS, type HostileFile, tiff };

/** Every hostile file, with what it must end as. Deterministic. */
export async function generateHostileFiles(): Promise<HostileFile[]> {
  const files: HostileFile[] = [];
  const add = (category: string, name: string, bytes: Buffer, expect: Expectation) =>
    files.push({ category, name: `${category}/${name}`, bytes, expect });
  const good = Object.fromEntries(
    await Promise.all(FORMATS.map(async (f) => [f, await encode(f)] as const)),
  ) as Record<Format, Buffer>;

  // The order is part of the output (files are named by their index): keep it.
  await addDamagedImages(add, good);
  await addScriptDocuments(add, good);
  await addPixelBombs(add);
  await addHugeMetadata(add, good);
  await addPagesAndColourSpaces(add);
  await addArchives(files, good);
  return files;
}

/** Writes every file (named by its index) and index.json describing them. */
export async function writeHostileFiles(dir: string): Promise<HostileFile[]> {
  const files = await generateHostileFiles();
  await Promise.all(files.map((f, i) => writeFile(path.join(dir, String(i)), f.bytes)));
  await writeFile(
    path.join(dir, 'index.json'),
    JSON.stringify(
      files.map(({ bytes, ...rest }, i) => ({ file: String(i), bytes: bytes.length, ...rest })),
      null,
      1,
    ),
  );
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: generate-hostile-files.ts <out-dir>');
  const files = await writeHostileFiles(out);
  console.log(`${files.length} hostile files in ${out}`);
}
