import { describe, expect, it } from 'vitest';
import { annotatorAgreement, pairAgrees } from './agreement';

const ann = (id: string, label: 'SAME' | 'DIFFERENT' | 'UNSURE') => ({
  label,
  annotator: { id, name: id.toUpperCase() },
});

describe('agreement', () => {
  it('says whether a pair agrees once it has two labels', () => {
    expect(pairAgrees({ id: 'p', annotations: [ann('a', 'SAME')] })).toBeNull();
    expect(pairAgrees({ id: 'p', annotations: [ann('a', 'SAME'), ann('b', 'SAME')] })).toBe(true);
    expect(pairAgrees({ id: 'p', annotations: [ann('a', 'SAME'), ann('b', 'DIFFERENT')] })).toBe(
      false,
    );
    expect(pairAgrees({ id: 'p', annotations: [ann('a', 'UNSURE'), ann('b', 'UNSURE')] })).toBe(
      false,
    );
  });

  it('scores each annotator against the confirmed label and against peers', () => {
    const rows = annotatorAgreement([
      {
        id: 'p1',
        annotations: [ann('a', 'SAME'), ann('b', 'SAME')],
        confirmedLabel: { label: 'SAME' },
      },
      {
        id: 'p2',
        annotations: [ann('a', 'SAME'), ann('b', 'DIFFERENT')],
        confirmedLabel: { label: 'DIFFERENT' },
      },
      { id: 'p3', annotations: [ann('a', 'UNSURE')], confirmedLabel: null },
    ]);
    expect(rows).toEqual([
      {
        id: 'a',
        name: 'A',
        annotations: 3,
        judged: 2,
        matched: 1,
        compared: 2,
        agreedWithPeers: 1,
      },
      {
        id: 'b',
        name: 'B',
        annotations: 2,
        judged: 2,
        matched: 2,
        compared: 2,
        agreedWithPeers: 1,
      },
    ]);
  });
});
