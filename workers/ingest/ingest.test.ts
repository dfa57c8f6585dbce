import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readManifest } from '@twinspect/inference';
import { LocalStorage, storageKeys } from '@twinspect/storage';
import { addUpload } from '@twinspect/uploads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bioDevImages,
  createTestPipeline,
  type TestPipeline,
  testModelDir,
} from '../test/pipeline.ts';

const loadModelManifestSize = async () => (await readManifest(testModelDir())).input.size;

let pipeline: TestPipeline;
let storage: LocalStorage;

beforeAll(async () => {
  pipeline = await createTestPipeline();
  storage = new LocalStorage(pipeline.storageRoot);
  // Ingest only: these tests check what ingest records, and that it hands the set to scoring.
  await pipeline.start({}, ['ingest']);
});
afterAll(async () => {
  await pipeline?.close();
});

async function upload(
  setId: string,
  file: string,
  name = path.basename(file),
  maxBytes = 50_000_000,
) {
  return addUpload(
    { prisma: pipeline.prisma, storage, producer: pipeline.producer },
    {
      orgId: pipeline.orgId,
      setId,
      uploadedById: pipeline.userId,
      fileName: name,
      body: readFileSync(file),
      maxBytes,
    },
  );
}

describe('[INGEST] uploaded files', () => {
  it('records format, size and hash, flags byte-identical files, and fails bad files with a reason', async () => {
    const setId = await pipeline.newSet();
    const dir = mkdtempSync(path.join(tmpdir(), 'twinspect-ingest-'));
    const [png, png2] = bioDevImages('dsb2018', 2);
    const tiff16 = path.join(
      path.dirname(bioDevImages('cellprofiler', 1)[0] as string),
      'ExampleIlluminationCorrection__images__--W00001--P00001--Z00000--T00000--cherry.tif',
    );
    const jpeg = bioDevImages('cellprofiler', 200).find((f) => /\.jpe?g$/i.test(f)) as string;
    writeFileSync(path.join(dir, 'notes.png'), 'not an image');
    const truncated = readFileSync(png as string);
    writeFileSync(path.join(dir, 'truncated.png'), truncated.subarray(0, truncated.length / 3));
    copyFileSync(png as string, path.join(dir, 'copy-of-first.png'));

    const first = await upload(setId, png as string);
    // The copy is uploaded once the first is READY, so "earlier image" is unambiguous.
    await pipeline.waitForSet(setId, (s) => s.imagesIngested === 1);
    for (const f of [png2, tiff16, jpeg] as string[]) await upload(setId, f);
    await upload(setId, path.join(dir, 'copy-of-first.png'));
    await upload(setId, path.join(dir, 'notes.png'));
    await upload(setId, path.join(dir, 'truncated.png'));
    const tooBig = await upload(setId, png as string, 'huge.png', 100);
    expect(tooBig).toMatchObject({
      status: 'FAILED',
      error: expect.stringMatching(/larger than the upload limit/),
    });

    const set = await pipeline.waitForSet(
      setId,
      (s) => s.imagesIngested + s.imagesFailed === s.imagesTotal,
    );
    expect(set).toMatchObject({ imagesTotal: 8, imagesIngested: 5, imagesFailed: 3 });
    const images = await pipeline.prisma.image.findMany({ where: { setId } });
    const byName = Object.fromEntries(images.map((i) => [i.originalName, i]));

    const firstImage = byName[path.basename(png as string)];
    expect(firstImage).toMatchObject({
      status: 'READY',
      format: 'png',
      width: expect.any(Number),
      thumbnailKey: expect.any(String),
    });
    expect(firstImage?.id).toBe(first.kind === 'image' ? first.imageId : null);
    expect(byName['copy-of-first.png']).toMatchObject({
      status: 'READY',
      duplicateOfId: firstImage?.id,
      contentHash: firstImage?.contentHash,
    });
    expect(byName[path.basename(tiff16)]).toMatchObject({
      status: 'READY',
      format: 'tiff',
      bitDepth: 16,
      width: 1344,
      height: 1024,
    });
    expect(byName[path.basename(jpeg)]).toMatchObject({ status: 'READY', format: 'jpeg' });
    expect(byName['notes.png']).toMatchObject({
      status: 'FAILED',
      error: 'not an image in a supported format',
    });
    expect(byName['truncated.png']).toMatchObject({
      status: 'FAILED',
      error: expect.stringMatching(/corrupt or truncated/),
    });
    expect(byName['huge.png']).toMatchObject({ status: 'FAILED' });
    for (const image of images.filter((i) => i.status === 'READY')) {
      expect(await storage.exists(image.thumbnailKey as string)).toBe(true);
      expect(await storage.exists(image.displayKey as string)).toBe(true);
      // The active model's input, prepared once while the pixels were decoded.
      const size = (await loadModelManifestSize()) as number;
      expect((await storage.get(storageKeys.modelInput(image.orgId, image.id, size))).length).toBe(
        size * size * 3,
      );
    }
    // Each time the set was complete, the last ingest handed it to scoring, once per generation:
    // after the first image, and after all eight. Ingest runs beside the uploads, so when it
    // catches up with them the set is complete in between too (at 7 of 7, say), and that
    // generation is scored as well. (The last ingest enqueues right after its recount: allow it
    // a moment.)
    const last = `score-${setId}-active-8`;
    let ids: string[] = [];
    for (let i = 0; i < 50 && !ids.includes(last); i++) {
      const jobs = await pipeline
        .queue('score')
        .getJobs(['waiting', 'active', 'delayed', 'completed']);
      ids = jobs
        .filter((j) => j.data.setId === setId)
        .map((j) => j.id as string)
        .sort();
      if (!ids.includes(last)) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ids[0]).toBe(`score-${setId}-active-1`);
    expect(ids.at(-1)).toBe(last);
    for (const id of ids) expect(id).toMatch(new RegExp(`^score-${setId}-active-[1-8]$`));
    expect(
      (await pipeline.prisma.imageSet.findUniqueOrThrow({ where: { id: setId } })).status,
    ).toBe('EMBEDDING');
  });
});

