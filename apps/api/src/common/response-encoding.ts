import fastifyCompress from '@fastify/compress';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerConditionalGet } from './conditional-get';

/**
 * gzip or brotli (quality 4) for answers above 1 KiB whose type compresses (JSON, text, CSV),
 * when the client accepts it; ETags and 304s for GETs. Registered before any route (the
 * compression hook attaches to routes as they are added) and before static files.
 */
export async function registerResponseEncoding(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // Request bodies are never compressed by our clients: no inflating of uploads.
    globalDecompression: false,
  });
  registerConditionalGet(app.getHttpAdapter().getInstance());
}
