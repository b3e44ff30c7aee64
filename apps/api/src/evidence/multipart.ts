import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MULTIPART_LIMITS } from './upload-rules';

/**
 * Registers the multipart parser for evidence uploads. It parses nothing by itself: a route
 * streams the parts when it is ready to (evidence-input.ts). A request answered before its upload
 * was read (403, 404, 415...) has the rest of its body read away by Node, so the client still
 * gets the answer.
 */
export async function registerMultipart(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyMultipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: true });
}
