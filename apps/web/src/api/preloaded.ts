/**
 * Answers the server wrote into index.html for the page's first requests (the session, the
 * page's records: apps/api/src/web-app.ts), keyed by request. Each is used once, by the first
 * GET of its URL, and only while the answers are new: after the first write (a sign-out, a save,
 * also those not made through the typed client: clearPreloaded) or FRESH_MS after the server
 * wrote them (its clock, not the page's age: a page restored from the back/forward cache is old),
 * every request asks the API.
 */
export const FRESH_MS = 30_000;

let preloaded: Map<string, unknown> | null = null;
/** When the server wrote the answers (Date.now() there). */
let writtenAt = 0;

/** A request's URL with its parameters in a stable order: the server writes them its own way. */
function keyOf(url: URL): string {
  const search = new URLSearchParams(url.search);
  search.sort();
  const query = search.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

function read(): Map<string, unknown> {
  const map = new Map<string, unknown>();
  const element = document.getElementById('spct-preloaded');
  if (!element?.textContent) return map;
  writtenAt = Number(element.dataset.at) || 0;
  try {
    const answers = JSON.parse(element.textContent) as Record<string, unknown>;
    for (const [url, body] of Object.entries(answers)) {
      map.set(keyOf(new URL(url, window.location.origin)), body);
    }
  } catch {
    // Unreadable: the app asks the API.
  }
  element.remove();
  return map;
}

/** The preloaded answer to this request, once; null when there is none. */
export function takePreloaded(request: Request): Response | null {
  preloaded ??= read();
  if (preloaded.size === 0) return null;
  if (request.method !== 'GET' || !(Date.now() - writtenAt < FRESH_MS)) {
    preloaded.clear();
    return null;
  }
  const key = keyOf(new URL(request.url, window.location.href));
  if (!preloaded.has(key)) return null;
  const body = preloaded.get(key);
  preloaded.delete(key);
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

/** Forgets the answers not used yet: for writes made without the typed client (uploads). */
export function clearPreloaded(): void {
  preloaded ??= read();
  preloaded.clear();
}
