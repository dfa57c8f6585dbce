import { CSRF_HEADER } from '../graphql/request';

/** The API's multipart upload endpoint for a set (served through the same-origin /api proxy). */
export const uploadUrl = (setId: string) => `/api/image-sets/${encodeURIComponent(setId)}/uploads`;

export const ACCEPTED_TYPES =
  '.png,.jpg,.jpeg,.tif,.tiff,.webp,.gif,.bmp,.zip,image/png,image/jpeg,image/tiff,image/webp,image/gif,image/bmp,application/zip';

/** Files are sent in batches so one huge request does not hold all progress and all risk. */
const BATCH_BYTES = 64 * 1024 * 1024;
const BATCH_FILES = 50;

export function batchFiles(files: File[]): File[][] {
  const batches: File[][] = [];
  let current: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (bytes + file.size > BATCH_BYTES || current.length >= BATCH_FILES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export interface RejectedFile {
  name: string;
  reason: string;
}

export interface UploadResult {
  accepted: number;
  rejected: RejectedFile[];
}

interface UploadResponse {
  images?: unknown[];
  accepted?: number;
  rejected?: RejectedFile[];
  errors?: { message: string }[];
  error?: string;
}

/**
 * Sends one batch with XMLHttpRequest, the only browser API that reports upload progress.
 * `onProgress` receives the bytes sent of this batch.
 */
export function uploadBatch(
  setId: string,
  files: File[],
  onProgress: (sentBytes: number) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.webkitRelativePath || file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', uploadUrl(setId));
    xhr.withCredentials = true;
    xhr.setRequestHeader(CSRF_HEADER, '1');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as UploadResponse;
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({
          accepted: body.accepted ?? body.images?.length ?? files.length,
          rejected: body.rejected ?? [],
        });
      } else {
        const message =
          body.errors?.[0]?.message ?? body.error ?? `The upload was refused (${xhr.status})`;
        reject(new Error(message));
      }
    };
    xhr.onerror = () =>
      reject(new Error('The upload was interrupted: the server cannot be reached'));
    xhr.onabort = () => reject(new Error('Upload cancelled'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
