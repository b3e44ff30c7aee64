import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  Inject,
  Injectable,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { FieldValidationException } from '../common/api-error';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import type { IncomingFile } from './evidence-input';
import {
  HEAD_BYTES,
  judgeHead,
  MAX_UPLOAD_BYTES,
  officeTypeOf,
  sanitizeFileName,
} from './upload-rules';

/** A file that passed every check and is in storage under `storageKey`. */
export interface StoredUpload {
  storageKey: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Streams an uploaded file into storage, checking its type by content first (nothing is written
 * for a refused type) and its size on the way (an over-size file is removed again). Either it
 * returns a stored, accepted file, or it throws and nothing remains in storage.
 */
@Injectable()
export class EvidenceUploads {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  async store(workspaceId: string, file: IncomingFile): Promise<StoredUpload> {
    const fileName = sanitizeFileName(file.clientFileName);
    const { head, ended, content } = await readHead(file.content, HEAD_BYTES);
    if (head.length === 0) {
      throw new FieldValidationException([
        { field: 'file', code: 'emptyFile', message: 'the file is empty' },
      ]);
    }
    const verdict = await judgeHead(head, ended, fileName);
    if (verdict.result === 'refused') {
      file.content.resume(); // read the rest of the request away unstored
      throw new UnsupportedMediaTypeException(verdict.reason);
    }

    const storageKey = `${workspaceId}/${randomUUID()}`;
    const stored = await this.storage.put(storageKey, content);
    try {
      if (file.truncated() || stored.sizeBytes > MAX_UPLOAD_BYTES) {
        throw new PayloadTooLargeException(
          `A file may be at most ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`,
        );
      }
      const mimeType =
        verdict.result === 'allowed'
          ? verdict.mimeType
          : await officeTypeOf(await this.storage.get(storageKey));
      if (!mimeType) {
        throw new UnsupportedMediaTypeException(
          'a ZIP file is accepted only as DOCX, XLSX, PPTX, ODT or ODS',
        );
      }
      return { storageKey, fileName, mimeType, ...stored };
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
  }

  /** Removes a stored file (after its row is gone, or when the row could not be written). */
  remove(storageKey: string): Promise<void> {
    return this.storage.delete(storageKey);
  }

  open(storageKey: string): Promise<Readable> {
    return this.storage.get(storageKey);
  }
}

/**
 * The first `size` bytes of `source` (fewer if it ends first), and a stream of all of it, head
 * included, that continues reading `source` where the head stopped.
 */
function readHead(
  source: Readable,
  size: number,
): Promise<{ head: Buffer; ended: boolean; content: Readable }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (ended: boolean) => {
      source.off('data', onData).off('end', onEnd).off('error', onError);
      source.pause();
      const all = Buffer.concat(chunks);
      const content = ended
        ? Readable.from([all])
        : Readable.from(
            (async function* () {
              yield all;
              yield* source;
            })(),
          );
      resolve({ head: all.subarray(0, size), ended, content });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= size) finish(false);
    };
    const onEnd = () => finish(true);
    const onError = (error: Error) => reject(error);
    source.on('data', onData).once('end', onEnd).once('error', onError);
  });
}
