import type { Config } from '@twinspect/config';
import { resolveFromRoot } from '@twinspect/config';
import type { Image, PrismaClient } from '@twinspect/prisma';
import { createStorage, type Storage, StorageError } from '@twinspect/storage';
import type { RequestHandler } from 'express';
import { isUuid } from '../../loaders.ts';
import { RENDITIONS, type Rendition, verifyImageSignature } from './signed-image-url.ts';

/** Formats a browser shows natively; other originals (TIFF, 16-bit) have no full-size URL. */
export const BROWSER_FORMATS: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
};

export function renditionKey(image: Image, rendition: Rendition): string | null {
  if (rendition === 'thumbnail') return image.thumbnailKey;
  if (rendition === 'display') return image.displayKey;
  return image.format && BROWSER_FORMATS[image.format.toLowerCase()] ? image.storageKey : null;
}

const contentTypeOf = (image: Image, rendition: Rendition) =>
  rendition === 'original'
    ? (BROWSER_FORMATS[image.format?.toLowerCase() ?? ''] ?? 'application/octet-stream')
    : 'image/webp';

/**
 * GET /api/images/:imageId/:rendition?exp&sig — streams a rendition from storage when the
 * signature is valid. Any failure is a bare 404/403: nothing about the image is revealed.
 */
export function serveImageFile(deps: {
  config: Config;
  prisma: PrismaClient;
  storage?: Storage;
}): RequestHandler {
  const storage = deps.storage ?? createStorage(deps.config, resolveFromRoot('.'));
  return async (req, res) => {
    const imageId = String(req.params.imageId ?? '');
    const rendition = String(req.params.rendition ?? '') as Rendition;
    const exp = Number(req.query.exp);
    const sig = typeof req.query.sig === 'string' ? req.query.sig : '';
    if (!isUuid(imageId) || !RENDITIONS.includes(rendition)) return void res.sendStatus(404);
    if (!verifyImageSignature(deps.config.SIGNING_SECRET, { imageId, rendition, exp, sig })) {
      return void res.sendStatus(403);
    }
    const image = await deps.prisma.image.findUnique({ where: { id: imageId } });
    const key = image && renditionKey(image, rendition);
    if (!image || !key) return void res.sendStatus(404);
    try {
      const stream = await storage.stream(key);
      res.setHeader('content-type', contentTypeOf(image, rendition));
      res.setHeader(
        'cache-control',
        `private, max-age=${Math.max(0, Math.floor(exp - Date.now() / 1000))}, immutable`,
      );
      res.setHeader('x-content-type-options', 'nosniff');
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (error) {
      if (error instanceof StorageError && error.code === 'NOT_FOUND')
        return void res.sendStatus(404);
      throw error;
    }
  };
}
