/**
 * The Node flags the API runs with in production (`npm start`, the Docker image, and the built
 * app the benchmarks start; `node-flags.spec.ts` holds the three to this list).
 *
 * The API's live heap is about 60–70 MB, under load as at rest. Without a ceiling V8 lets the old
 * generation fill with dead request objects up to several hundred MB before a full collection
 * (`npm run bench:http` saw 646 MB of resident memory, 63 MB live after a forced GC). A ceiling
 * of 192 MB makes it collect sooner: the resident memory then stays under 250 MB through the
 * benchmark. Streamed exports and imports stay far below it.
 */
export const API_NODE_FLAGS = ['--max-old-space-size=192'] as const;
