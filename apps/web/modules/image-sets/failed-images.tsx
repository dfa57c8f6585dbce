'use client';

import { useQuery } from '@tanstack/react-query';
import { request } from '../graphql/request';
import { setImagesQuery } from './queries';

/** The files ingest refused, each with its readable reason (the rest of the set goes on). */
export function FailedImages({ setId, failedCount }: { setId: string; failedCount: number }) {
  const failed = useQuery({
    queryKey: ['setImages', setId, 'FAILED', failedCount],
    queryFn: () => request(setImagesQuery, { id: setId, first: 100, status: 'FAILED' }),
    enabled: failedCount > 0,
  });
  if (failedCount === 0) return null;
  const images = failed.data?.imageSet?.images.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="card" aria-labelledby="failed-title">
      <h2 id="failed-title">
        Failed files <span className="badge badge--danger">{failedCount}</span>
      </h2>
      <p className="muted">These files were not ingested. The rest of the set is unaffected.</p>
      <ul className="failed-list">
        {images.map((image) => (
          <li key={image.id}>
            <span className="mono">{image.originalName}</span> — {image.error ?? 'Unknown reason'}
          </li>
        ))}
      </ul>
    </section>
  );
}
