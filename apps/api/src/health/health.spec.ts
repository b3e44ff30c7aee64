import os from 'node:os';
import { createTestApp, getJson, type TestApp } from '../../test/test-app';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { developmentSecurityConfig } from '../config/app-config';
import { AppModule } from '../app.module';
import { configureApp } from '../configure-app';

describe('health and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is alive and ready with a reachable database', async () => {
    expect(await getJson(t.app, '/api/health')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await getJson(t.app, '/api/ready')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('is alive but not ready (503) when the database is unreachable', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.register({
          databaseUrl: 'postgresql://nobody:nothing@127.0.0.1:1/none',
          security: developmentSecurityConfig(),
          uploadsDir: os.tmpdir(),
        }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await configureApp(app);
    await app.init();
    try {
      expect((await getJson(app, '/api/health')).status).toBe(200);
      const ready = await getJson<{ statusCode: number; message: string }>(app, '/api/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.statusCode).toBe(503);
    } finally {
      await app.close();
    }
  });

  it('sends security headers and the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(Object.keys(response.json<{ paths: object }>().paths)).toContain(
      '/api/workspaces/{slug}/commitments',
    );
  });
});
