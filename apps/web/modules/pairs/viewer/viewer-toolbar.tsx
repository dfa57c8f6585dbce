'use client';

import type { PairViewerState } from './use-pair-viewer';
import type { ViewerMode } from './view-state';

const MODES: { value: ViewerMode; label: string; key: string }[] = [
  { value: 'side', label: 'Side by side', key: 's' },
  { value: 'overlay', label: 'Overlay', key: 'o' },
  { value: 'flicker', label: 'Flicker', key: 'f' },
  { value: 'difference', label: 'Difference', key: 'x' },
];

export function ViewerToolbar({ viewer, fullRes }: { viewer: PairViewerState; fullRes: boolean }) {
  const { mode, view, alignment, opacity, flickerMs, actions } = viewer;
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label="Viewer controls">
      <fieldset className="segmented">
        <legend className="visually-hidden">View mode</legend>
        {MODES.map((option) => (
          <button
            key={option.value}
            type="button"
            className="btn btn--small"
            aria-pressed={mode === option.value}
            onClick={() => actions.setMode(option.value)}
            title={`${option.label} (${option.key})`}
          >
            {option.label}
          </button>
        ))}
      </fieldset>
      {mode === 'overlay' && (
        <label className="viewer-toolbar__slider">
          <span>B opacity</span>
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={opacity}
            onChange={(event) => actions.setOpacity(Number(event.target.value))}
            aria-valuetext={`${Math.round(opacity * 100)}%`}
          />
          <span className="mono">{Math.round(opacity * 100)}%</span>
        </label>
      )}
      {mode === 'flicker' && (
        <label className="viewer-toolbar__slider">
          <span>Interval</span>
          <input
            type="range"
            min={150}
            max={1500}
            step={50}
            value={flickerMs}
            onChange={(event) => actions.setFlickerMs(Number(event.target.value))}
          />
          <span className="mono">{flickerMs} ms</span>
        </label>
      )}
      <fieldset className="toolbar toolbar--plain">
        <legend className="visually-hidden">Align image B</legend>
        <button
          type="button"
          className="btn btn--small"
          onClick={actions.rotate}
          title="Rotate B by 90° (r)"
        >
          ⟳ Rotate B{alignment.rotation ? ` (${alignment.rotation}°)` : ''}
        </button>
        <button
          type="button"
          className="btn btn--small"
          aria-pressed={alignment.flipH}
          onClick={actions.flipH}
          title="Flip B horizontally (h)"
        >
          ⇋ Flip H
        </button>
        <button
          type="button"
          className="btn btn--small"
          aria-pressed={alignment.flipV}
          onClick={actions.flipV}
          title="Flip B vertically (v)"
        >
          ⇵ Flip V
        </button>
        {(alignment.rotation !== 0 || alignment.flipH || alignment.flipV) && (
          <button
            type="button"
            className="btn btn--small btn--ghost"
            onClick={actions.resetAlignment}
          >
            Reset alignment
          </button>
        )}
      </fieldset>
      <fieldset className="toolbar toolbar--plain">
        <legend className="visually-hidden">Zoom</legend>
        <button
          type="button"
          className="btn btn--small"
          onClick={actions.zoomOut}
          aria-label="Zoom out"
          title="Zoom out (-)"
        >
          −
        </button>
        <span className="mono viewer-toolbar__zoom" aria-live="polite">
          {Math.round(view.scale * 100)}%
        </span>
        <button
          type="button"
          className="btn btn--small"
          onClick={actions.zoomIn}
          aria-label="Zoom in"
          title="Zoom in (+)"
        >
          +
        </button>
        <button
          type="button"
          className="btn btn--small btn--ghost"
          onClick={actions.resetView}
          title="Reset zoom (0)"
        >
          Fit
        </button>
        {fullRes && <span className="badge badge--info">Full resolution</span>}
      </fieldset>
    </div>
  );
}
