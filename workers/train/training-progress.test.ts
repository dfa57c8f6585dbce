import { describe, expect, it } from 'vitest';
import { applyTrainEvent, initialProgress, plannedEpochs, withStage } from './training-progress.ts';

const epochLine = (n: number, seconds: number) => ({
  event: 'epoch',
  phase: 'parallel',
  epoch: n,
  epochs: 4,
  global_epoch: n,
  step: n * 3,
  lr: 0.002,
  loss: 1.5 - n / 10,
  bce: 1.2,
  bt: 40,
  epoch_s: seconds,
  val: { all: { accuracy: 0.6 + n / 100, auc: 0.7 } },
});

describe('training progress', () => {
  it('counts the head epochs of a consecutive run', () => {
    expect(plannedEpochs({ mode: 'parallel', epochs: 5, head_epochs: 2 })).toBe(5);
    expect(plannedEpochs({ mode: 'consecutive', epochs: 5, head_epochs: 2 })).toBe(7);
  });

  it('turns epoch lines into a history, a percentage and an estimate of time left', () => {
    let progress = initialProgress(4);
    progress = applyTrainEvent(progress, {
      event: 'start',
      device: 'cpu',
      config: { train: { mode: 'parallel', epochs: 4, head_epochs: 1 } },
    });
    expect(progress.stage).toBe('training');
    progress = applyTrainEvent(progress, epochLine(1, 10));
    progress = applyTrainEvent(progress, epochLine(2, 20));
    expect(progress.history.map((p) => p.epoch)).toEqual([1, 2]);
    expect(progress.history[1]).toMatchObject({
      loss: 1.3,
      bce: 1.2,
      valAccuracy: 0.62,
      valAuc: 0.7,
    });
    expect(progress.percent).toBe(45);
    // Two epochs left at the mean of 15 s each.
    expect(progress.etaSeconds).toBe(30);
    expect(progress.device).toBe('cpu');
  });

  it('ignores lines it does not know and moves through the stages after training', () => {
    const progress = applyTrainEvent(initialProgress(2), { event: 'something-else' });
    expect(progress.stage).toBe('queued');
    expect(withStage(progress, 'exporting').percent).toBe(90);
    expect(withStage(progress, 'finished')).toMatchObject({ percent: 100, etaSeconds: 0 });
  });
});
