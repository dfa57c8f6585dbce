import type { TrainingRunFieldsFragment } from '../graphql/generated/graphql';
import { Badge } from '../ui/badge';
import { formatDateTime } from '../ui/format';
import { TableCard } from '../ui/table-card';
import styles from './models.module.css';

const TONE: Record<string, string> = {
  SUCCEEDED: 'READY',
  FAILED: 'FAILED',
  CANCELLED: 'UNSURE',
  RUNNING: 'SCORING',
  QUEUED: 'IN_ANNOTATION',
};

/** Every run: who or what started it, what it learned from, and what the gate decided. */
export function RunHistory({ runs }: { runs: TrainingRunFieldsFragment[] }) {
  return (
    <TableCard title="Training runs">
      <table className="table table--compact" data-testid="run-history">
        <thead>
          <tr>
            <th>Started</th>
            <th>Trigger</th>
            <th>Status</th>
            <th>Data</th>
            <th>Outcome</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>{formatDateTime(run.createdAt)}</td>
              <td>
                {run.trigger === 'SCHEDULE' ? 'schedule' : (run.triggeredBy?.name ?? 'manual')}
                {run.isPlatformWide ? ' · platform-wide' : ''}
              </td>
              <td>
                <Badge value={TONE[run.status] ?? run.status} label={run.status.toLowerCase()} />
              </td>
              <td>
                {run.dataset
                  ? `${run.dataset.images} images · ${run.dataset.labels} labels · ${run.dataset.heldOut} held out`
                  : '—'}
              </td>
              <td>
                {run.error ??
                  (run.gate
                    ? `${run.gate.promoted ? 'Promoted' : 'Kept as candidate'}: ${run.gate.reason}`
                    : '—')}
                {run.gate && run.gate.comparisons.length > 0 && (
                  <ul className={styles.gate}>
                    {run.gate.comparisons.map((c) => (
                      <li key={`${c.suite}-${c.metric}`} className={c.ok ? '' : styles.worse}>
                        {c.suite === 'HELD_OUT' ? 'held-out' : 'standard'} {c.metric}:{' '}
                        {c.candidate.toFixed(3)} vs {c.active.toFixed(3)} ({c.delta >= 0 ? '+' : ''}
                        {c.delta.toFixed(3)})
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableCard>
  );
}
