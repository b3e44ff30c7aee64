import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { registerResponseEncoding } from './common/response-encoding';
import { createValidationPipe } from './common/validation';
import { registerMultipart } from './evidence/multipart';
import { installSafeguards } from './http/safeguards';
import { registerSecurityHeaders } from './http/security-headers';
import { buildOpenApiDocument } from './openapi/openapi';

export interface ConfigureOptions {
  /** The built web app to serve at `/`, when it exists. */
  webDistDir?: string;
}

/** The one request pipeline, installed by main.ts and by every integration test. */
export async function configureApp(
  app: NestFastifyApplication,
  options: ConfigureOptions = {},
): Promise<void> {
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.useGlobalPipes(createValidationPipe());
  installSafeguards(app);
  await registerResponseEncoding(app); // compression, ETags and 304s
  await app.register(fastifyCookie);
  await registerMultipart(app); // evidence uploads
  registerSecurityHeaders(app.getHttpAdapter().getInstance());

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });

  const fastify = app.getHttpAdapter().getInstance();
  const webDistDir = options.webDistDir;
  if (webDistDir && existsSync(path.join(webDistDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each file: sent as the browser accepts, no work per request.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        void reply.header('cache-control', cacheControlOf(webDistDir, filePath));
      },
    });
    // Client-side routes get the web app; unknown API paths keep their JSON 404.
    fastify.get('/*', (request, reply) => {
      if (request.url === '/api' || request.url.startsWith('/api/')) {
        void reply.status(404).send({
          statusCode: 404,
          error: 'Not Found',
          code: 'notFound',
          message: `Cannot GET ${request.url.split('?')[0]}`,
        });
        return;
      }
      void reply.sendFile('index.html');
    });
  }
}

/**
 * Files under assets/ carry a hash of their content in their name: cached for a year and never
 * asked for again. Everything else (index.html first) is revalidated on each visit, so a new
 * release is picked up at once.
 */
function cacheControlOf(webDistDir: string, filePath: string): string {
  const relative = path.relative(webDistDir, filePath).split(path.sep);
  return relative[0] === 'assets' && relative.length === 2
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}
