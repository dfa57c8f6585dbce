import type { ImageSetQuery } from '../graphql/generated/graphql';
import { Badge } from '../ui/badge';
import { ProgressBar } from '../ui/progress-bar';

type SetData = NonNullable<ImageSetQuery['imageSet']>;

const STAGE_ORDER = ['EMPTY', 'INGESTING', 'EMBEDDING', 'SCORING', 'READY'];

/**
 * Ingest, embedding, pair scoring and geometric verification (after READY, when the model
 * verifies) as bars that fill live while the set is processed.
 */
export function SetProgress({ set }: { set: SetData }) {
  const { progress, status } = set;
  const stage = STAGE_ORDER.indexOf(status);
  const ingested = progress.imagesIngested + progress.imagesFailed;
  const embeddable = Math.max(0, progress.imagesTotal - progress.imagesFailed);
  const toneFor = (done: boolean) => (status === 'FAILED' ? 'error' : done ? 'done' : 'default');
  return (
    <section className="card" aria-labelledby="progress-title">
      <div className="section-title">
        <h2 id="progress-title">Processing</h2>
        <Badge value={status} />
      </div>
      {status === 'EMPTY' ? (
        <p className="muted">No images yet. Upload some to start ingest and scoring.</p>
      ) : (
        <>
          <ProgressBar
            label="Ingest"
            value={ingested}
            max={progress.imagesTotal}
            detail={`${progress.imagesIngested} ready${progress.imagesFailed ? `, ${progress.imagesFailed} failed` : ''} of ${progress.imagesTotal}`}
            tone={toneFor(
              stage > 1 || (progress.imagesTotal > 0 && ingested >= progress.imagesTotal),
            )}
          />
          <ProgressBar
            label="Embedding"
            value={progress.imagesEmbedded}
            max={embeddable}
            tone={toneFor(stage > 2 || (embeddable > 0 && progress.imagesEmbedded >= embeddable))}
          />
          <ProgressBar
            label="Pair scoring"
            value={progress.pairsScored}
            max={progress.pairsTotal}
            detail={`${progress.pairsScored.toLocaleString()} / ${progress.pairsTotal.toLocaleString()} pairs · ${progress.pairsFlagged} flagged`}
            tone={toneFor(status === 'READY')}
          />
          {progress.pairsToVerify > 0 && (
            <ProgressBar
              label="Keypoint verification"
              value={progress.pairsVerified}
              max={progress.pairsToVerify}
              detail={`${progress.pairsVerified.toLocaleString()} / ${progress.pairsToVerify.toLocaleString()} pairs checked`}
              tone={toneFor(status === 'READY' && progress.pairsVerified >= progress.pairsToVerify)}
            />
          )}
        </>
      )}
      {set.error && (
        <p className="form-error" role="alert">
          {set.error}
        </p>
      )}
      {set.modelVersion && (
        <p className="muted" style={{ marginBottom: 0 }}>
          Model <span className="mono">{set.modelVersion.name}</span> · threshold{' '}
          <span className="mono">{set.modelVersion.threshold.toFixed(3)}</span>
          {set.modelVersion.verifiedThreshold != null && (
            <>
              {' '}
              · verified pairs flagged above{' '}
              <span className="mono">{set.modelVersion.verifiedThreshold.toFixed(3)}</span>
            </>
          )}
        </p>
      )}
    </section>
  );
}
