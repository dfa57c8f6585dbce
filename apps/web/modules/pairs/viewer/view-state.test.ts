import { describe, expect, it } from 'vitest';
import { alignmentCss, IDENTITY_VIEW, MAX_SCALE, rotateBy90, zoomAt } from './view-state';

describe('zoomAt', () => {
  it('keeps the point under the cursor still', () => {
    const focus = { x: 100, y: -40 };
    const view = zoomAt(IDENTITY_VIEW, 2, focus);
    // The image point under `focus` before: p = (focus - t) / s = focus. After: t' + s'·p = focus.
    expect(view.x + view.scale * focus.x).toBeCloseTo(focus.x);
    expect(view.y + view.scale * focus.y).toBeCloseTo(focus.y);
  });

  it('never zooms out past fit (and then recentres) nor past the maximum', () => {
    expect(zoomAt({ scale: 2, x: 50, y: 50 }, 0.25)).toEqual(IDENTITY_VIEW);
    expect(zoomAt(IDENTITY_VIEW, 1000).scale).toBe(MAX_SCALE);
  });
});

describe('alignment', () => {
  it('rotates in quarter turns and writes the CSS transform', () => {
    let alignment = { rotation: 270 as const, flipH: true, flipV: false };
    expect(rotateBy90(alignment).rotation).toBe(0);
    alignment = { ...alignment };
    expect(alignmentCss(alignment)).toBe('rotate(270deg) scale(-1, 1)');
  });
});
