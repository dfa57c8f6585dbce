'use client';

import { useCallback, useRef, useState } from 'react';
import { batchFiles, type RejectedFile, uploadBatch } from './upload-files';

export interface UploadState {
  phase: 'idle' | 'uploading' | 'done' | 'error';
  totalBytes: number;
  sentBytes: number;
  fileCount: number;
  accepted: number;
  rejected: RejectedFile[];
  error: string | null;
}

const IDLE: UploadState = {
  phase: 'idle',
  totalBytes: 0,
  sentBytes: 0,
  fileCount: 0,
  accepted: 0,
  rejected: [],
  error: null,
};

/** Uploads files batch after batch and keeps one running total for the progress bar. */
export function useUpload(setId: string, onBatchDone: () => void) {
  const [state, setState] = useState<UploadState>(IDLE);
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      const controller = new AbortController();
      abort.current = controller;
      const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
      setState({ ...IDLE, phase: 'uploading', totalBytes, fileCount: files.length });
      let doneBytes = 0;
      for (const batch of batchFiles(files)) {
        const batchBytes = batch.reduce((sum, file) => sum + file.size, 0);
        try {
          const result = await uploadBatch(
            setId,
            batch,
            // Multipart framing makes `loaded` slightly exceed the file bytes: clamp it.
            (sent) =>
              setState((s) => ({ ...s, sentBytes: doneBytes + Math.min(sent, batchBytes) })),
            controller.signal,
          );
          doneBytes += batchBytes;
          setState((s) => ({
            ...s,
            sentBytes: doneBytes,
            accepted: s.accepted + result.accepted,
            rejected: [...s.rejected, ...result.rejected],
          }));
          onBatchDone();
        } catch (error) {
          setState((s) => ({ ...s, phase: 'error', error: (error as Error).message }));
          return;
        }
      }
      setState((s) => ({ ...s, phase: 'done' }));
    },
    [setId, onBatchDone],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setState(IDLE), []);
  return { state, start, cancel, reset };
}
