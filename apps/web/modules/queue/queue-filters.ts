import type { Alteration, PairFilter, PairStatus } from '../graphql/generated/graphql';

export const PAIR_STATUSES: PairStatus[] = [
  'OPEN',
  'IN_ANNOTATION',
  'NEEDS_ADJUDICATION',
  'CONFIRMED_SAME',
  'CONFIRMED_DIFFERENT',
  'DECIDED',
];
export const ALTERATIONS: Alteration[] = ['CROP', 'ROTATION', 'FLIP', 'COLOUR', 'NOISE', 'OTHER'];

export interface QueueFilters {
  statuses: PairStatus[];
  minScore: string;
  maxScore: string;
  setId: string;
  alteration: Alteration | '';
  includeUnflagged: boolean;
}

/** Filters live in the URL, so a filtered queue can be bookmarked and shared. */
export function filtersFromParams(params: URLSearchParams): QueueFilters {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is PairStatus => (PAIR_STATUSES as string[]).includes(s));
  const alteration = params.get('alteration') ?? '';
  return {
    statuses,
    minScore: params.get('min') ?? '',
    maxScore: params.get('max') ?? '',
    setId: params.get('set') ?? '',
    alteration: (ALTERATIONS as string[]).includes(alteration) ? (alteration as Alteration) : '',
    includeUnflagged: params.get('all') === '1',
  };
}

export function filtersToParams(filters: QueueFilters): string {
  const params = new URLSearchParams();
  if (filters.statuses.length) params.set('status', filters.statuses.join(','));
  if (filters.minScore) params.set('min', filters.minScore);
  if (filters.maxScore) params.set('max', filters.maxScore);
  if (filters.setId) params.set('set', filters.setId);
  if (filters.alteration) params.set('alteration', filters.alteration);
  if (filters.includeUnflagged) params.set('all', '1');
  return params.toString();
}

const toNumber = (value: string) => {
  const number = Number.parseFloat(value);
  return Number.isFinite(number) ? number : null;
};

export function toPairFilter(filters: QueueFilters): PairFilter {
  return {
    ...(filters.includeUnflagged ? {} : { flagged: true }),
    ...(filters.statuses.length ? { status: filters.statuses } : {}),
    ...(toNumber(filters.minScore) !== null ? { minScore: toNumber(filters.minScore) } : {}),
    ...(toNumber(filters.maxScore) !== null ? { maxScore: toNumber(filters.maxScore) } : {}),
    ...(filters.setId ? { setId: filters.setId } : {}),
    ...(filters.alteration ? { alteration: filters.alteration } : {}),
  };
}
