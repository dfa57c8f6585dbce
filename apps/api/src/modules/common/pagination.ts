import { z } from 'zod';
import { badInput } from '../../errors.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export const ZPageArgs = z.object({
  first: z.number().int().min(1).max(MAX_PAGE_SIZE).nullish(),
  after: z.string().max(512).nullish(),
});

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Decodes an opaque cursor; anything not made by encodeCursor is BAD_USER_INPUT. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw badInput('Invalid cursor');
  }
}

/** Builds a connection from up to first+1 rows (the extra row only says there is a next page). */
export function toConnection<T>(rows: T[], first: number, cursorOf: (row: T) => unknown) {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

export function pageSize(first: number | null | undefined): number {
  return first ?? DEFAULT_PAGE_SIZE;
}
