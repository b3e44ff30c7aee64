import type { FastifyInstance } from 'fastify';
import type { DatabaseAvailability } from './database-availability';
import { DatabaseUnavailableError } from './database-errors';

/** API routes that answer without the database (as the OpenAPI document writes them). */
export const NO_DATABASE_ROUTES = ['/api/health'];

/**
 * While the database is known to be away, every API request that needs it is answered 503 at
 * once (ApiErrorFilter adds Retry-After) instead of waiting for a connection that cannot come.
 */
export function registerDatabaseGate(
  fastify: FastifyInstance,
  database: DatabaseAvailability,
): void {
  // After the request logger's hook, so these answers are logged like any other.
  fastify.addHook('preValidation', async (request) => {
    if (database.available) return;
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/') || route.startsWith('/api/docs')) return;
    if (NO_DATABASE_ROUTES.includes(route)) return;
    throw new DatabaseUnavailableError();
  });
}
