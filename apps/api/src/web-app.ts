import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sessionCookieName } from './auth/session-cookie';
import { escapeHtml } from './common/html';
import { ListCommitmentsQuery } from './commitments/dto/list-commitments.query';
import { getMetadataStorage } from 'class-validator';

/**
 * The built web app (apps/web/dist) at `/`: hashed assets precompressed and cached for a year,
 * and index.html for every client-side route, revalidated on each visit.
 *
 * index.html is written for the URL asked for, so that a first visit waits on one round trip
 * instead of a chain (page, scripts, then the session, then the page's data):
 * - `<link rel="modulepreload">` for the page's own chunks (and their texts), which the browser
 *   fetches with the entry instead of after having run it;
 * - with a session cookie, the answers of the page's first API requests (the session, the
 *   page's records) in a JSON block that the app reads instead of asking again
 *   (apps/web/src/api/preloaded.ts);
 * - the loading shell in the user's language (the `spct.locale` cookie the app writes).
 */
export async function registerWebApp(fastify: FastifyInstance, webDistDir: string): Promise<void> {
  await fastify.register(fastifyStatic, {
    root: webDistDir,
    prefix: '/',
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each file: sent as the browser accepts, no work per request.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      void reply.header('cache-control', cacheControlOf(webDistDir, filePath));
    },
  });

  const template = readFileSync(path.join(webDistDir, 'index.html'), 'utf8');
  const manifestFile = path.join(webDistDir, '.vite', 'manifest.json');
  const manifest: Manifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest)
    : {};

  // Client-side routes get the web app; unknown API paths keep their JSON 404.
  fastify.get('/*', async (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) {
      return reply.status(404).send({
        statusCode: 404,
        error: 'Not Found',
        code: 'notFound',
        message: `Cannot GET ${request.url.split('?')[0]}`,
      });
    }
    // The page differs by session and language: no shared cache may give one visitor's to another.
    void reply.header('vary', 'Cookie').type('text/html; charset=utf-8');
    let html: string;
    let personal: boolean;
    try {
      const page = pageOf(new URL(request.url, 'http://localhost'));
      const locale = localeOf(request);
      // The page works without its preloaded answers: the app then asks for them itself.
      const answers =
        request.method === 'GET' && hasSession(request)
          ? await preloadData(fastify, request, page.data)
          : [];
      personal = answers.length > 0;
      html = writePage(template, {
        locale,
        modules: modulesOf(manifest, page, locale),
        answers,
        heading: headingOf(request, page, answers, locale),
      });
    } catch (error) {
      warn(request, { err: error }, 'index.html written without its additions');
      html = template;
      personal = false;
    }
    // A page holding the user's records is for them only, and not kept (not even for back/forward).
    void reply.header('cache-control', personal ? 'private, no-store' : 'no-cache');
    return reply.send(html);
  });
}

const logger = new Logger('WebApp');

/** A warning of the app's logger about this request (Fastify's own `request.log` writes nowhere). */
function warn(request: FastifyRequest, fields: Record<string, unknown>, message: string): void {
  logger.warn({ msg: message, reqId: request.id, url: request.url, ...fields });
}

/** Either name of the session cookie (session-cookie.ts): without one, nothing can be preloaded. */
function hasSession(request: FastifyRequest): boolean {
  return [true, false].some((secure) => Boolean(request.cookies?.[sessionCookieName(secure)]));
}

function headingOf(
  request: FastifyRequest,
  page: Page,
  answers: Answer[],
  locale: Locale,
): string | undefined {
  try {
    return page.heading?.(answers, locale);
  } catch (error) {
    warn(request, { err: error }, 'index.html written without the page heading');
    return undefined;
  }
}

type Locale = 'vi' | 'en';

/** The language the app shows (apps/web/src/i18n): the user's choice, Vietnamese otherwise. */
function localeOf(request: FastifyRequest): Locale {
  return request.cookies?.['spct.locale'] === 'en' ? 'en' : 'vi';
}

/** The shell's texts (index.html is written in Vietnamese): apps/web locale files, app.name and common.loading. */
const SHELL_TEXTS: Record<Exclude<Locale, 'vi'>, Record<string, string>> = {
  en: {
    'Theo dõi cam kết an sinh xã hội': 'Social Protection Commitments Tracker',
    'Đang tải…': 'Loading…',
    'Theo dõi các cam kết an sinh xã hội ba bên: tiến độ, minh chứng và đối thoại.':
      'Tracking tripartite social protection commitments: progress, evidence and dialogue.',
  },
};

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** What a URL's first screen loads (apps/web/src/router.tsx). */
interface Page {
  /** The source files of its route components, as keys of the build's manifest. */
  routes: string[];
  /** Its groups of texts (`withTexts` in router.tsx). */
  texts: string[];
  /** The API requests its first screen makes, as the app writes them. */
  data: string[];
  /** The page's heading as the app draws it, from the preloaded answers (HTML). */
  heading?: (answers: Answer[], locale: Locale) => string | undefined;
}

