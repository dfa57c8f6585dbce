import type { TModelEvaluation, TSuiteResult } from './evaluate-model.ts';

// The evaluation gate: a candidate is promoted only if, on both suites (the organization's
// held-out confirmed labels and the standard editorial protocol), neither its accuracy nor its
// AUC trails the active model's by more than the margin. A suite that cannot judge (too few
// held-out labels) is recorded as skipped; the standard protocol must always judge.

export type Suite = 'heldOut' | 'standard';
export type GateMetric = 'accuracy' | 'auc';

export interface TGateComparison {
  suite: Suite;
  metric: GateMetric;
  candidate: number;
  active: number;
  delta: number;
  ok: boolean;
}

export interface TGateDecision {
  promote: boolean;
  reason: string;
  margin: number;
  comparisons: TGateComparison[];
  skipped: { suite: Suite; reason: string }[];
}

const SUITES: Suite[] = ['heldOut', 'standard'];
const METRICS: GateMetric[] = ['accuracy', 'auc'];
const NAMES: Record<Suite, string> = { heldOut: 'held-out labels', standard: 'standard protocol' };

export function decidePromotion(input: {
  candidate: TModelEvaluation;
  active: TModelEvaluation | null;
  margin: number;
}): TGateDecision {
  const { candidate, active, margin } = input;
  const comparisons: TGateComparison[] = [];
  const skipped: TGateDecision['skipped'] = [];
  const hold = (reason: string): TGateDecision => ({
    promote: false,
    reason,
    margin,
    comparisons,
    skipped,
  });

  if (!candidate.standard.metrics) {
    return hold(`the candidate could not be evaluated: ${candidate.standard.skipped}`);
  }
  if (!active) {
    return {
      promote: true,
      reason: 'no active model to compare with',
      margin,
      comparisons,
      skipped,
    };
  }
  if (!active.standard.metrics) {
    return hold(`the active model could not be evaluated: ${active.standard.skipped}`);
  }
  for (const suite of SUITES) {
    const c: TSuiteResult = candidate[suite];
    const a: TSuiteResult = active[suite];
    if (!c.metrics || !a.metrics) {
      skipped.push({ suite, reason: c.skipped ?? a.skipped ?? 'not scored' });
      continue;
    }
    for (const metric of METRICS) {
      const cv = c.metrics[metric];
      const av = a.metrics[metric];
      if (cv === null || av === null) continue;
      const delta = Math.round((cv - av) * 10_000) / 10_000;
      comparisons.push({ suite, metric, candidate: cv, active: av, delta, ok: delta >= -margin });
    }
  }
  const worse = comparisons.filter((c) => !c.ok);
  if (worse.length) {
    const list = worse.map((c) => `${c.metric} on ${NAMES[c.suite]} ${c.candidate} vs ${c.active}`);
    return hold(`worse than the active model by more than ${margin}: ${list.join('; ')}`);
  }
  const judged = [...new Set(comparisons.map((c) => NAMES[c.suite]))].join(' and ');
  return {
    promote: true,
    reason: `not worse than the active model by more than ${margin} on ${judged}`,
    margin,
    comparisons,
    skipped,
  };
}
