interface Page<T> {
  nodes: T[];
  endCursor: string | null | undefined;
  hasNextPage: boolean;
}

/**
 * Walks a cursor connection to its end (the API serves at most 100 rows a page), stopping at
 * `limit` rows so a huge set cannot stall the page.
 */
export async function fetchAllPages<T>(
  fetchPage: (after: string | null) => Promise<Page<T>>,
  limit = 1000,
): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  while (rows.length < limit) {
    const page: Page<T> = await fetchPage(after);
    rows.push(...page.nodes);
    if (!page.hasNextPage || !page.endCursor) break;
    after = page.endCursor;
  }
  return rows.slice(0, limit);
}
