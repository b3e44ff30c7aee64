import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { developmentSecurityConfig } from '../config/app-config';
import { AppModule } from '../app.module';
import { REPO_ROOT } from '../config/app-config';
import { configureApp } from '../configure-app';
import { buildOpenApiDocument } from './openapi';

const run = promisify(execFile);
const CONTRACTS = path.join(REPO_ROOT, 'packages', 'contracts');
export const OPENAPI_JSON = path.join(CONTRACTS, 'openapi.json');
export const OPENAPI_TS = path.join(CONTRACTS, 'src', 'openapi.ts');

export async function renderOpenApiJson(): Promise<string> {
  // The document only needs the routes; the database is never contacted.
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({
      databaseUrl: 'postgresql://unused:unused@127.0.0.1:1/unused',
      security: developmentSecurityConfig(),
      uploadsDir: os.tmpdir(),
      runJobs: false,
    }),
    new FastifyAdapter(),
    { logger: false },
  );
  await configureApp(app);
  await app.init();
  const document = buildOpenApiDocument(app);
  await app.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}

export async function renderOpenApiTypes(json: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'spct-openapi-'));
  try {
    const input = path.join(dir, 'openapi.json');
    const output = path.join(dir, 'openapi.ts');
    await writeFile(input, json);
    const cli = path.join(
      path.dirname(require.resolve('openapi-typescript/package.json', { paths: [CONTRACTS] })),
      'bin',
      'cli.js',
    );
    await run(process.execPath, [cli, input, '--output', output]);
    return await readFile(output, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function generateOpenApiFiles(): Promise<{ path: string; content: string }[]> {
  const json = await renderOpenApiJson();
  return [
    { path: OPENAPI_JSON, content: json },
    { path: OPENAPI_TS, content: await renderOpenApiTypes(json) },
  ];
}
