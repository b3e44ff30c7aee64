// Lighthouse (mobile preset, simulated slow 4G) on the built product: performance, accessibility
// and best practices of the sign-in page, the commitments list and a commitment's page.
// A benchmark, not a test: it prints the scores (goals: performance ≥ 90, the others ≥ 95).
//
//   npm run lighthouse                     builds, starts the built product on a fresh embedded database
//   npm run lighthouse -- --url http://localhost:3000   measures a product already running
//   npm run lighthouse -- --runs 3          the median of three runs per page
//   npm run lighthouse -- --save .data/lighthouse   also writes each run's full report (JSON)
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const GOALS = { performance: 90, accessibility: 95, 'best-practices': 95 };
const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    runs: { type: 'string', default: '1' },
    save: { type: 'string' },
  },
});
const RUNS = Math.max(1, Number.parseInt(args.runs, 10) || 1);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function waitUntilReady(url, deadline = Date.now() + 180_000) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} was not ready in time`);
}

/** The built product (what `npm start` runs) on its own port and embedded database, removed afterwards. */
async function startProduct() {
  const data = await mkdtemp(path.join(os.tmpdir(), 'spct-lighthouse-'));
  await chmod(data, 0o755); // PostgreSQL runs as the `postgres` user when we are root
  const port = 3900 + Math.floor(Math.random() * 90);
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'apps', 'api', 'dist', 'main.js')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      EMBEDDED_PG_DIR: path.join(data, 'postgres'),
      EMBEDDED_PG_PORT: String(port + 50_000),
      UPLOADS_DIR: path.join(data, 'uploads'),
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(data, { recursive: true, force: true });
    },
  };
}

/** A session cookie of the demo official, and the id of a commitment to open. */
async function signIn(url) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'spct-web' },
    body: JSON.stringify({
      email: 'official@demo.test',
      password: process.env.DEMO_PASSWORD || 'tripartite-demo',
    }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  const cookies = response.headers.getSetCookie().map((value) => {
    const [name, ...rest] = value.split(';')[0].split('=');
    return { name, value: rest.join('=') };
  });
  const cookie = cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
  const list = await fetch(`${url}/api/workspaces/viet-nam/commitments?limit=1&q=an%20sinh`, {
    headers: { cookie },
  });
  const { items } = await list.json();
  return { cookies, commitmentId: items[0].id };
}

const product = args.url ? { url: args.url, stop: async () => {} } : await startProduct();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'],
});
// The session is a cookie of the browser (not an extra header): the app's own cookie (its
// language) would otherwise replace the header's.
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
const tab = await browser.newPage();
try {
  const { cookies, commitmentId } = await signIn(product.url);
  const pages = [
    { name: 'sign-in', path: '/sign-in', cookies: [] },
    { name: 'commitments list', path: '/w/viet-nam/commitments', cookies },
    { name: 'commitment detail', path: `/w/viet-nam/commitments/${commitmentId}`, cookies },
  ];
  console.log(
    `Lighthouse (mobile, simulated slow 4G) on ${product.url}${RUNS > 1 ? `, median of ${RUNS} runs` : ''}`,
  );
  console.log(`  ${'page'.padEnd(20)} ${CATEGORIES.map((c) => c.padStart(15)).join('')}`);
  if (args.save) await mkdir(args.save, { recursive: true });
  for (const page of pages) {
    const runs = [];
    // Chromium sometimes fails to record a load's trace on a loaded machine (NO_NAVSTART): such a
    // run is tried again rather than counted as 0.
    for (let run = 0, attempts = 0; run < RUNS && attempts < RUNS + 3; attempts += 1) {
      await tab.deleteCookie(...(await tab.cookies(product.url)));
      await tab.setCookie(...page.cookies.map((cookie) => ({ ...cookie, url: product.url })));
      const result = await lighthouse(
        `${product.url}${page.path}`,
        { port: chrome.port, onlyCategories: CATEGORIES, logLevel: 'error' },
        undefined,
        tab,
      );
      if (result.lhr.runtimeError) continue;
      runs.push(result.lhr);
      run += 1;
      if (args.save) {
        const file = `${page.name.replaceAll(' ', '-')}-${run}.json`;
        await writeFile(path.join(args.save, file), JSON.stringify(result.lhr));
      }
    }
    if (runs.length === 0) {
      console.log(`  ${page.name.padEnd(20)} no run could be recorded`);
      continue;
    }
    const scoreOf = (lhr, category) => Math.round((lhr.categories[category].score ?? 0) * 100);
    const scores = CATEGORIES.map((category) => {
      const score = median(runs.map((lhr) => scoreOf(lhr, category)));
      const mark = score >= GOALS[category] ? ' ' : '!';
      return `${score}${mark}`.padStart(15);
    });
    console.log(`  ${page.name.padEnd(20)} ${scores.join('')}`);
    const metric = (id) =>
      `${(median(runs.map((lhr) => lhr.audits[id].numericValue)) / 1000).toFixed(1)} s`;
    const performance = runs.map((lhr) => scoreOf(lhr, 'performance')).join(', ');
    console.log(
      `  ${''.padEnd(20)} FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${Math.round(median(runs.map((lhr) => lhr.audits['total-blocking-time'].numericValue)))} ms${RUNS > 1 ? ` (performance per run: ${performance})` : ''}`,
    );
  }
  console.log(
    `  goals: performance ≥ ${GOALS.performance}, accessibility and best practices ≥ 95 (! below)`,
  );
} finally {
  await browser.disconnect();
  await chrome.kill();
  await product.stop();
}
