/**
 * The pair viewer's "next" and "previous" follow the list the reviewer came from (the triage
 * queue with its filters, or a cluster). The ordered ids are kept for the browser tab only.
 */
const KEY = 'twinspect:pair-sequence';

export function rememberPairSequence(ids: string[]) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(ids));
  } catch {}
}

export function neighbours(pairId: string): {
  previous: string | null;
  next: string | null;
  position: number;
  total: number;
} {
  let ids: string[] = [];
  try {
    ids = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as string[];
  } catch {}
  const index = ids.indexOf(pairId);
  if (index < 0) return { previous: null, next: null, position: 0, total: 0 };
  return {
    previous: ids[index - 1] ?? null,
    next: ids[index + 1] ?? null,
    position: index + 1,
    total: ids.length,
  };
}
