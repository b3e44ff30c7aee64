import type { Readable } from 'node:stream';

/** What storing a file measured while it streamed through. */
export interface StoredFile {
  sizeBytes: number;
  /** Lowercase hex SHA-256 of the bytes stored. */
  sha256: string;
}

/**
 * Where uploaded files live. Keys are chosen by the server (never a client's file name) and look
 * like `segment/segment`, each segment of letters, digits, `.`, `_` and `-`. A local folder
 * implements it today; an S3-compatible bucket can implement the same three calls later.
 */
export interface FileStorage {
  /** Streams `content` to `key`; the object appears only once complete, never half-written. */
  put(key: string, content: Readable): Promise<StoredFile>;
  /** The stored bytes; rejects with `StoredFileNotFoundError` when there is no such object. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
}

/** Injection token of the `FileStorage` in use. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class StoredFileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored file under ${key}`);
    this.name = 'StoredFileNotFoundError';
  }
}

const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Throws unless `key` is a well-formed storage key (no `..`, no absolute path, no backslash). */
export function assertStorageKey(key: string): void {
  if (key.length > 500 || !KEY.test(key) || key.split('/').some((s) => s.includes('..'))) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  }
}
