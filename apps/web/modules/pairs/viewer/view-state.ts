/** How the two images are looked at: shared by both panes so zoom and pan stay in sync. */
export interface ViewTransform {
  /** 1 = the image fits its pane. */
  scale: number;
  /** Pan in CSS pixels, from the pane's centre. */
  x: number;
  y: number;
}

/** Hand corrections applied to image B to line a rotated or mirrored copy up with A. */
export interface Alignment {
  rotation: 0 | 90 | 180 | 270;
  flipH: boolean;
  flipV: boolean;
}

export type ViewerMode = 'side' | 'overlay' | 'flicker' | 'difference';

export const MIN_SCALE = 1;
export const MAX_SCALE = 16;
/** Past this zoom the display rendition is too coarse: the full-resolution original is loaded. */
export const FULL_RES_SCALE = 1.75;

export const IDENTITY_VIEW: ViewTransform = { scale: 1, x: 0, y: 0 };
export const IDENTITY_ALIGNMENT: Alignment = { rotation: 0, flipH: false, flipV: false };

export const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/**
 * Zooms by `factor` keeping the point `focus` (pane coordinates from its centre) still on screen:
 * screen = t + s·p, so t' = focus − (focus − t)·s'/s.
 */
export function zoomAt(view: ViewTransform, factor: number, focus = { x: 0, y: 0 }): ViewTransform {
  const scale = clampScale(view.scale * factor);
  if (scale === 1) return IDENTITY_VIEW;
  const ratio = scale / view.scale;
  return {
    scale,
    x: focus.x - (focus.x - view.x) * ratio,
    y: focus.y - (focus.y - view.y) * ratio,
  };
}

export const alignmentCss = (alignment: Alignment) =>
  `rotate(${alignment.rotation}deg) scale(${alignment.flipH ? -1 : 1}, ${alignment.flipV ? -1 : 1})`;

export const viewCss = (view: ViewTransform) =>
  `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;

export const rotateBy90 = (alignment: Alignment): Alignment => ({
  ...alignment,
  rotation: ((alignment.rotation + 90) % 360) as Alignment['rotation'],
});
