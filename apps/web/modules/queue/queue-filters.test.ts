import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, toPairFilter } from './queue-filters';

describe('queue filters', () => {
  it('round-trips through the URL and ignores values it does not know', () => {
    const params = new URLSearchParams(
      'status=OPEN,BOGUS,DECIDED&min=0.7&set=abc&alteration=FLIP&all=1',
    );
    const filters = filtersFromParams(params);
    expect(filters).toEqual({
      statuses: ['OPEN', 'DECIDED'],
      minScore: '0.7',
      maxScore: '',
      setId: 'abc',
      alteration: 'FLIP',
      includeUnflagged: true,
    });
    expect(filtersToParams(filters)).toBe(
      'status=OPEN%2CDECIDED&min=0.7&set=abc&alteration=FLIP&all=1',
    );
  });

  it('builds the API filter: flagged only by default, numbers parsed, blanks left out', () => {
    expect(toPairFilter(filtersFromParams(new URLSearchParams('max=abc')))).toEqual({
      flagged: true,
    });
    expect(toPairFilter(filtersFromParams(new URLSearchParams('min=0.5&max=0.9&all=1')))).toEqual({
      minScore: 0.5,
      maxScore: 0.9,
    });
  });
});
