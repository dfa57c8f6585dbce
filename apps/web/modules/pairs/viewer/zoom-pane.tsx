'use client';

import { type PointerEvent, type ReactNode, useEffect, useRef } from 'react';
import { type ViewTransform, viewCss, zoomAt } from './view-state';

/**
 * A square pane whose content zooms with the wheel (around the cursor) and pans by dragging.
 * The view is owned by the parent, so side-by-side panes move together.
 */
export function ZoomPane({
  view,
  onViewChange,
  label,
  children,
  caption,
}: {
  view: ViewTransform;
  onViewChange: (update: (view: ViewTransform) => ViewTransform) => void;
  label: string;
  children: ReactNode;
  caption?: ReactNode;
}) {
  const pane = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);

  // React's wheel listener is passive: a native one is needed to stop the page scrolling.
  useEffect(() => {
    const element = pane.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const focus = {
        x: event.clientX - rect.left - rect.width / 2,
        y: event.clientY - rect.top - rect.height / 2,
      };
      onViewChange((current) => zoomAt(current, Math.exp(-event.deltaY * 0.0015), focus));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [onViewChange]);

  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY };
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent) => {
    if (!drag.current) return;
    const dx = event.clientX - drag.current.x;
    const dy = event.clientY - drag.current.y;
    drag.current = { x: event.clientX, y: event.clientY };
    onViewChange((current) =>
      current.scale === 1 ? current : { ...current, x: current.x + dx, y: current.y + dy },
    );
  };
  const endDrag = () => {
    drag.current = null;
  };

  return (
    <figure className="pane">
      <div
        ref={pane}
        className={`pane__stage${view.scale > 1 ? ' pane__stage--zoomed' : ''}`}
        role="img"
        aria-label={label}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onDoubleClick={() =>
          onViewChange((current) => (current.scale > 1 ? zoomAt(current, 0) : zoomAt(current, 2)))
        }
      >
        <div className="pane__layer" style={{ transform: viewCss(view) }}>
          {children}
        </div>
      </div>
      {caption && <figcaption className="pane__caption">{caption}</figcaption>}
    </figure>
  );
}
