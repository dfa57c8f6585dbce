import { createHash } from 'node:crypto';
import { decodeToRgb, isInferenceError, resizeForModel } from '@twinspect/inference';
import type { TIngestImageJob, TIngestResult } from '@twinspect/jobs';
import { StorageError, storageKeys } from '@twinspect/storage';
import type { WorkerDeps } from '../shared/deps.ts';
import { finishImage, scoreWhenIngested } from '../shared/set-progress.ts';
import { makeRenditions } from './make-renditions.ts';

/**
 * One uploaded image: decode it the way the model will (EXIF, pixel limit, grey/16-bit/alpha
 * mapping), record hash, size and format, flag a byte-identical earlier image of the
 * organization, store thumbnail and display renditions, and mark it READY — or FAILED with a
 * reason a person can act on. Transient trouble (database, storage) throws, and the job retries.
 */
export async function ingestImage(deps: WorkerDeps, job: TIngestImageJob): Promise<TIngestResult> {
  const { prisma, storage, settings } = deps;
  const image = await prisma.image.findFirst({
    where: { id: job.imageId, orgId: job.orgId, setId: job.setId },
  });
  if (!image)
    return { kind: 'image', imageId: job.imageId, status: 'FAILED', error: 'image not found' };
  if (image.status === 'READY' || image.status === 'FAILED') {
    // Finished by an earlier attempt that died before enqueueing scoring: just make sure it is.
    await scoreWhenIngested(deps, image.setId);
    return {
      kind: 'image',
      imageId: image.id,
      status: image.status,
      ...(image.error ? { error: image.error } : {}),
    };
  }
  await prisma.image.updateMany({
    where: { id: image.id, status: 'PENDING' },
    data: { status: 'INGESTING' },
  });

  const fail = async (reason: string): Promise<TIngestResult> => {
    await finishImage(prisma, image, { status: 'FAILED', data: { error: reason } });
    await scoreWhenIngested(deps, image.setId);
    deps.logger.info({ imageId: image.id, reason }, 'image failed');
    return { kind: 'image', imageId: image.id, status: 'FAILED', error: reason };
  };

  if (!image.storageKey) return fail('the upload did not complete');
  let bytes: Buffer;
  try {
    bytes = await storage.get(image.storageKey);
  } catch (error) {
    if (error instanceof StorageError && error.code === 'NOT_FOUND')
      return fail('the uploaded file is missing');
    throw error;
  }
  const contentHash = image.contentHash ?? createHash('sha256').update(bytes).digest('hex');

  let decoded: Awaited<ReturnType<typeof decodeToRgb>>;
  try {
    decoded = await decodeToRgb(bytes, { maxPixels: settings.maxPixels });
  } catch (error) {
    if (isInferenceError(error)) return fail(error.message);
    throw error;
  }
  const renditions = await makeRenditions(decoded, {
    thumbnail: settings.thumbnailSize,
    display: settings.displaySize,
  });
  const thumbnailKey = storageKeys.thumbnail(image.orgId, image.id);
  const displayKey = storageKeys.display(image.orgId, image.id);
  await storage.put(thumbnailKey, renditions.thumbnail, { contentType: 'image/webp' });
  await storage.put(displayKey, renditions.display, { contentType: 'image/webp' });
  // The active model's input, resized now while the pixels are decoded: embedding then reads
  // S·S·3 bytes instead of decoding the original a second time (same bytes, bit for bit).
  const spec = await deps.modelSpecs?.get(image.orgId);
  if (spec) {
    await storage.put(
      storageKeys.modelInput(image.orgId, image.id, spec.size),
      resizeForModel(decoded, spec.size),
    );
  }

  // Byte-identical to an earlier image of the organization: flagged at once, before any model.
  // "Earlier" is by upload order (hashes are recorded at upload), not by which ingest finished
  // first, so two copies ingested side by side still point the same way.
  const first = await prisma.image.findFirst({
    where: { orgId: image.orgId, contentHash, status: { not: 'FAILED' } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  const original = first && first.id !== image.id ? first : null;
  const { source } = decoded;
  await finishImage(prisma, image, {
    status: 'READY',
    data: {
      contentHash,
      byteSize: bytes.length,
      width: source.width,
      height: source.height,
      format: source.format,
      bitDepth: source.bitDepth,
      channels: source.channels,
      pages: source.pages,
      colourSpace: source.colourSpace,
      thumbnailKey,
      displayKey,
      error: null,
      duplicateOfId: original?.id ?? null,
    },
  });
  await scoreWhenIngested(deps, image.setId);
  return {
    kind: 'image',
    imageId: image.id,
    status: 'READY',
    ...(original ? { duplicateOfId: original.id } : {}),
  };
}
