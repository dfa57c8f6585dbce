import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestJobId, type TIngestArchiveJob } from '@twinspect/jobs';
import { LocalStorage, storageKeys } from '@twinspect/storage';
import { addUpload } from '@twinspect/uploads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bioDevImages, createTestPipeline, type TestPipeline } from '../pipeline.ts';

// [FAULT] A ZIP expansion job that runs out of retries. PostgreSQL (a trigger, armed for exactly
// the job's attempts) refuses the set's counter update (a change of its image count) that follows
// the creation of the entry rows, so every attempt dies after its entries exist as PENDING images.
// Before the fix they stayed PENDING forever and the set was never scored; now the final failure
// fails them with the reason, and the set (recounted) goes on to be scored with its other images.

const ATTEMPTS = 3;

let pipeline: TestPipeline;
let storage: LocalStorage;

beforeAll(async () => {
  pipeline = await createTestPipeline();
  storage = new LocalStorage(pipeline.storageRoot);
  await pipeline.start({}, ['ingest', 'score']);
});
afterAll(async () => {
  await pipeline?.close();
});

describe('[FAULT] a ZIP expansion that runs out of retries', () => {
  it('fails its entries with a readable reason, leaves nothing PENDING, and the set is scored', async () => {
    const setId = await pipeline.newSet('zip-fault');
    const [good, a, b] = bioDevImages('dsb2018', 3, 40);
    // A good image uploaded first: the set is scored once with it alone.
    await addUpload(
      { prisma: pipeline.prisma, storage, producer: pipeline.producer },
      {
        orgId: pipeline.orgId,
        setId,
        uploadedById: pipeline.userId,
        fileName: 'good.png',
        body: readFileSync(good as string),
        maxBytes: 50_000_000,
      },
    );
    await pipeline.waitForSet(setId, (s) => s.status === 'READY' && s.imagesTotal === 1);

    const dir = mkdtempSync(path.join(tmpdir(), 'twinspect-zip-fault-'));
    const zip = path.join(dir, 'figures.zip');
    execFileSync('/usr/bin/python3', [
      '-c',
      'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w") as z:\n    z.write(sys.argv[2], "a.png"); z.write(sys.argv[3], "b.png"); z.writestr("notes.txt", "hello")',
      zip,
      a as string,
      b as string,
    ]);
    const archiveKey = storageKeys.upload(pipeline.orgId, setId, 'fault.zip');
    await storage.put(archiveKey, readFileSync(zip));

    await pipeline.prisma.$executeRawUnsafe('CREATE SEQUENCE fault_hits');
    await pipeline.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_set_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Only this set's counter updates count: any other write to a set (the good image's
        -- scoring finishing late, say) would use up an armed hit and let an attempt through.
        IF NEW."id" = '${setId}'::uuid AND NEW."imagesTotal" IS DISTINCT FROM OLD."imagesTotal" THEN
          IF nextval('fault_hits') <= ${ATTEMPTS} THEN
            RAISE EXCEPTION 'injected fault: set counters cannot be written';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await pipeline.prisma.$executeRawUnsafe(
      'CREATE TRIGGER refuse_set_update BEFORE UPDATE ON "ImageSet" FOR EACH ROW EXECUTE FUNCTION refuse_set_update()',
    );

    const data: TIngestArchiveJob = {
      kind: 'archive',
      orgId: pipeline.orgId,
      setId,
      archiveKey,
      archiveName: 'figures.zip',
      uploadedById: pipeline.userId,
    };
    const job = await pipeline.queue('ingest').add('archive', data, {
      jobId: ingestJobId(data),
      attempts: ATTEMPTS,
      backoff: { type: 'fixed', delay: 100 },
    });

    const set = await pipeline.waitForSet(
      setId,
      (s) => s.status === 'READY' && s.imagesTotal === 4,
      60_000,
    );
    const failed = await pipeline.queue('ingest').getJob(job.id as string);
    expect(await failed?.getState()).toBe('failed');
    expect(failed?.attemptsMade).toBe(ATTEMPTS);
    expect(failed?.failedReason).toMatch(/injected fault/);

    const images = await pipeline.prisma.image.findMany({ where: { setId } });
    const summary = Object.fromEntries(
      images.map((i) => [
        i.originalName,
        i.status === 'READY' ? 'READY' : `${i.status}: ${i.error}`,
      ]),
    );
    expect(summary).toEqual({
      'good.png': 'READY',
      'figures.zip/a.png': expect.stringMatching(
        /^FAILED: ZIP expansion failed: .*injected fault: set counters cannot be written/,
      ),
      'figures.zip/b.png': expect.stringMatching(/^FAILED: ZIP expansion failed: .*injected fault/),
      // Refused by the plan in the first attempt: keeps its own reason.
      'figures.zip/notes.txt': 'FAILED: not an image file (.txt)',
    });
    expect(images.every((i) => i.error === null || !i.error.includes('\n'))).toBe(true);
    expect(set).toMatchObject({ imagesTotal: 4, imagesIngested: 1, imagesFailed: 3 });
    // The set is scored again after the failure (the generation is its image count). The set may
    // read READY with 4 images before that job completes (it was READY after the good image), so
    // wait for the job rather than look once.
    await vi.waitFor(
      async () => {
        const scored = await pipeline.queue('score').getJobs(['completed']);
        expect(scored.some((j) => j.data.setId === setId && j.data.generation === 4)).toBe(true);
      },
      { timeout: 30_000, interval: 200 },
    );
  });
});
