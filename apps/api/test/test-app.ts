import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import { PrismaService } from '../src/database/prisma.service';
import { DemoSeeder } from '../src/seed/demo-seeder';
import { createTestDatabase } from './database';

export interface TestApp {
  app: NestFastifyApplication;
  prisma: PrismaService;
  databaseUrl: string;
  close(): Promise<void>;
}

/** The real app, through the real request pipeline, on a database of its own. */
export async function createTestApp(
  options: { seedDemo?: boolean; webDistDir?: string } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register({ databaseUrl: database.url })],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await configureApp(app, { webDistDir: options.webDistDir });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  if (options.seedDemo) await app.get(DemoSeeder).seedIfMissing();
  return {
    app,
    prisma: app.get(PrismaService),
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** GET `url` through the app (no socket) and parse the JSON body. */
export async function getJson<T = unknown>(
  app: NestFastifyApplication,
  url: string,
): Promise<{ status: number; body: T }> {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() as T };
}
