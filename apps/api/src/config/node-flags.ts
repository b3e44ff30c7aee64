/**
 * The Node flags the API runs with in production (`npm start`, the Docker image, and the built
 * app the benchmarks start; `node-flags.spec.ts` holds the three to this list).
 *
 * The API's live heap is about 60–70 MB, under load as at rest. Without a ceiling V8 lets the old
 * generation fill with dead request objects up to several hundred MB before a full collection
 * (`npm run bench:http` saw 646 MB of resident memory, 63 MB live after a forced GC). A ceiling
 * of 192 MB makes it collect sooner. Streamed exports and imports stay far below it.
 *
 * The young generation's two semi-spaces of 16 MB each were resident too: at 8 MB the API's peak
 * under `npm run bench:http` went from 255 to 236 MB, under the 250 MB target, for no measurable
 * CPU per request (a request's garbage dies young at either size).
 */
export const API_NODE_FLAGS = ['--max-old-space-size=192', '--max-semi-space-size=8'] as const;
