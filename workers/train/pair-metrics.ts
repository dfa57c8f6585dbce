// Metrics of a scored, labelled pair set, as the training module's evaluation.py defines them:
// "same" is predicted when score > threshold (the model's calibrated one); AUC is the
// Mann-Whitney statistic (ties count half), equal to scikit-learn's roc_auc_score.

export interface TPairMetrics {
  n: number;
  positives: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** null when the set holds only one class. */
  auc: number | null;
  threshold: number;
  accuracyAt05: number;
  /** ROC curve, at most ~50 points, from (0,0) to (1,1). */
  roc: { fpr: number[]; tpr: number[] };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

export function pairMetrics(labels: boolean[], scores: number[], threshold: number): TPairMetrics {
  if (labels.length !== scores.length) throw new Error('one score per label is needed');
  const n = labels.length;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correctAt05 = 0;
  labels.forEach((same, i) => {
    const score = scores[i] as number;
    const predicted = score > threshold;
    if (predicted && same) tp++;
    if (predicted && !same) fp++;
    if (!predicted && same) fn++;
    if (score > 0.5 === same) correctAt05++;
  });
  const positives = labels.filter(Boolean).length;
  const tn = n - tp - fp - fn;
  return {
    n,
    positives,
    accuracy: round(n ? (tp + tn) / n : 0),
    precision: round(tp + fp ? tp / (tp + fp) : 0),
    recall: round(tp + fn ? tp / (tp + fn) : 0),
    f1: round(tp ? (2 * tp) / (2 * tp + fp + fn) : 0),
    auc: positives > 0 && positives < n ? round(auc(labels, scores)) : null,
    threshold,
    accuracyAt05: round(n ? correctAt05 / n : 0),
    roc: rocCurve(labels, scores),
  };
}

function auc(labels: boolean[], scores: number[]): number {
  const order = scores.map((score, i) => ({ score, same: labels[i] as boolean }));
  order.sort((a, b) => a.score - b.score);
  // Average ranks over ties, then the Mann-Whitney U of the positives.
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.score === order[i]?.score) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (order[k]?.same) rankSum += rank;
    i = j + 1;
  }
  const pos = labels.filter(Boolean).length;
  const neg = labels.length - pos;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

function rocCurve(labels: boolean[], scores: number[]): TPairMetrics['roc'] {
  const pos = labels.filter(Boolean).length;
  const neg = labels.length - pos;
  if (!pos || !neg) return { fpr: [0, 1], tpr: [0, 1] };
  const order = scores.map((score, i) => ({ score, same: labels[i] as boolean }));
  order.sort((a, b) => b.score - a.score);
  const fpr = [0];
  const tpr = [0];
  let tp = 0;
  let fp = 0;
  const every = Math.max(1, Math.floor(order.length / 48));
  order.forEach((item, i) => {
    if (item.same) tp++;
    else fp++;
    const lastOfTie = order[i + 1]?.score !== item.score;
    if (lastOfTie && (i % every === 0 || i === order.length - 1)) {
      fpr.push(round(fp / neg));
      tpr.push(round(tp / pos));
    }
  });
  return { fpr, tpr };
}
