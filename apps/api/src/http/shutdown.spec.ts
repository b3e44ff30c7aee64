import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../test/test-app';
import { shutDown } from './shutdown';

/** A promise and the function that resolves it. */
function signal<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('graceful shutdown', () => {
  let t: TestApp;
  const started = signal();
  const release = signal();

  beforeAll(async () => {
    t = await createTestApp({
      beforeInit: (app) => {
        // A request that is still being handled when the shutdown begins, and then needs the
        // database: it must get its answer, from a pool that is still open.
        app
          .getHttpAdapter()
          .getInstance()
          .get('/slow', async () => {
            started.resolve();
            await release.promise;
            const [row] = await t.prisma.$queryRaw<{ answer: number }[]>`SELECT 42 AS answer`;
            return row;
          });
      },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('stops accepting, finishes the request in flight, then closes the database pool', async () => {
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const inFlight = fetch(`${base}/slow`);
    await started.promise;

    let closed = false;
    const shutdown = shutDown(t.app, 10_000).then(() => (closed = true));
    // New connections are refused once the shutdown has begun...
    await expect(
      (async () => {
        for (;;) {
          await fetch(`${base}/api/health`, { headers: { connection: 'close' } });
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })(),
    ).rejects.toThrow();
    // ...while the request in flight is still being handled, on a pool that is still open.
    expect(closed).toBe(false);
    expect(t.prisma.pool.ending).toBe(false);

    release.resolve();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ answer: 42 });
    await shutdown;
    expect(t.prisma.pool.ending).toBe(true);
    expect(t.prisma.pool.totalCount).toBe(0);
  });
});
