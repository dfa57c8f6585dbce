import type { PairStatus } from '../graphql/generated/graphql';
import { humanize } from '../ui/format';

const ORDER: PairStatus[] = [
  'OPEN',
  'IN_ANNOTATION',
  'NEEDS_ADJUDICATION',
  'CONFIRMED_SAME',
  'CONFIRMED_DIFFERENT',
  'DECIDED',
];

/** How many flagged pairs stand where: what is left to do at a glance. */
export function PairStatusCounts({ pairs }: { pairs: readonly { status: PairStatus }[] }) {
  const counts = new Map<PairStatus, number>();
  for (const pair of pairs) counts.set(pair.status, (counts.get(pair.status) ?? 0) + 1);
  return (
    <section className="stat-row" aria-label="Flagged pairs by status">
      <div className="stat">
        <div className="stat__value">{pairs.length}</div>
        <div className="stat__label">Flagged pairs</div>
      </div>
      {ORDER.map((status) => (
        <div className="stat" key={status}>
          <div className="stat__value">{counts.get(status) ?? 0}</div>
          <div className="stat__label">{humanize(status)}</div>
        </div>
      ))}
    </section>
  );
}
