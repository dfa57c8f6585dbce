'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { request } from '../graphql/request';
import { ImageThumb } from '../images/image-thumb';
import { thumbnailSrc } from '../images/renditions';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { setImagesQuery } from './queries';

/** Every ready image of the set; those in a flagged pair are outlined. */
export function SetImageGrid({
  setId,
  version,
  flaggedImageIds,
}: {
  setId: string;
  /** Changes when ingest progresses, so the grid refetches. */
  version: number;
  flaggedImageIds: Set<string>;
}) {
  const images = useInfiniteQuery({
    queryKey: ['setImages', setId, 'READY', version],
    queryFn: ({ pageParam }) =>
      request(setImagesQuery, { id: setId, first: 100, after: pageParam, status: 'READY' }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => {
      const page = last.imageSet?.images.pageInfo;
      return page?.hasNextPage ? page.endCursor : undefined;
    },
    placeholderData: (previous) => previous,
  });
  const nodes =
    images.data?.pages.flatMap(
      (page) => page.imageSet?.images.edges.map((edge) => edge.node) ?? [],
    ) ?? [];
  const total = images.data?.pages[0]?.imageSet?.images.totalCount ?? 0;
  return (
    <section className="card" aria-labelledby="images-title">
      <div className="section-title">
        <h2 id="images-title">Images</h2>
        <span className="muted">{total} ready</span>
      </div>
      {images.isPending ? (
        <LoadingState label="Loading images" rows={2} />
      ) : images.isError ? (
        <ErrorState error={images.error} onRetry={() => images.refetch()} />
      ) : nodes.length === 0 ? (
        <EmptyState title="No images ready yet">
          Ingested images appear here as they are processed.
        </EmptyState>
      ) : (
        <>
          <div className="thumb-grid">
            {nodes.map((image) => (
              <ImageThumb
                key={image.id}
                src={thumbnailSrc(image)}
                name={image.originalName}
                size={112}
                highlight={flaggedImageIds.has(image.id)}
              />
            ))}
          </div>
          {images.hasNextPage && (
            <button
              type="button"
              className="btn"
              style={{ marginTop: 12 }}
              onClick={() => images.fetchNextPage()}
            >
              Show more images
            </button>
          )}
        </>
      )}
    </section>
  );
}
