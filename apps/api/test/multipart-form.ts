import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

export type FormPart =
  | { name: string; value: string }
  | { name: string; filename: string; type?: string; data: Buffer | (() => AsyncIterable<Buffer>) };

/**
 * A multipart/form-data body; TestClient sends it as such. Each send builds a fresh stream, so
 * one form can be sent twice (file contents may be generated lazily).
 */
export class MultipartForm {
  constructor(readonly parts: FormPart[]) {}

  with(part: FormPart): MultipartForm {
    return new MultipartForm([...this.parts, part]);
  }

  toRequest(): { payload: Readable; headers: Record<string, string> } {
    const boundary = `----spct${randomUUID().replace(/-/g, '')}`;
    const parts = this.parts;
    async function* body(): AsyncIterable<Buffer> {
      for (const part of parts) {
        if ('value' in part) {
          yield Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
          );
        } else {
          yield Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
              `Content-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`,
          );
          if (Buffer.isBuffer(part.data)) yield part.data;
          else yield* part.data();
          yield Buffer.from('\r\n');
        }
      }
      yield Buffer.from(`--${boundary}--\r\n`);
    }
    return {
      payload: Readable.from(body()),
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-requested-with': 'XMLHttpRequest',
      },
    };
  }
}
