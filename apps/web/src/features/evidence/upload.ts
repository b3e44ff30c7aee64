import { ApiError, CSRF_HEADERS } from '../../api/client';
import { clearPreloaded } from '../../api/preloaded';
import type { ApiErrorBody, Evidence } from '../../api/types';

/** The API's limit on one file (25 MB), checked here too so nobody waits for a refusal. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** The types the API accepts (it checks the content; this only guides the file picker). */
export const ACCEPTED_TYPES = [
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.docx',
  '.xlsx',
  '.pptx',
  '.odt',
  '.ods',
  '.txt',
  '.csv',
].join(',');

export interface UploadRequest {
  /** The evidence route: of a commitment or of one of its progress reports. */
  url: string;
  file: File;
  title?: string;
  /** Called with the share sent so far, 0–100. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Uploads a file as multipart/form-data (`file` and optional `title`). XMLHttpRequest, not
 * fetch: only it reports upload progress. Rejects with an ApiError like the typed client.
 */
export function uploadEvidenceFile({
  url,
  file,
  title,
  onProgress,
  signal,
}: UploadRequest): Promise<Evidence> {
  return new Promise((resolve, reject) => {
    clearPreloaded();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(CSRF_HEADERS)) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress?.(Math.min(100, Math.round((event.loaded / event.total) * 100)));
      }
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(100);
        resolve(body as Evidence);
        return;
      }
      const error = body && typeof body === 'object' ? (body as ApiErrorBody) : null;
      const message = error?.message ? String(error.message) : xhr.statusText || 'Upload failed';
      reject(new ApiError(xhr.status, message, error));
    };
    xhr.onerror = () => reject(new ApiError(0, 'Network error'));
    xhr.onabort = () => reject(new ApiError(0, 'Upload cancelled'));
    signal?.addEventListener('abort', () => xhr.abort());

    const form = new FormData();
    // The title first: the API reads the fields that come before the streamed file.
    if (title?.trim()) form.append('title', title.trim());
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export const commitmentEvidenceUrl = (slug: string, commitmentId: string) =>
  `/api/workspaces/${encodeURIComponent(slug)}/commitments/${encodeURIComponent(commitmentId)}/evidence`;

export const reportEvidenceUrl = (slug: string, commitmentId: string, updateId: string) =>
  `/api/workspaces/${encodeURIComponent(slug)}/commitments/${encodeURIComponent(
    commitmentId,
  )}/updates/${encodeURIComponent(updateId)}/evidence`;
