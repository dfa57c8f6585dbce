import type { TrainingRunFieldsFragment } from '../graphql/generated/graphql';
import { LineChart, type Series } from './line-chart';
import styles from './models.module.css';

type History = TrainingRunFieldsFragment['live']['history'];

function series(
  history: History,
  name: string,
  color: string,
  pick: (p: History[number]) => number | null | undefined,
  dashed = false,
): Series {
  return {
    name,
    color,
    dashed,
    points: history.flatMap((p) => {
      const y = pick(p);
      return typeof y === 'number' && Number.isFinite(y) ? [{ x: p.epoch, y }] : [];
    }),
  };
}

/** Loss and validation metrics per epoch, as train.py reports them. */
export function TrainingCharts({ run }: { run: TrainingRunFieldsFragment }) {
  const { history, totalEpochs } = run.live;
  const losses = [
    series(history, 'BCE (pairs)', '#2453c7', (p) => p.bce),
    series(history, 'confirmed labels BCE', '#b42318', (p) => p.labelledBce, true),
    series(history, 'total loss', '#1f7a3f', (p) => (p.bt === null ? p.loss : null)),
  ].filter((s) => s.points.length > 0);
  const validation = [
    series(history, 'validation accuracy', '#2453c7', (p) => p.valAccuracy),
    series(history, 'validation AUC', '#9a6200', (p) => p.valAuc, true),
  ];
  return (
    <div className={styles.charts}>
      <LineChart
        title="Training loss per epoch"
        series={losses}
        xMax={totalEpochs}
        testId="loss-chart"
      />
      <LineChart
        title="Validation metrics per epoch"
        series={validation}
        xMax={totalEpochs}
        yRange={[0, 1]}
        testId="metric-chart"
      />
    </div>
  );
}
