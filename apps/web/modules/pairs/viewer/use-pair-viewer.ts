'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  type Alignment,
  IDENTITY_ALIGNMENT,
  IDENTITY_VIEW,
  rotateBy90,
  type ViewerMode,
  type ViewTransform,
  zoomAt,
} from './view-state';

/** All the viewer's state and the actions on it, so pages can bind them to keys. */
export function usePairViewer(resetKey: string) {
  const [mode, setMode] = useState<ViewerMode>('side');
  const [view, setView] = useState<ViewTransform>(IDENTITY_VIEW);
  const [alignment, setAlignment] = useState<Alignment>(IDENTITY_ALIGNMENT);
  const [opacity, setOpacity] = useState(0.5);
  const [flickerMs, setFlickerMs] = useState(500);
  const [showB, setShowB] = useState(true);

  // A new pair starts from a clean view; the chosen mode carries over (a reviewer's habit).
  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger
  useEffect(() => {
    setView(IDENTITY_VIEW);
    setAlignment(IDENTITY_ALIGNMENT);
  }, [resetKey]);

  useEffect(() => {
    if (mode !== 'flicker') {
      setShowB(true);
      return;
    }
    const timer = setInterval(() => setShowB((shown) => !shown), flickerMs);
    return () => clearInterval(timer);
  }, [mode, flickerMs]);

  const updateView = useCallback(
    (update: (view: ViewTransform) => ViewTransform) => setView(update),
    [],
  );
  const toggleMode = useCallback(
    (target: ViewerMode) => setMode((current) => (current === target ? 'side' : target)),
    [],
  );

  const actions = useMemo(
    () => ({
      setMode,
      toggleMode,
      setOpacity,
      setFlickerMs,
      zoomIn: () => setView((current) => zoomAt(current, 1.5)),
      zoomOut: () => setView((current) => zoomAt(current, 1 / 1.5)),
      resetView: () => setView(IDENTITY_VIEW),
      rotate: () => setAlignment(rotateBy90),
      flipH: () => setAlignment((current) => ({ ...current, flipH: !current.flipH })),
      flipV: () => setAlignment((current) => ({ ...current, flipV: !current.flipV })),
      resetAlignment: () => setAlignment(IDENTITY_ALIGNMENT),
    }),
    [toggleMode],
  );

  return { mode, view, alignment, opacity, flickerMs, showB, updateView, actions };
}

export type PairViewerState = ReturnType<typeof usePairViewer>;
