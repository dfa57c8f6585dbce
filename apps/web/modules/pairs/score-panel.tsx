import type { PairQuery } from '../graphql/generated/graphql';
import { Badge } from '../ui/badge';
import { formatScore, humanize } from '../ui/format';
import { Score } from './score';

type PairData = NonNullable<PairQuery['pair']>;

/**
 * The verdict in context: the score against the calibrated threshold of its version. A
 * geometrically verified pair's score combines the model's score with its keypoint matches, and
 * is held against the verified threshold; both parts are shown.
 */
export function ScorePanel({ pair }: { pair: PairData }) {
  const verified = pair.inliers != null && pair.modelVersion.verifiedThreshold != null;
  const threshold = verified
    ? (pair.modelVersion.verifiedThreshold as number)
    : pair.modelVersion.threshold;
  const margin = pair.score - threshold;
  return (
    <section className="card score-panel" aria-labelledby="score-title">
      <h2 id="score-title" className="visually-hidden">
        Score
      </h2>
      <div className="score-panel__main">
        <Score value={pair.score} flagged={pair.flagged} />
        <div className="score-meter" aria-hidden="true">
          <div
            className="score-meter__fill"
            style={{ width: `${Math.max(0, Math.min(1, pair.score)) * 100}%` }}
          />
          <div
            className="score-meter__threshold"
            style={{ left: `${Math.max(0, Math.min(1, threshold)) * 100}%` }}
          />
        </div>
      </div>
      <dl className="facts">
        <dt>Threshold</dt>
        <dd className="mono">
          {threshold.toFixed(3)}{' '}
          <span className="muted">
            ({margin >= 0 ? '+' : ''}
            {margin.toFixed(3)})
          </span>
        </dd>
        <dt>Model score</dt>
        <dd className="mono">{formatScore(pair.modelScore ?? pair.score)}</dd>
        <dt>Keypoint matches</dt>
        <dd>
          {verified ? (
            <span className="mono">{pair.inliers}</span>
          ) : (
            <span className="muted">not verified</span>
          )}
        </dd>
        <dt>Model version</dt>
        <dd className="mono">{pair.modelVersion.name}</dd>
        <dt>Status</dt>
        <dd>
          <Badge value={pair.status} />
        </dd>
        <dt>Scope</dt>
        <dd>{pair.scope === 'ARCHIVE' ? 'Against earlier sets' : 'Within the set'}</dd>
        {pair.confirmedLabel && (
          <>
            <dt>Confirmed label</dt>
            <dd>
              <Badge value={pair.confirmedLabel.label} />{' '}
              <span className="muted">{humanize(pair.confirmedLabel.source)}</span>
              {pair.confirmedLabel.alterations.length > 0 && (
                <span className="muted">
                  {' '}
                  · {pair.confirmedLabel.alterations.map(humanize).join(', ')}
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
