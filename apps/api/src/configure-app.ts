import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { registerResponseEncoding } from './common/response-encoding';
import { createValidationPipe } from './common/validation';
import { registerMultipart } from './evidence/multipart';
import { installSafeguards } from './http/safeguards';
import { registerSecurityHeaders } from './http/security-headers';
import { buildOpenApiDocument } from './openapi/openapi';
import { registerWebApp } from './web-app';

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

  const webDistDir = options.webDistDir;
  if (webDistDir && existsSync(path.join(webDistDir, 'index.html'))) {
    await registerWebApp(app.getHttpAdapter().getInstance(), webDistDir);
  }
}
