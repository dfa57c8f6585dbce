'use client';

import { useEffect, useRef, useState } from 'react';
import { type Alignment, alignmentCss } from './view-state';

const SIZE = 768;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`could not load ${src}`));
    image.src = src;
  });
}

/** Draws `image` fitted inside a SIZE×SIZE square, turned and mirrored the way the CSS view is. */
function drawFitted(
  context: CanvasRenderingContext2D,
  image: HTMLImageElement,
  alignment: Alignment,
) {
  const fit = Math.min(SIZE / image.naturalWidth, SIZE / image.naturalHeight);
  const width = image.naturalWidth * fit;
  const height = image.naturalHeight * fit;
  context.save();
  context.translate(SIZE / 2, SIZE / 2);
  context.rotate((alignment.rotation * Math.PI) / 180);
  context.scale(alignment.flipH ? -1 : 1, alignment.flipV ? -1 : 1);
  context.drawImage(image, -width / 2, -height / 2, width, height);
  context.restore();
}

/**
 * |A − B| per pixel after B's hand alignment, as a heat map: black where the two agree, bright
 * where they differ. A reused panel with a spliced region lights up exactly there.
 */
export function DifferenceCanvas({
  srcA,
  srcB,
  alignment,
}: {
  srcA: string | null;
  srcB: string | null;
  alignment: Alignment;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    if (!srcA || !srcB) return;
    void (async () => {
      try {
        const [a, b] = await Promise.all([loadImage(srcA), loadImage(srcB)]);
        if (cancelled || !canvas.current) return;
        const work = document.createElement('canvas');
        work.width = SIZE;
        work.height = SIZE;
        const context = work.getContext('2d', { willReadFrequently: true });
        if (!context) return;
        drawFitted(context, a, { rotation: 0, flipH: false, flipV: false });
        const pixelsA = context.getImageData(0, 0, SIZE, SIZE).data;
        context.clearRect(0, 0, SIZE, SIZE);
        drawFitted(context, b, alignment);
        const pixelsB = context.getImageData(0, 0, SIZE, SIZE).data;
        const out = new ImageData(SIZE, SIZE);
        for (let i = 0; i < pixelsA.length; i += 4) {
          const diff =
            (Math.abs((pixelsA[i] ?? 0) - (pixelsB[i] ?? 0)) +
              Math.abs((pixelsA[i + 1] ?? 0) - (pixelsB[i + 1] ?? 0)) +
              Math.abs((pixelsA[i + 2] ?? 0) - (pixelsB[i + 2] ?? 0))) /
            3;
          const v = Math.min(255, diff * 3);
          out.data[i] = v;
          out.data[i + 1] = Math.max(0, v * 2 - 255);
          out.data[i + 2] = Math.max(0, v * 3 - 510);
          out.data[i + 3] = 255;
        }
        canvas.current.getContext('2d')?.putImageData(out, 0, 0);
        setError(null);
      } catch (caught) {
        if (!cancelled) setError((caught as Error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [srcA, srcB, alignment]);
  if (!srcA || !srcB) return <div className="pane__missing">No preview to compare yet</div>;
  return (
    <>
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        className="pane__canvas"
        data-alignment={alignmentCss(alignment)}
      />
      {error && <div className="pane__missing">Difference unavailable: {error}</div>}
    </>
  );
}
