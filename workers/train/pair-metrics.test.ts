import { describe, expect, it } from 'vitest';
import { pairMetrics } from './pair-metrics.ts';

describe('pairMetrics', () => {
  it('matches hand-computed figures (scikit-learn gives AUC 0.75 on this set)', () => {
    const labels = [true, true, false, false];
    const scores = [0.9, 0.4, 0.6, 0.1];
    const m = pairMetrics(labels, scores, 0.5);
    expect(m).toMatchObject({
      n: 4,
      positives: 2,
      accuracy: 0.5,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
    expect(m.auc).toBe(0.75);
    expect(m.roc.fpr.at(0)).toBe(0);
    expect(m.roc.tpr.at(-1)).toBe(1);
  });

  it('counts ties as half and has no AUC for a single class', () => {
    expect(pairMetrics([true, false], [0.5, 0.5], 0.4).auc).toBe(0.5);
    expect(pairMetrics([true, true], [0.2, 0.9], 0.5).auc).toBeNull();
  });
});
