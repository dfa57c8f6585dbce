import type { PairQuery } from '../graphql/generated/graphql';
import { Badge } from '../ui/badge';
import { formatDateTime } from '../ui/format';

type Decisions = NonNullable<PairQuery['pair']>['decisions'];

/** Every verdict recorded on the pair, newest first, with who and when. */
export function DecisionHistory({ decisions }: { decisions: Decisions }) {
  if (decisions.length === 0) return <p className="muted">No decision recorded yet.</p>;
  return (
    <ol className="history" aria-label="Decision history">
      {decisions.map((decision) => (
        <li key={decision.id}>
          <div>
            <Badge value={decision.verdict} />{' '}
            <span className="muted">
              {decision.editor.name} · {formatDateTime(decision.createdAt)}
              {decision.clusterId && ' · cluster decision'}
            </span>
          </div>
          {decision.comment && <blockquote>{decision.comment}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
