import { loadConfig } from './app-config';

describe('configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('uses the embedded database and seeds demo data by default in development', () => {
    delete process.env.DATABASE_URL;
    delete process.env.NODE_ENV;
    delete process.env.SEED_DEMO;
    delete process.env.PORT;
    const config = loadConfig();
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.port).toBe(3000);
  });

  it('refuses to start in production without DATABASE_URL, and does not seed demo data there', () => {
    process.env.NODE_ENV = 'production';
    delete process.env.DATABASE_URL;
    delete process.env.SEED_DEMO;
    expect(() => loadConfig()).toThrow(/DATABASE_URL is required in production/);
    process.env.DATABASE_URL = 'postgresql://app:secret@db:5432/app';
    process.env.SESSION_SECRET = 'a-production-secret-of-at-least-32-characters';
    expect(loadConfig().seedDemo).toBe(false);
  });

  it('refuses to start in production on the development session secret or demo password', () => {
    process.env.NODE_ENV = 'production';
    process.env.DATABASE_URL = 'postgresql://app:secret@db:5432/app';
    delete process.env.SESSION_SECRET;
    expect(() => loadConfig()).toThrow(/SESSION_SECRET must be set in production/);
    process.env.SESSION_SECRET = 'development-only-session-secret-change-me';
    expect(() => loadConfig()).toThrow(/SESSION_SECRET must be set in production/);
    process.env.SESSION_SECRET = 'a-production-secret-of-at-least-32-characters';
    process.env.SEED_DEMO = 'true';
    delete process.env.DEMO_PASSWORD;
    expect(() => loadConfig()).toThrow(/DEMO_PASSWORD/);
    process.env.DEMO_PASSWORD = 'tripartite-demo';
    expect(() => loadConfig()).toThrow(/DEMO_PASSWORD/);
    process.env.DEMO_PASSWORD = 'a-real-demo-password';
    const config = loadConfig();
    expect(config.security.demoPassword).toBe('a-real-demo-password');
    expect(config.security.secureCookies).toBe(true);
    expect(config.security.allowedOrigins).toEqual(['http://localhost:3000']);
  });

  it('gives the demo accounts the development password and trusts local origins in development', () => {
    delete process.env.NODE_ENV;
    delete process.env.DEMO_PASSWORD;
    delete process.env.PUBLIC_URL;
    delete process.env.PORT;
    const { security } = loadConfig();
    expect(security.demoPassword).toBe('tripartite-demo');
    expect(security.secureCookies).toBe(false);
    expect(security.allowedOrigins).toContain('http://127.0.0.1:3000');
  });

  it('names the variable that holds a bad value', () => {
    process.env.PORT = 'eighty';
    expect(() => loadConfig()).toThrow(/PORT/);
    process.env.PORT = '3000';
    process.env.SEED_DEMO = 'perhaps';
    expect(() => loadConfig()).toThrow(/SEED_DEMO/);
  });

  it('trusts no proxy and lets loopback read the metrics unless told otherwise', () => {
    delete process.env.TRUST_PROXY;
    delete process.env.METRICS_ALLOW;
    delete process.env.METRICS_TOKEN;
    const config = loadConfig();
    expect(config.http.trustProxy).toEqual([]);
    expect(config.metrics).toEqual({ token: undefined, allow: ['127.0.0.0/8', '::1'] });
    expect(config.databaseTimeouts).toEqual({ connectMs: 1000, statementMs: 15000, probeMs: 1000 });
  });

  it('reads TRUST_PROXY and METRICS_ALLOW as address lists and refuses anything else', () => {
    process.env.TRUST_PROXY = '10.0.0.0/8, 192.168.1.4 ,fd00::/8';
    process.env.METRICS_ALLOW = '';
    const config = loadConfig();
    expect(config.http.trustProxy).toEqual(['10.0.0.0/8', '192.168.1.4', 'fd00::/8']);
    expect(config.metrics.allow).toEqual([]);
    for (const wrong of ['true', '10.0.0.0/33', 'proxy.example.org', '10.0.0.1/8/2']) {
      process.env.TRUST_PROXY = wrong;
      expect(() => loadConfig()).toThrow(
        /TRUST_PROXY: .* is neither an IP address nor a CIDR range/,
      );
    }
  });

  it('refuses a timeout that is not a positive whole number of milliseconds', () => {
    process.env.DB_STATEMENT_TIMEOUT_MS = '2s';
    expect(() => loadConfig()).toThrow(/DB_STATEMENT_TIMEOUT_MS must be a positive whole number/);
  });

  it('keeps e-mail in the outbox without SMTP_URL, and checks the mail settings it is given', () => {
    delete process.env.SMTP_URL;
    delete process.env.MAIL_TOKEN_SECRET;
    delete process.env.SESSION_SECRET;
    const development = loadConfig().mail;
    expect(development.smtpUrl).toBeUndefined();
    process.env.SESSION_SECRET = 'another-secret-of-at-least-32-characters!';
    // The unsubscribe key follows the session secret, so production never signs with a public one.
    expect(loadConfig().mail.tokenSecret).not.toBe(development.tokenSecret);
    process.env.SMTP_URL = 'http://mail.example.org';
    expect(() => loadConfig()).toThrow(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
    process.env.SMTP_URL = 'smtp://user:pass@mail.example.org:587';
    expect(loadConfig().mail.smtpUrl).toBe('smtp://user:pass@mail.example.org:587');
    process.env.MAIL_TOKEN_SECRET = 'short';
    expect(() => loadConfig()).toThrow(/MAIL_TOKEN_SECRET must be at least 32 characters/);
  });
});