interface Answer {
  url: string;
  body: string;
}

const PUBLIC_PAGES: Record<string, string> = {
  '/sign-in': 'src/features/auth/SignInPage.tsx',
  '/set-password': 'src/features/auth/SetPasswordPage.tsx',
  '/unsubscribe': 'src/features/account/UnsubscribePage.tsx',
};
const LAYOUT = 'src/features/layout/AppLayout.tsx';
const ME = '/api/auth/me';
/** A slug or an id: anything else is left to the app (its not-found page). */
const SEGMENT = '([A-Za-z0-9_-]+)';
const LIST_PATH = new RegExp(`^/w/${SEGMENT}/commitments/?$`);
const DETAIL_PATH = new RegExp(`^/w/${SEGMENT}/commitments/${SEGMENT}/?$`);
/** The list's page size (PAGE_SIZE in apps/web/src/features/commitments/queries.ts). */
const LIST_PAGE_SIZE = 25;

function pageOf(url: URL): Page {
  const publicPage = PUBLIC_PAGES[url.pathname];
  if (publicPage) return { routes: [publicPage], texts: [], data: [] };

  const list = LIST_PATH.exec(url.pathname);
  if (list) {
    const workspace = `/api/workspaces/${list[1]}`;
    return {
      routes: [LAYOUT, 'src/features/commitments/CommitmentsPage.tsx'],
      texts: [],
      data: [
        ME,
        listRequest(workspace, url.searchParams),
        `${workspace}/organizations`,
        `${workspace}/frameworks`,
      ],
    };
  }
  const detail = DETAIL_PATH.exec(url.pathname);
  if (detail && detail[2] !== 'new') {
    const workspace = `/api/workspaces/${detail[1]}`;
    const commitment = `${workspace}/commitments/${detail[2]}`;
    return {
      routes: [LAYOUT, 'src/features/commitments/CommitmentDetailPage.tsx'],
      texts: ['commitment', 'history', 'inbox'],
      data: [ME, commitment, `${workspace}/organizations`, `${commitment}/follow`],
      heading: (answers, locale) => {
        const answer = answers.find(({ url }) => url === commitment);
        return answer ? commitmentHeading(JSON.parse(answer.body) as Heading, locale) : undefined;
      },
    };
  }
  return { routes: [LAYOUT], texts: [], data: [ME] };
}

type Translatable = { vi?: string; en?: string } | null | undefined;
interface Heading {
  reference: string;
  title: Translatable;
  framework: { code: string };
}

/**
 * A commitment's heading, as its page draws it (CommitmentDetailPage): the shell shows it
 * while the app loads, in the same place and size, so the page's main text is on screen at once.
 */
function commitmentHeading({ reference, title, framework }: Heading, locale: Locale): string {
  const other: Locale = locale === 'vi' ? 'en' : 'vi';
  const text = title?.[locale]?.trim() ? title[locale] : (title?.[other] ?? '');
  return `<span class="boot-label">${escapeHtml(`${framework.code} ${reference}`)}</span>${escapeHtml(text)}`;
}

/**
 * The list's filters the API takes (its query DTO), but for the page ones written here: anything
 * else in the URL (utm_* and the like) would make the list refuse the request.
 */
const LIST_FILTERS = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(ListCommitmentsQuery, '', true, false)
    .map(({ propertyName }) => propertyName)
    .filter((name) => name !== 'cursor' && name !== 'limit'),
);

/** The list's first request: the page's filters, and its cursor (the last of `after`). */
function listRequest(workspace: string, search: URLSearchParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of search) if (LIST_FILTERS.has(key)) query.append(key, value);
  const cursor = search.getAll('after').at(-1);
  if (cursor) query.append('cursor', cursor);
  query.append('limit', String(LIST_PAGE_SIZE));
  return `${workspace}/commitments?${query.toString()}`;
}

const entryModulesOf = new WeakMap<Manifest, Set<string> | null>();

/** The entry's chunks, which index.html loads itself (null without an entry), worked out once. */
function entryModules(manifest: Manifest): Set<string> | null {
  if (!entryModulesOf.has(manifest)) {
    const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
    entryModulesOf.set(manifest, entry ? closure(manifest, [entry]) : null);
  }
  return entryModulesOf.get(manifest)!;
}

