/** The headers of a file download: always an attachment, never sniffed, never run as a page. */
export function downloadHeaders(file: {
  fileName: string;
  mimeType: string;
  sizeBytes: number | null;
}): Record<string, string> {
  const type = file.mimeType.startsWith('text/')
    ? `${file.mimeType}; charset=utf-8`
    : file.mimeType;
  return {
    'content-type': type,
    'content-disposition': contentDisposition(file.fileName),
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
    'cache-control': 'private, no-cache',
    ...(file.sizeBytes === null ? {} : { 'content-length': String(file.sizeBytes) }),
  };
}

/** `attachment` with an ASCII fallback name and the exact name as RFC 8187 `filename*`. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
