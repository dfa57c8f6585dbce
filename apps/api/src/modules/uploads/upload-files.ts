import { resolveFromRoot } from '@twinspect/config';
import { createStorage, type Storage } from '@twinspect/storage';
import { recordUploads, type StoredUpload, storeUpload } from '@twinspect/uploads';
import busboy from 'busboy';
import type { RequestHandler } from 'express';
import { type ApiDeps, createContext, rankOf } from '../../context.ts';
import { isUuid } from '../../loaders.ts';

// Owned by the scoring pipeline (issue 4): the REST side door for file bytes, which GraphQL
// does not carry. Everything after the bytes land in storage happens in the ingest worker.

const CSRF_HEADER = 'x-twinspect-csrf';
/** Files per request; the web client sends batches of at most 50. */
const MAX_FILES_PER_REQUEST = 1_000;

function fail(res: Parameters<RequestHandler>[1], status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * POST /api/image-sets/:setId/uploads — multipart/form-data, one or more `files` parts (images
 * or ZIPs). Each file is streamed into storage as it arrives (never buffered whole), cut off at
 * UPLOAD_MAX_BYTES; then all are recorded as images of the set and queued for ingest. Needs the EDITOR role
 * in the set's organization (session cookie + CSRF header, or a bearer API token).
 * Answers { accepted, rejected: [{ name, reason }], images: [{ id, name, status }] }.
 */
export function uploadFiles(deps: ApiDeps & { storage?: Storage }): RequestHandler {
  const storage = deps.storage ?? createStorage(deps.config, resolveFromRoot('.'));
  return async (req, res) => {
    const ctx = await createContext(deps, req, res);
    if (!ctx.viewer) return fail(res, 401, 'UNAUTHENTICATED', 'Sign in to upload');
    // Browsers must prove the request is not a cross-site form post (API tokens need not).
    if (ctx.viewer.via === 'session' && !req.get(CSRF_HEADER)) {
      return fail(res, 400, 'BAD_USER_INPUT', `Missing ${CSRF_HEADER} header`);
    }
    if (ctx.orgDenied || !ctx.actor)
      return fail(res, 403, 'FORBIDDEN', 'You are not a member of that organization');
    if (rankOf(ctx.actor.role) < rankOf('EDITOR'))
      return fail(res, 403, 'FORBIDDEN', 'This needs the EDITOR role or higher');
    const setId = String(req.params.setId ?? '');
    const set = isUuid(setId)
      ? await deps.prisma.imageSet.findFirst({
          where: { id: setId, orgId: ctx.actor.orgId },
          select: { id: true },
        })
      : null;
    if (!set) return fail(res, 404, 'NOT_FOUND', 'No such image set');
    if (!req.is('multipart/form-data'))
      return fail(res, 400, 'BAD_USER_INPUT', 'Send multipart/form-data with files');

    const actor = ctx.actor;
    const maxBytes = deps.config.UPLOAD_MAX_BYTES;
    const target = { orgId: actor.orgId, setId: set.id, uploadedById: actor.userId };
    const stored: { name: string; upload: StoredUpload }[] = [];
    let chain = Promise.resolve();
    let parser: busboy.Busboy;
    try {
      // busboy stops a file at fileSize; one byte more than the limit lets storage see it is over.
      parser = busboy({
        // Keep folder paths (a folder upload names files figure1/a.png); shown, never used as paths.
        preservePath: true,
        headers: req.headers,
        limits: { fileSize: maxBytes + 1, files: MAX_FILES_PER_REQUEST },
      });
    } catch {
      return fail(res, 400, 'BAD_USER_INPUT', 'Malformed multipart request');
    }
    const finished = new Promise<void>((resolve, reject) => {
      parser.on('file', (_field, stream, info) => {
        const name = info.filename || 'unnamed';
        // One file at a time, in arrival order: busboy waits for each stream to be consumed.
        chain = chain.then(async () => {
          const upload = await storeUpload(storage, target, {
            fileName: name,
            body: stream,
            maxBytes,
          });
          stored.push({ name, upload });
        });
        chain.catch(() => stream.resume());
      });
      parser.on('close', () => chain.then(resolve, reject));
      parser.on('error', reject);
      req.on('aborted', () => reject(new Error('upload aborted')));
    });
    req.pipe(parser);
    try {
      await finished;
    } catch (error) {
      deps.logger.warn({ error: String(error), setId }, 'upload failed');
      if (!res.headersSent)
        fail(res, 400, 'BAD_USER_INPUT', 'The upload could not be read to the end');
      return;
    }
    // All the request's files recorded and queued at once: one round of database work.
    const results = await recordUploads(
      { prisma: deps.prisma, storage, producer: deps.jobs.pipeline },
      target,
      stored.map((s) => s.upload),
    );
    const outcomes = results.map((outcome, i) => ({ name: stored[i]?.name ?? '', outcome }));
    res.status(outcomes.length > 0 ? 202 : 400).json({
      accepted: outcomes.filter((o) => o.outcome.status === 'PENDING').length,
      rejected: outcomes
        .filter((o) => o.outcome.status === 'FAILED')
        .map((o) => ({ name: o.name, reason: o.outcome.error ?? 'rejected' })),
      images: outcomes.map((o) => ({
        id: o.outcome.kind === 'image' ? o.outcome.imageId : null,
        name: o.name,
        kind: o.outcome.kind,
        status: o.outcome.status,
      })),
      ...(outcomes.length === 0
        ? {
            errors: [
              { message: 'No files in the request', extensions: { code: 'BAD_USER_INPUT' } },
            ],
          }
        : {}),
    });
  };
}
