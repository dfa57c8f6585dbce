'use client';

import { type DragEvent, useRef, useState } from 'react';
import { formatBytes } from '../ui/format';
import { ProgressBar } from '../ui/progress-bar';
import { ACCEPTED_TYPES } from './upload-files';
import { useUpload } from './use-upload';

/** Drag-and-drop (or choose) many images or a ZIP; shows the upload's own progress and refusals. */
export function UploadDropzone({ setId, onUploaded }: { setId: string; onUploaded: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { state, start, cancel, reset } = useUpload(setId, onUploaded);
  const busy = state.phase === 'uploading';

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) void start(Array.from(event.dataTransfer.files));
  };

  return (
    <div className="upload">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the button inside is the keyboard path. */}
      <div
        className={`dropzone${dragging ? ' dropzone--active' : ''}${busy ? ' dropzone--busy' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <div className="dropzone__title">Drop images or a ZIP here</div>
        <div className="muted">
          PNG, JPEG, TIFF (8/16-bit, multi-page), WebP, GIF, BMP, or a ZIP of them
        </div>
        <button
          type="button"
          className="btn btn--primary"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          Choose files…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPTED_TYPES}
          className="visually-hidden"
          aria-label="Choose images or a ZIP to upload"
          tabIndex={-1}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            void start(files);
          }}
        />
      </div>
      {state.phase !== 'idle' && (
        <div className="upload__status" aria-live="polite">
          <ProgressBar
            label={`Upload · ${state.fileCount} file${state.fileCount === 1 ? '' : 's'}`}
            value={state.sentBytes}
            max={state.totalBytes}
            detail={`${formatBytes(state.sentBytes)} / ${formatBytes(state.totalBytes)}`}
            tone={state.phase === 'error' ? 'error' : state.phase === 'done' ? 'done' : 'default'}
          />
          {busy && (
            <button type="button" className="btn btn--small" onClick={cancel}>
              Cancel upload
            </button>
          )}
          {state.phase === 'error' && (
            <p className="form-error" role="alert">
              {state.error}{' '}
              <button type="button" className="btn btn--small" onClick={reset}>
                Dismiss
              </button>
            </p>
          )}
          {state.phase === 'done' && (
            <p className="muted">
              {state.accepted} file{state.accepted === 1 ? '' : 's'} received; ingest and scoring
              follow below.
            </p>
          )}
          {state.rejected.length > 0 && (
            <ul className="failed-list" aria-label="Refused files">
              {state.rejected.map((file) => (
                <li key={file.name}>
                  <span className="mono">{file.name}</span> — {file.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
