import { createTestApp, type TestApp } from '../../test/test-app';
import { DatabaseAvailability } from './database-availability';

const PROBE_MS = 300;

/** Blocks the event loop, as a long synchronous task (a big workbook, a PDF) does. */
function blockEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

describe('the database probe', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      databaseTimeouts: { connectMs: 60_000, statementMs: 60_000, probeMs: PROBE_MS },
    });
  });

  afterAll(() => t?.close());

  it('does not take a blocked event loop for a silent database', async () => {
    const availability = t.app.get(DatabaseAvailability);
    expect(await availability.isReachable()).toBe(true);

    const check = availability.isReachable();
    // Let the probe's SELECT 1 go out, then keep the loop busy past its timeout: the timer
    // fires before the answer waiting on the socket is read.
    await new Promise((resolve) => setImmediate(resolve));
    blockEventLoop(PROBE_MS * 3);

    expect(await check).toBe(true);
    expect(availability.available).toBe(true);
    expect((await t.anonymous.get('/api/ready')).status).toBe(200);
  });
});
