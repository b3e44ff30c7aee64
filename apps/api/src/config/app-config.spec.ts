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
    expect(loadConfig().seedDemo).toBe(false);
  });

  it('names the variable that holds a bad value', () => {
    process.env.PORT = 'eighty';
    expect(() => loadConfig()).toThrow(/PORT/);
    process.env.PORT = '3000';
    process.env.SEED_DEMO = 'perhaps';
    expect(() => loadConfig()).toThrow(/SEED_DEMO/);
  });
});
