import { describe, expect, it } from 'vitest';
import { decidePromotion } from './decide-promotion.ts';
import type { TModelEvaluation } from './evaluate-model.ts';
import { pairMetrics } from './pair-metrics.ts';

/** An evaluation whose suites have the given accuracy (and AUC 0.9), or are skipped. */
function evaluation(heldOut: number | string, standard: number | string): TModelEvaluation {
  const suite = (accuracy: number | string) => {
    if (typeof accuracy === 'string') return { skipped: accuracy };
    const metrics = pairMetrics([true, false], [0.9, 0.1], 0.5);
    return { metrics: { ...metrics, accuracy, auc: 0.9 } };
  };
  return { modelDir: '/m', version: 'v', heldOut: suite(heldOut), standard: suite(standard) };
}

describe('decidePromotion', () => {
  it('promotes when nothing is active', () => {
    const decision = decidePromotion({
      candidate: evaluation(0.5, 0.5),
      active: null,
      margin: 0.01,
    });
    expect(decision).toMatchObject({ promote: true, reason: 'no active model to compare with' });
  });

  it('promotes a candidate within the margin on both suites', () => {
    const decision = decidePromotion({
      candidate: evaluation(0.795, 0.9),
      active: evaluation(0.8, 0.88),
      margin: 0.01,
    });
    expect(decision.promote).toBe(true);
    expect(decision.comparisons).toHaveLength(4);
  });

  it('holds a candidate worse by more than the margin on either suite, saying where', () => {
    const decision = decidePromotion({
      candidate: evaluation(0.9, 0.7),
      active: evaluation(0.8, 0.8),
      margin: 0.01,
    });
    expect(decision.promote).toBe(false);
    expect(decision.reason).toContain('accuracy on standard protocol 0.7 vs 0.8');
  });

  it('skips a suite that cannot judge, but never the standard protocol', () => {
    const skipped = decidePromotion({
      candidate: evaluation('too few', 0.8),
      active: evaluation('too few', 0.8),
      margin: 0,
    });
    expect(skipped).toMatchObject({
      promote: true,
      skipped: [{ suite: 'heldOut', reason: 'too few' }],
    });
    const broken = decidePromotion({
      candidate: evaluation(0.8, 0.8),
      active: evaluation(0.8, 'missing files'),
      margin: 0,
    });
    expect(broken).toMatchObject({
      promote: false,
      reason: 'the active model could not be evaluated: missing files',
    });
  });
});
