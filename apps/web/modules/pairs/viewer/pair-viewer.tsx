'use client';

import { displaySrc, originalSrc } from '../../images/renditions';
import { DifferenceCanvas } from './difference-canvas';
import type { PairViewerState } from './use-pair-viewer';
import { alignmentCss, FULL_RES_SCALE } from './view-state';
import { ViewerToolbar } from './viewer-toolbar';
import { ZoomPane } from './zoom-pane';

interface ViewerImage {
  id: string;
  originalName: string;
  width?: number | null;
  height?: number | null;
}

function ImageLayer({
  src,
  name,
  style,
}: {
  src: string | null;
  name: string;
  style?: React.CSSProperties;
}) {
  if (!src) return <div className="pane__missing">No preview of {name} yet</div>;
  // biome-ignore lint/performance/noImgElement: signed API URLs swapped for full resolution on zoom
  return <img className="pane__img" src={src} alt="" draggable={false} style={style} />;
}

const dims = (image: ViewerImage) =>
  image.width && image.height ? ` · ${image.width}×${image.height}` : '';

/**
 * The two images of a pair: side by side with synchronized zoom and pan, overlaid with an
 * opacity slider, flickering, or as a difference map. B can be rotated and mirrored by hand.
 * Zooming past FULL_RES_SCALE swaps the display renditions for the originals.
 */
export function PairViewer({
  imageA,
  imageB,
  viewer,
}: {
  imageA: ViewerImage;
  imageB: ViewerImage;
  viewer: PairViewerState;
}) {
  const { mode, view, alignment, opacity, showB, updateView } = viewer;
  const fullRes = view.scale >= FULL_RES_SCALE;
  const srcOf = (image: ViewerImage) => (fullRes ? originalSrc(image) : displaySrc(image));
  const srcA = srcOf(imageA);
  const srcB = srcOf(imageB);
  const bTransform = { transform: alignmentCss(alignment) };
  const captionA = (
    <>
      <strong>A</strong> {imageA.originalName}
      <span className="muted">{dims(imageA)}</span>
    </>
  );
  const captionB = (
    <>
      <strong>B</strong> {imageB.originalName}
      <span className="muted">{dims(imageB)}</span>
    </>
  );
  return (
    <div className={`viewer viewer--${mode}`}>
      <ViewerToolbar viewer={viewer} fullRes={fullRes} />
      {mode === 'side' && (
        <div className="viewer__panes">
          <ZoomPane
            view={view}
            onViewChange={updateView}
            label={`Image A: ${imageA.originalName}`}
            caption={captionA}
          >
            <ImageLayer src={srcA} name={imageA.originalName} />
          </ZoomPane>
          <ZoomPane
            view={view}
            onViewChange={updateView}
            label={`Image B: ${imageB.originalName}`}
            caption={captionB}
          >
            <ImageLayer src={srcB} name={imageB.originalName} style={bTransform} />
          </ZoomPane>
        </div>
      )}
      {(mode === 'overlay' || mode === 'flicker') && (
        <div className="viewer__panes viewer__panes--single">
          <ZoomPane
            view={view}
            onViewChange={updateView}
            label={`${mode === 'overlay' ? 'Overlay' : 'Flicker'} of ${imageA.originalName} and ${imageB.originalName}`}
            caption={
              mode === 'flicker' ? (
                <span aria-live="off">Showing {showB ? captionB : captionA}</span>
              ) : (
                <>
                  {captionA} under {captionB} at {Math.round(opacity * 100)}%
                </>
              )
            }
          >
            <ImageLayer src={srcA} name={imageA.originalName} />
            <ImageLayer
              src={srcB}
              name={imageB.originalName}
              style={{ ...bTransform, opacity: mode === 'overlay' ? opacity : showB ? 1 : 0 }}
            />
          </ZoomPane>
        </div>
      )}
      {mode === 'difference' && (
        <div className="viewer__panes viewer__panes--single">
          <ZoomPane
            view={view}
            onViewChange={updateView}
            label={`Difference of ${imageA.originalName} and ${imageB.originalName}`}
            caption="|A − B| after alignment: dark where they match, bright where they differ"
          >
            <DifferenceCanvas
              srcA={displaySrc(imageA)}
              srcB={displaySrc(imageB)}
              alignment={alignment}
            />
          </ZoomPane>
        </div>
      )}
    </div>
  );
}
