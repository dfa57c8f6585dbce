import { z } from 'zod';
import { decodeCursor } from './pagination.ts';

/** Cursor of lists ordered by (createdAt, id): both values of the last row seen. */
export const ZCreatedAtCursor = z.tuple([z.iso.datetime(), z.uuid()]);

export const createdAtCursorOf = (row: { createdAt: Date; id: string }) => [
  row.createdAt.toISOString(),
  row.id,
];

/** The Prisma condition for rows after the cursor in (createdAt, id) order. */
export function afterCreatedAt(after: string | null | undefined, direction: 'asc' | 'desc') {
  if (!after) return {};
  const [iso, id] = decodeCursor(after, ZCreatedAtCursor);
  const createdAt = new Date(iso);
  const op = direction === 'asc' ? 'gt' : 'lt';
  return { OR: [{ createdAt: { [op]: createdAt } }, { createdAt, id: { [op]: id } }] };
}
