import type { ModelsDashboardQuery } from '../graphql/generated/graphql';
import { formatDateTime } from '../ui/format';
import { percent } from './format-training';

type Stats = ModelsDashboardQuery['trainingLabelStats'];

/** What the next run would learn from, and how much reviewers agree. */
export function LabelStats({ stats }: { stats: Stats }) {
  return (
    <section className="card" aria-labelledby="labels-title">
      <h2 id="labels-title">Confirmed labels</h2>
      <div className="stat-row">
        <div className="stat">
          <div className="stat__value" data-testid="labels-since-last-run">
            {stats.sinceLastRun}
          </div>
          <div className="stat__label">new since the last run</div>
        </div>
        <div className="stat">
          <div className="stat__value">{stats.confirmed}</div>
          <div className="stat__label">
            confirmed ({stats.same} same, {stats.different} different)
          </div>
        </div>
        <div className="stat">
          <div className="stat__value">{percent(stats.agreementRate)}</div>
          <div className="stat__label">agreed without adjudication</div>
        </div>
      </div>
      <p className="muted" style={{ fontSize: 13 }}>
        {stats.lastRunAt ? `Last run started ${formatDateTime(stats.lastRunAt)}.` : 'No run yet.'}{' '}
        {stats.adjudicated} label(s) were settled by an editor.
      </p>
      {stats.annotators.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>Annotator</th>
              <th>Labels on confirmed pairs</th>
              <th>Agreement with the confirmed label</th>
            </tr>
          </thead>
          <tbody>
            {stats.annotators.map((row) => (
              <tr key={row.annotator.id}>
                <td>{row.annotator.name}</td>
                <td>{row.annotations}</td>
                <td>{percent(row.agreementRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
