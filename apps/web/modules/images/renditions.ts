/**
 * Image bytes are never public by id: the API hands out short-lived signed URLs per rendition
 * (thumbnail, display size, original). Queries that select those fields pass them through here;
 * a missing URL (not yet rendered, or a failed ingest) shows a placeholder instead.
 */
type Rendition = 'thumbnailUrl' | 'displayUrl' | 'originalUrl';

function field(image: object, name: Rendition): string | null {
  const value = (image as Partial<Record<Rendition, unknown>>)[name];
  return typeof value === 'string' ? value : null;
}

export const thumbnailSrc = (image: object) =>
  field(image, 'thumbnailUrl') ?? field(image, 'displayUrl');
export const displaySrc = (image: object) =>
  field(image, 'displayUrl') ?? field(image, 'originalUrl');
export const originalSrc = (image: object) =>
  field(image, 'originalUrl') ?? field(image, 'displayUrl');
