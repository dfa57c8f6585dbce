/** A thumbnail from an authorized API URL, or a labelled placeholder while it is not ready. */
export function ImageThumb({
  src,
  name,
  size = 120,
  highlight = false,
}: {
  src: string | null | undefined;
  name: string;
  size?: number;
  highlight?: boolean;
}) {
  return (
    <figure className={`thumb${highlight ? ' thumb--highlight' : ''}`} style={{ width: size }}>
      <div className="thumb__frame" style={{ width: size, height: size }}>
        {src ? (
          // biome-ignore lint/performance/noImgElement: signed API URLs; next/image would proxy them.
          <img src={src} alt={name} loading="lazy" decoding="async" />
        ) : (
          <span className="thumb__placeholder" role="img" aria-label={`${name} (no preview yet)`}>
            {name.split('.').pop()?.toUpperCase() ?? 'IMG'}
          </span>
        )}
      </div>
      <figcaption className="thumb__caption" title={name}>
        {name}
      </figcaption>
    </figure>
  );
}
