import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Graceful shutdown: the server stops accepting connections, the requests in flight finish (a
 * new request on a connection kept open answers 503 `unavailable`), then the database pool
 * closes. Past `timeoutMs`, the connections still open are closed so that the process can end.
 */
export async function shutDown(app: NestFastifyApplication, timeoutMs: number): Promise<void> {
  const server = app.getHttpServer() as Server;
  const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
  deadline.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(deadline);
  }
}
