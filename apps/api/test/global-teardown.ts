export default async function globalTeardown(): Promise<void> {
  await globalThis.__SPCT_STOP_DATABASE__?.();
}
