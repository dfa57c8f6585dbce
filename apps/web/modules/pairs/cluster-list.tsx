'use client';

import Link from 'next/link';
import { useState } from 'react';
import { DecisionForm } from '../decisions/decision-form';
import type { PairRowFragment } from '../graphql/generated/graphql';
import { ImageThumb } from '../images/image-thumb';
import { thumbnailSrc } from '../images/renditions';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/states';
import { clusterPairs } from './clusters';
import { Score } from './score';

/** Flagged pairs grouped by shared images, each cluster decidable in one step. */
export function ClusterList({ pairs }: { pairs: PairRowFragment[] }) {
  const clusters = clusterPairs(pairs);
  if (clusters.length === 0) {
    return (
      <EmptyState title="No flagged pairs">
        No pair of this set scored above the model's threshold. Nothing needs review.
      </EmptyState>
    );
  }
  return (
    <ol className="clusters">
      {clusters.map((cluster, index) => (
        <ClusterCard key={cluster.key} index={index + 1} pairs={cluster.pairs} />
      ))}
    </ol>
  );
}

/** A big cluster shows its strongest pairs first; the rest are one click away. */
const PAIRS_SHOWN = 6;
const IMAGES_SHOWN = 12;

function ClusterCard({ index, pairs }: { index: number; pairs: PairRowFragment[] }) {
  const [deciding, setDeciding] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const images = new Map<string, PairRowFragment['imageA']>();
  for (const pair of pairs) {
    images.set(pair.imageA.id, pair.imageA);
    images.set(pair.imageB.id, pair.imageB);
  }
  return (
    <li className="cluster">
      <div className="section-title">
        <h3>
          Cluster {index} · {images.size} images, {pairs.length} pair{pairs.length === 1 ? '' : 's'}
        </h3>
        <button
          type="button"
          className="btn btn--small"
          aria-expanded={deciding}
          onClick={() => setDeciding(!deciding)}
        >
          {deciding ? 'Close' : 'Decide cluster…'}
        </button>
      </div>
      <div className="cluster__images">
        {[...images.values()].slice(0, expanded ? undefined : IMAGES_SHOWN).map((image) => (
          <ImageThumb
            key={image.id}
            src={thumbnailSrc(image)}
            name={image.originalName}
            size={84}
          />
        ))}
        {!expanded && images.size > IMAGES_SHOWN && (
          <span className="muted cluster__more">+{images.size - IMAGES_SHOWN} more</span>
        )}
      </div>
      <table className="table table--compact">
        <tbody>
          {pairs.slice(0, expanded ? undefined : PAIRS_SHOWN).map((pair) => (
            <tr key={pair.id}>
              <td>
                <Link href={`/pairs/${pair.id}`}>
                  {pair.imageA.originalName} ↔ {pair.imageB.originalName}
                </Link>
              </td>
              <td>
                <Score value={pair.score} flagged={pair.flagged} />
              </td>
              <td>
                <Badge value={pair.verdict ?? pair.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pairs.length > PAIRS_SHOWN && (
        <button
          type="button"
          className="btn btn--small btn--ghost"
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show the strongest pairs only' : `Show all ${pairs.length} pairs`}
        </button>
      )}
      {deciding && (
        <DecisionForm
          compact
          title={`Verdict for all ${pairs.length} pairs of cluster ${index}`}
          pairIds={pairs.map((pair) => pair.id)}
        />
      )}
    </li>
  );
}
