import { Writable } from 'node:stream';
import type { LoggingOptions } from '../src/logging/logging';

/**
 * The JSON lines an app logs (`createTestApp({ logging: logs.options })`), read as objects when
 * asked: a test may be spying on JSON.parse meanwhile. nestjs-pino writes through the first app's
 * logger of the process, so a file with several apps gives each of them the same collector.
 */
export function logCollector(level = 'info') {
  const written: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const lines = () => written.map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    lines,
    clear: () => void written.splice(0),
    options: { level, destination } satisfies LoggingOptions,
  };
}
