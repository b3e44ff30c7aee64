import { Writable } from 'node:stream';
import type { components } from '@spct/contracts';
import { createTestApp, DEMO_PASSWORD, TEST_ORIGIN, type TestApp } from '../../test/test-app';
import { THROTTLE } from './login-throttle';

type SignInFailureList = components['schemas']['SignInFailureListDto'];

const OFFICE = '203.0.113.10';
const ATTACKER = '203.0.113.66';
const HOME = '198.51.100.7';

/** A sign-in as it reaches the server from `remoteAddress`, with extra headers. */
async function signIn(
  t: TestApp,
  remoteAddress: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { origin: TEST_ORIGIN, 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ email, password }),
  });
  return { status: response.statusCode, retryAfter: Number(response.headers['retry-after']) };
}

/** `count` failures of `email` from `ip`, recorded as they happened `ageMs` ago. */
async function pastFailures(t: TestApp, email: string, ip: string, count: number, ageMs = 0) {
  const createdAt = new Date(Date.now() - ageMs);
  await t.prisma.loginFailure.createMany({
    data: Array.from({ length: count }, () => ({ email, ip, createdAt })),
  });
}

describe('sign-in throttling: slows the one who fails, never locks an office or an owner out', () => {
  const lines: Record<string, unknown>[] = [];
  let t: TestApp;
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    t = await createTestApp({ seedDemo: true, logging: { level: 'info', destination } });
  });
  afterAll(() => t.close());
  beforeEach(() => t.prisma.loginFailure.deleteMany());

  it('lets everyone behind one office address sign in although several of them mistyped', async () => {
    const colleagues = ['manager', 'official', 'union', 'employer', 'viewer'];
    for (const name of colleagues) {
      for (let i = 0; i < 3; i++) {
        expect((await signIn(t, OFFICE, `${name}@demo.test`, `typo ${i}`)).status).toBe(401);
      }
    }
    // Many more people of the office, a couple of typos each (up to the address's free share).
    const others = THROTTLE.freeAddressAccounts - 1 - colleagues.length;
    await Promise.all(
      Array.from({ length: others }, (_, i) =>
        pastFailures(t, `person${i}@office.test`, OFFICE, 2),
      ),
    );
    for (const name of [...colleagues, 'admin']) {
      expect((await signIn(t, OFFICE, `${name}@demo.test`, DEMO_PASSWORD)).status).toBe(200);
    }
  });

  it('slows an attacker on one account progressively, while the owner signs in from elsewhere', async () => {
    const victim = 'employer@demo.test';
    for (let i = 0; i < THROTTLE.freePairFailures; i++) {
      expect((await signIn(t, ATTACKER, victim, `guess ${i}`)).status).toBe(401);
    }
    // Even the right password waits now, from the attacker's address...
    const slowed = await signIn(t, ATTACKER, victim, DEMO_PASSWORD);
    expect(slowed.status).toBe(429);
    expect(slowed.retryAfter).toBeGreaterThan(0);
    expect(slowed.retryAfter).toBeLessThanOrEqual(THROTTLE.firstDelayMs / 1000);
    // ...but never the owner from another address.
    expect((await signIn(t, HOME, victim, DEMO_PASSWORD)).status).toBe(200);

    // Each further failure doubles the wait, up to the cap.
    await t.prisma.loginFailure.deleteMany();
    await pastFailures(t, victim, ATTACKER, THROTTLE.freePairFailures + 3);
    const longer = await signIn(t, ATTACKER, victim, 'another guess');
    expect(longer.retryAfter).toBeGreaterThan((THROTTLE.firstDelayMs * 8) / 1000 - 5);
    expect(longer.retryAfter).toBeLessThanOrEqual((THROTTLE.firstDelayMs * 8) / 1000);
    await pastFailures(t, victim, ATTACKER, 40);
    const capped = await signIn(t, ATTACKER, victim, 'yet another guess');
    expect(capped.retryAfter).toBeGreaterThan(THROTTLE.maxDelayMs / 1000 - 5);
    expect(capped.retryAfter).toBeLessThanOrEqual(THROTTLE.maxDelayMs / 1000);

    // Once the wait has passed, an attempt is allowed again.
    await t.prisma.loginFailure.updateMany({
      data: { createdAt: new Date(Date.now() - THROTTLE.maxDelayMs - 1000) },
    });
    expect((await signIn(t, ATTACKER, victim, DEMO_PASSWORD)).status).toBe(200);
  });

  it('slows an address that fails on many different accounts (credential stuffing)', async () => {
    await Promise.all(
      Array.from({ length: THROTTLE.freeAddressAccounts }, (_, i) =>
        pastFailures(t, `stuffed${i}@example.test`, ATTACKER, 1),
      ),
    );
    const next = await signIn(t, ATTACKER, 'viewer@demo.test', DEMO_PASSWORD);
    expect(next.status).toBe(429);
    // Everybody else is unaffected.
    expect((await signIn(t, OFFICE, 'viewer@demo.test', DEMO_PASSWORD)).status).toBe(200);
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    for (let i = 0; i < THROTTLE.freePairFailures; i++) {
      // A fresh forged address each time, hoping to escape the limit.
      const forged = { 'x-forwarded-for': `192.0.2.${i + 1}` };
      expect((await signIn(t, ATTACKER, 'union@demo.test', `guess ${i}`, forged)).status).toBe(401);
    }
    const forged = { 'x-forwarded-for': '192.0.2.99' };
    expect((await signIn(t, ATTACKER, 'union@demo.test', DEMO_PASSWORD, forged)).status).toBe(429);
    // The failures were counted against the real address, not against the forged ones.
    const addresses = await t.prisma.loginFailure.findMany({
      distinct: ['ip'],
      select: { ip: true },
    });
    expect(addresses).toEqual([{ ip: ATTACKER }]);
    // And forging the owner's address cannot lock the owner out.
    expect((await signIn(t, HOME, 'union@demo.test', DEMO_PASSWORD)).status).toBe(200);
  });

  it('logs every decision with the account and the address', async () => {
    lines.length = 0;
    const email = 'manager@demo.test';
    await signIn(t, ATTACKER, email, 'wrong');
    await pastFailures(t, email, ATTACKER, THROTTLE.freePairFailures);
    await signIn(t, ATTACKER, email, 'wrong again');
    await signIn(t, HOME, email, DEMO_PASSWORD);
    const decisions = lines
      .filter((line) => typeof line.msg === 'string' && line.msg.startsWith('sign-in '))
      .map(({ msg, email, ip, reqId }) => ({ msg, email, ip, reqId: typeof reqId }));
    expect(decisions).toEqual([
      { msg: 'sign-in failed', email, ip: ATTACKER, reqId: 'string' },
      { msg: 'sign-in throttled', email, ip: ATTACKER, reqId: 'string' },
      { msg: 'sign-in allowed', email, ip: HOME, reqId: 'string' },
    ]);
  });

  it("shows administrators their members' recent failed sign-ins, and nobody else's", async () => {
    await pastFailures(t, 'official@demo.test', ATTACKER, 3);
    await pastFailures(t, 'official@demo.test', HOME, 1, 60_000);
    await pastFailures(t, 'stranger@example.test', ATTACKER, 4);
    await pastFailures(t, 'viewer@demo.test', ATTACKER, 1, THROTTLE.keepMs + 60_000);
    const admin = await t.signIn('admin@demo.test');
    const response = await admin.get<SignInFailureList>(
      '/api/workspaces/viet-nam/sign-in-failures',
    );
    expect(response.status).toBe(200);
    expect(
      response.body.items.map(({ email, address, failures }) => ({ email, address, failures })),
    ).toEqual([
      { email: 'official@demo.test', address: ATTACKER, failures: 3 },
      { email: 'official@demo.test', address: HOME, failures: 1 },
    ]);
    const manager = await t.signIn('manager@demo.test');
    expect((await manager.get('/api/workspaces/viet-nam/sign-in-failures')).status).toBe(403);
  });
});

