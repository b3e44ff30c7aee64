import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { loadConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { prepareDatabase } from './database/prepare-database';
import { createHttpAdapter } from './http/http-adapter';
import { shutDown } from './http/shutdown';
import { DemoSeeder } from './seed/demo-seeder';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Bootstrap');
  const config = loadConfig();
  const database = await prepareDatabase(config, (message) => logger.log(message));

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({
      databaseUrl: database.url,
      security: config.security,
      uploadsDir: config.uploadsDir,
      databaseTimeouts: config.databaseTimeouts,
      logging: { level: config.logLevel },
      metrics: config.metrics,
      mail: config.mail,
    }),
    createHttpAdapter(config.http),
    { bufferLogs: true },
  );
  await configureApp(app, { webDistDir: config.webDistDir });
  if (config.seedDemo) await app.get(DemoSeeder).prepare();
  await app.listen({ port: config.port, host: config.host });
  logger.log(`Ready: ${config.publicUrl} (API docs at ${config.publicUrl}/api/docs)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing the requests in flight, then stopping`);
    await shutDown(app, config.shutdownTimeoutMs);
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

void bootstrap().catch((error: unknown) => {
  new Logger('Bootstrap').error(
    error instanceof Error ? (error.stack ?? error.message) : String(error),
  );
  process.exit(1);
});
