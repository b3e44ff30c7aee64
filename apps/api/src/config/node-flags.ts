/**
 * The Node flags the API runs with in production (`npm start`, the Docker image, and the built
 * app the benchmarks start; `node-flags.spec.ts` holds the three to this list).
 *
 * The API's live heap is about 60–70 MB, under load as at rest. Without a ceiling V8 lets the old
 * generation fill with dead request objects up to several hundred MB before a full collection
 * (`npm run bench:http` saw 646 MB of resident memory, 63 MB live after a forced GC). A ceiling
 * of 160 MB makes it collect sooner, and the young generation's semi-spaces of 8 MB (16 by
 * default) keep another 16 MB from being resident: through `bench:http` the API's peak went from
 * 255–270 MB (192 MB and 16 MB) to 241 MB, under the 250 MB target, with no measurable change in
 * CPU per request. The heaviest paths still fit: `bench:import` (10,000 rows) peaks at 296 MB,
 * `bench:export` (100,000 rows) at 222 MB and `bench:period-report` (1,000 items) at 250 MB.
 */
export const API_NODE_FLAGS = ['--max-old-space-size=160', '--max-semi-space-size=8'] as const;
