import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { loadConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { prepareDatabase } from './database/prepare-database';
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
    }),
    new FastifyAdapter({ trustProxy: true, bodyLimit: 1024 * 1024 }),
    { bufferLogs: false },
  );
  app.enableShutdownHooks();
  await configureApp(app, { webDistDir: config.webDistDir });
  if (config.seedDemo) await app.get(DemoSeeder).seedIfMissing();
  await app.listen({ port: config.port, host: config.host });
  logger.log(`Ready: ${config.publicUrl} (API docs at ${config.publicUrl}/api/docs)`);

  const stop = async () => {
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void bootstrap().catch((error: unknown) => {
  new Logger('Bootstrap').error(
    error instanceof Error ? (error.stack ?? error.message) : String(error),
  );
  process.exit(1);
});