describe('sign-in throttling behind a trusted proxy (TRUST_PROXY)', () => {
  const PROXY = '10.0.0.5';
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, trustProxy: ['10.0.0.0/8'] });
  });
  afterAll(() => t.close());

  it('counts failures against the client the proxy names', async () => {
    const via = (client: string) => ({ 'x-forwarded-for': client });
    for (let i = 0; i < THROTTLE.freePairFailures; i++) {
      const attempt = await signIn(t, PROXY, 'union@demo.test', `guess ${i}`, via(ATTACKER));
      expect(attempt.status).toBe(401);
    }
    expect((await signIn(t, PROXY, 'union@demo.test', DEMO_PASSWORD, via(ATTACKER))).status).toBe(
      429,
    );
    // Another client behind the same proxy is another address.
    expect((await signIn(t, PROXY, 'union@demo.test', DEMO_PASSWORD, via(HOME))).status).toBe(200);
    expect(
      await t.prisma.loginFailure.findMany({ distinct: ['ip'], select: { ip: true } }),
    ).toEqual([{ ip: ATTACKER }]);
  });

  it('still ignores X-Forwarded-For from a client that is not the proxy', async () => {
    await t.prisma.loginFailure.deleteMany();
    await signIn(t, ATTACKER, 'viewer@demo.test', 'wrong', { 'x-forwarded-for': HOME });
    expect(
      await t.prisma.loginFailure.findMany({ distinct: ['ip'], select: { ip: true } }),
    ).toEqual([{ ip: ATTACKER }]);
  });
});
