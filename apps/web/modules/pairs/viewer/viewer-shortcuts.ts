'use client';

import { useEffect } from 'react';
import type { PairViewerState } from './use-pair-viewer';

export interface Shortcut {
  keys: string[];
  description: string;
}

export const VIEWER_SHORTCUTS: Shortcut[] = [
  { keys: ['s'], description: 'Side by side' },
  { keys: ['o'], description: 'Toggle overlay' },
  { keys: ['f'], description: 'Toggle flicker' },
  { keys: ['x'], description: 'Toggle difference view' },
  { keys: ['r'], description: 'Rotate image B by 90°' },
  { keys: ['h'], description: 'Flip image B horizontally' },
  { keys: ['v'], description: 'Flip image B vertically' },
  { keys: ['+', '-'], description: 'Zoom in / out (or the mouse wheel)' },
  { keys: ['0'], description: 'Reset zoom and pan' },
  { keys: ['[', ']'], description: 'Overlay opacity down / up' },
];

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset']);

/** True when a key press belongs to a text field or carries a modifier: not a shortcut. */
export function isTypingOrModified(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  const tag = target?.tagName;
  const textInput = tag === 'INPUT' && !NON_TEXT_INPUTS.has((target as HTMLInputElement).type);
  return (
    event.ctrlKey ||
    event.metaKey ||
    event.altKey ||
    textInput ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    Boolean(target?.isContentEditable)
  );
}

/** Binds the viewer keys to the document while the viewer is shown. */
export function useViewerShortcuts(viewer: PairViewerState, enabled = true) {
  const { actions } = viewer;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingOrModified(event)) return;
      const handlers: Record<string, () => void> = {
        s: () => actions.setMode('side'),
        o: () => actions.toggleMode('overlay'),
        f: () => actions.toggleMode('flicker'),
        x: () => actions.toggleMode('difference'),
        r: actions.rotate,
        h: actions.flipH,
        v: actions.flipV,
        '+': actions.zoomIn,
        '=': actions.zoomIn,
        '-': actions.zoomOut,
        '0': actions.resetView,
        '[': () => actions.setOpacity((value) => Math.max(0, Math.round((value - 0.1) * 10) / 10)),
        ']': () => actions.setOpacity((value) => Math.min(1, Math.round((value + 0.1) * 10) / 10)),
      };
      const handler = handlers[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [actions, enabled]);
}