/** The scripts of the page's chunks that index.html does not already load. */
function modulesOf(manifest: Manifest, page: Page, locale: Locale): string[] {
  const loaded = entryModules(manifest);
  if (!loaded) return [];
  const keys = [
    ...page.routes,
    ...page.texts.flatMap((group) =>
      // English texts fall back to the Vietnamese ones: both are loaded.
      (locale === 'vi' ? ['vi'] : [locale, 'vi']).map(
        (lang) => `virtual:spct-texts/${lang}/${group}`,
      ),
    ),
    ...(locale === 'vi' ? [] : [`virtual:spct-texts/${locale}/core`]),
  ].filter((key) => manifest[key]);
  return [...closure(manifest, keys)]
    .filter((key) => !loaded.has(key))
    .map((key) => `/${manifest[key]!.file}`);
}

/** Chunks and every chunk they import statically. */
function closure(manifest: Manifest, keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    closure(manifest, manifest[key].imports ?? [], seen);
  }
  return seen;
}

/** How long a page waits for its answers before it is sent without them. */
const PRELOAD_MS = 400;

/**
 * The answers of the page's first requests, asked of the API itself with the visitor's cookie
 * (so with the same checks); only those that succeeded. The session first: without it nothing
 * else can succeed (the app goes to the sign-in page), so nothing else is asked.
 */
async function preloadData(
  fastify: FastifyInstance,
  request: FastifyRequest,
  urls: string[],
): Promise<Answer[]> {
  const ask = (url: string) =>
    fastify.inject({
      method: 'GET',
      url,
      headers: { cookie: request.headers.cookie, 'x-requested-with': 'spct-web' },
    });
  const all = async (): Promise<Answer[]> => {
    const [first, ...rest] = urls;
    if (!first) return [];
    const session = await ask(first);
    if (session.statusCode !== 200) return [];
    const answers = await Promise.all(rest.map(ask));
    return [
      { url: first, body: session.body },
      ...rest
        .map((url, index) => ({ url, answer: answers[index]! }))
        .filter(({ answer }) => answer.statusCode === 200)
        .map(({ url, answer }) => ({ url, body: answer.body })),
    ];
  };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), PRELOAD_MS);
  });
  try {
    const answers = await Promise.race([all(), late]);
    if (answers === 'late') {
      warn(request, {}, `preloading took over ${PRELOAD_MS} ms: sent without`);
      return [];
    }
    return answers;
  } catch (error) {
    warn(request, { err: error }, 'preloading failed: sent without');
    return [];
  } finally {
    clearTimeout(timer);
  }
}

interface Written {
  locale: Locale;
  modules: string[];
  answers: Answer[];
  heading: string | undefined;
}

/** `html` with `text` put before the first `marker`; `text` as is (no `$` patterns of replace). */
function insertBefore(html: string, marker: string, text: string): string {
  const at = html.indexOf(marker);
  return at < 0 ? html : html.slice(0, at) + text + html.slice(at);
}

function writePage(template: string, { locale, modules, answers, heading }: Written): string {
  let html = template;
  if (locale !== 'vi') {
    html = html.replace('<html lang="vi">', () => `<html lang="${locale}">`);
    for (const [vi, text] of Object.entries(SHELL_TEXTS[locale])) {
      html = html.replaceAll(vi, () => text);
    }
  }
  const links = modules.map((file) => `<link rel="modulepreload" crossorigin href="${file}">`);
  if (links.length > 0) html = insertBefore(html, '</head>', `  ${links.join('\n    ')}\n  `);
  if (heading) {
    html = html.replace(
      /<p class="boot-title">.*?<\/p>/,
      () => `<h1 class="boot-title boot-heading">${heading}</h1>`,
    );
  }
  if (answers.length > 0) {
    const data = `{${answers.map(({ url, body }) => `${JSON.stringify(url)}:${body}`).join(',')}}`;
    // Inside <script>, `<` could close the element: written as its JSON escape. data-at: when
    // they were true, for the app to stop using them after a while (apps/web/src/api/preloaded.ts).
    const block = `<script type="application/json" id="spct-preloaded" data-at="${Date.now()}">${data.replaceAll('<', '\\u003c')}</script>`;
    html = insertBefore(html, '<div id="root">', `${block}\n    `);
  }
  return html;
}

/**
 * Files under assets/ carry a hash of their content in their name: cached for a year and never
 * asked for again. Everything else (index.html first) is revalidated on each visit, so a new
 * release is picked up at once.
 */
function cacheControlOf(webDistDir: string, filePath: string): string {
  const relative = path.relative(webDistDir, filePath).split(path.sep);
  return relative[0] === 'assets' && relative.length === 2
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}
