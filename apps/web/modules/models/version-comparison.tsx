import type { ModelVersionFieldsFragment } from '../graphql/generated/graphql';
import { metric } from './format-training';
import { LineChart, type Series } from './line-chart';
import styles from './models.module.css';

type Version = ModelVersionFieldsFragment;
type Suite = 'heldOutMetrics' | 'standardMetrics';

const ROWS: {
  suite: Suite;
  key: 'accuracy' | 'auc' | 'f1' | 'precision' | 'recall';
  label: string;
}[] = [
  { suite: 'heldOutMetrics', key: 'accuracy', label: 'Held-out labels: accuracy' },
  { suite: 'heldOutMetrics', key: 'auc', label: 'Held-out labels: AUC' },
  { suite: 'standardMetrics', key: 'accuracy', label: 'Standard protocol: accuracy' },
  { suite: 'standardMetrics', key: 'auc', label: 'Standard protocol: AUC' },
  { suite: 'standardMetrics', key: 'f1', label: 'Standard protocol: F1' },
  { suite: 'standardMetrics', key: 'recall', label: 'Standard protocol: recall' },
];

function configSummary(version: Version): string {
  const config = (version.config ?? {}) as {
    model?: Record<string, unknown>;
    train?: Record<string, unknown>;
  };
  const parts = [
    config.model?.backbone,
    config.model?.image_size ? `${config.model.image_size} px` : null,
    config.train?.mode,
    config.train?.epochs ? `${config.train.epochs} epochs` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : '—';
}

function roc(version: Version | undefined, name: string, color: string, dashed = false): Series[] {
  const curve = version?.standardMetrics?.roc;
  if (!curve) return [];
  return [{ name, color, dashed, points: curve.fpr.map((x, i) => ({ x, y: curve.tpr[i] ?? 0 })) }];
}

/** Two versions side by side: gate metrics, threshold, config, and their ROC curves. */
export function VersionComparison({ left, right }: { left: Version; right?: Version }) {
  const cell = (version: Version | undefined, suite: Suite, key: (typeof ROWS)[number]['key']) =>
    version?.[suite]?.[key];
  return (
    <section className="card" aria-labelledby="compare-title" data-testid="version-comparison">
      <h2 id="compare-title">Side by side</h2>
      <div className={styles.comparison}>
        <dl className={styles.metrics}>
          <dt />
          <dd>
            <strong>{left.name}</strong>
          </dd>
          <dd>
            <strong>{right?.name ?? '—'}</strong>
          </dd>
          {ROWS.map((row) => {
            const a = cell(left, row.suite, row.key);
            const b = cell(right, row.suite, row.key);
            const tone =
              typeof a === 'number' && typeof b === 'number' && a !== b
                ? a > b
                  ? styles.better
                  : styles.worse
                : '';
            return (
              <div key={row.label} style={{ display: 'contents' }}>
                <dt>{row.label}</dt>
                <dd className={tone}>{metric(a)}</dd>
                <dd>{metric(b)}</dd>
              </div>
            );
          })}
          <dt>Threshold</dt>
          <dd>{metric(left.threshold)}</dd>
          <dd>{metric(right?.threshold)}</dd>
          <dt>Config</dt>
          <dd>{configSummary(left)}</dd>
          <dd>{right ? configSummary(right) : '—'}</dd>
          <dt>Parent</dt>
          <dd>{left.parent?.name ?? '—'}</dd>
          <dd>{right?.parent?.name ?? '—'}</dd>
        </dl>
        <LineChart
          title="ROC curves on the standard protocol"
          xLabel="false positive rate"
          xMax={1}
          yRange={[0, 1]}
          square
          series={[
            ...roc(left, left.name, '#2453c7'),
            ...roc(right, right?.name ?? '', '#9a6200', true),
            {
              name: 'chance',
              color: '#c0c6cf',
              dashed: true,
              points: [
                { x: 0, y: 0 },
                { x: 1, y: 1 },
              ],
            },
          ]}
          testId="roc-chart"
        />
      </div>
    </section>
  );
}
