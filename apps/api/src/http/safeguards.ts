import { HttpStatus } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ApiException } from '../common/api-error';
import { ApiErrorFilter } from '../common/api-error.filter';
import { registerInputRules } from '../common/input-rules';
import { DatabaseAvailability } from '../database/database-availability';
import { registerDatabaseGate } from '../database/database-gate';
import { registerRequestLogging } from '../logging/logging';
import { Metrics } from '../metrics/metrics';

/**
 * What every request goes through before the API's own code, and what it leaves behind: JSON
 * logs with its request id (also answered as X-Request-Id), its metrics, one error shape for
 * every failure, a quick 503 while the database is away or the server shuts down, and the
 * input rules (text, nesting depth).
 */
export function installSafeguards(app: NestFastifyApplication): void {
  app.useLogger(app.get(Logger));
  const database = app.get(DatabaseAvailability);
  app.useGlobalFilters(new ApiErrorFilter(database));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  registerRequestLogging(fastify);
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('preValidation', async (_request, reply) => {
    if (!closing) return;
    void reply.header('connection', 'close');
    throw new ApiException(
      HttpStatus.SERVICE_UNAVAILABLE,
      'unavailable',
      'The server is shutting down',
    );
  });
  app.get(Metrics).observeRequests(fastify);
  registerDatabaseGate(fastify, database);
  registerInputRules(fastify);
}
