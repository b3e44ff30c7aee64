// Preloaded (`node -r`) into the Prisma CLI when the app applies migrations at start-up.
// The Prisma 6.19 WebAssembly schema engine leaves a 10-second timer armed after a command has
// finished, which keeps the CLI process alive for 10 s; such long timers no longer hold it open.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function setTimeout(callback, delay, ...args) {
  const timer = originalSetTimeout(callback, delay, ...args);
  if (typeof delay === 'number' && delay >= 10_000) timer.unref();
  return timer;
};
