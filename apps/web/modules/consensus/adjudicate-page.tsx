'use client';

import Link from 'next/link';
import { AdjudicationForm } from '../annotations/adjudication-form';
import { AnnotationList } from '../annotations/annotation-list';
import { ImageThumb } from '../images/image-thumb';
import { thumbnailSrc } from '../images/renditions';
import { PageHeader } from '../layout/page-header';
import { Score } from '../pairs/score';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { useConsensusPairs } from './use-consensus-pairs';

/** Pairs whose annotators disagreed (or were unsure): an editor settles each one. */
export function AdjudicatePage() {
  const pairs = useConsensusPairs({ status: ['NEEDS_ADJUDICATION'] }, 200);
  return (
    <div className="page">
      <PageHeader
        title="Adjudicate"
        subtitle="Annotators disagreed on these pairs. Your label becomes the confirmed one that retraining learns from."
      />
      {pairs.isPending ? (
        <LoadingState label="Loading disagreements" rows={5} />
      ) : pairs.isError ? (
        <ErrorState error={pairs.error} onRetry={() => pairs.refetch()} />
      ) : pairs.data.length === 0 ? (
        <div className="card">
          <EmptyState title="No disagreements to settle">
            When annotators label a pair differently, it appears here for an editor to decide.
          </EmptyState>
        </div>
      ) : (
        <ol className="adjudication-list">
          {pairs.data.map((pair) => (
            <li key={pair.id} className="card adjudication-item">
              <div className="adjudication-item__images">
                <ImageThumb
                  src={thumbnailSrc(pair.imageA)}
                  name={pair.imageA.originalName}
                  size={140}
                />
                <ImageThumb
                  src={thumbnailSrc(pair.imageB)}
                  name={pair.imageB.originalName}
                  size={140}
                />
              </div>
              <div className="adjudication-item__labels">
                <div className="section-title">
                  <h2>
                    <Link href={`/pairs/${pair.id}`}>Open in viewer</Link>
                  </h2>
                  <Score value={pair.score} flagged={pair.flagged} />
                </div>
                <p className="muted" style={{ marginTop: 0 }}>
                  {pair.set.name}
                </p>
                <AnnotationList annotations={pair.annotations} />
              </div>
              <div className="adjudication-item__form">
                <AdjudicationForm pairId={pair.id} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