describe('[INGEST] ZIP uploads', () => {
  it('expands good entries and fails path traversal, symlinks, non-images and ZIP bombs one by one', async () => {
    const setId = await pipeline.newSet('zip');
    const dir = mkdtempSync(path.join(tmpdir(), 'twinspect-zip-'));
    const zip = path.join(dir, 'figures.zip');
    const [a, b] = bioDevImages('dsb2018', 2, 10);
    // Python's zipfile writes any name and mode, like a hostile archiver would.
    execFileSync('/usr/bin/python3', [
      '-c',
      `
import sys, zipfile
out, a, b = sys.argv[1:4]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.write(a, "figure1/panel-a.png")
    z.write(b, "figure1/panel-b.png")
    z.writestr("figure1/", "")
    z.writestr("__MACOSX/figure1/._panel-a.png", "junk")
    z.writestr("../../etc/evil.png", open(a, "rb").read())
    z.writestr("/absolute.png", open(a, "rb").read())
    link = zipfile.ZipInfo("figure1/link.png"); link.external_attr = 0o120777 << 16
    z.writestr(link, "/etc/passwd")
    z.writestr("readme.txt", "hello")
    z.writestr("bomb.tif", b"\\0" * 5_000_000)
`,
      zip,
      a as string,
      b as string,
    ]);
    const outcome = await upload(setId, zip);
    expect(outcome).toMatchObject({ kind: 'archive', status: 'PENDING' });
    const set = await pipeline.waitForSet(
      setId,
      (s) => s.imagesTotal > 0 && s.imagesIngested + s.imagesFailed === s.imagesTotal,
    );
    expect(set).toMatchObject({ imagesTotal: 7, imagesIngested: 2, imagesFailed: 5 });
    const images = await pipeline.prisma.image.findMany({
      where: { setId },
      orderBy: { originalName: 'asc' },
    });
    const summary = Object.fromEntries(
      images.map((i) => [i.originalName, i.status === 'READY' ? 'READY' : i.error]),
    );
    expect(summary).toEqual({
      'figures.zip/figure1/panel-a.png': 'READY',
      'figures.zip/figure1/panel-b.png': 'READY',
      'figures.zip/../../etc/evil.png': expect.stringMatching(/unsafe path in ZIP/),
      'figures.zip/absolute.png': expect.stringMatching(/unsafe path in ZIP/),
      'figures.zip/figure1/link.png': 'symbolic link in ZIP: refused',
      'figures.zip/readme.txt': 'not an image file (.txt)',
      'figures.zip/bomb.tif': expect.stringMatching(/ZIP bomb/),
    });
    // Nothing was written outside the storage root.
    expect(
      images.every(
        (i) => i.storageKey === null || i.storageKey.startsWith(`originals/${pipeline.orgId}/`),
      ),
    ).toBe(true);
  });

  it('is idempotent: expanding the same archive again creates nothing new', async () => {
    const setId = await pipeline.newSet('zip-again');
    const dir = mkdtempSync(path.join(tmpdir(), 'twinspect-zip-'));
    const zip = path.join(dir, 'two.zip');
    const [a, b] = bioDevImages('dsb2018', 2, 20);
    execFileSync('/usr/bin/python3', [
      '-c',
      'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z:\n    z.write(sys.argv[2], "a.png"); z.write(sys.argv[3], "b.png")',
      zip,
      a as string,
      b as string,
    ]);
    const outcome = await upload(setId, zip);
    await pipeline.waitForSet(setId, (s) => s.imagesTotal === 2 && s.imagesIngested === 2);
    if (outcome.kind !== 'archive') throw new Error('expected an archive');
    // A retried job (new id, same payload) re-plans the same entries: same ids, no new rows.
    const { expandArchive } = await import('./expand-archive.ts');
    const workers = await pipeline.start({}, []);
    await expandArchive(workers.deps, {
      kind: 'archive',
      orgId: pipeline.orgId,
      setId,
      archiveKey: outcome.archiveKey,
      archiveName: 'two.zip',
      uploadedById: null,
    });
    const set = await pipeline.prisma.imageSet.findUniqueOrThrow({ where: { id: setId } });
    expect(set).toMatchObject({ imagesTotal: 2, imagesIngested: 2, imagesFailed: 0 });
    expect(await pipeline.prisma.image.count({ where: { setId } })).toBe(2);
  });
});
