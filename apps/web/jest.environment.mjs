// jsdom has no fetch API. Expose Node's (undici) Request/Response/Headers so the real
// openapi-fetch client runs in tests; each test mocks `fetch` itself. Relative URLs ("/api/...")
// are resolved against the jsdom document URL, as a browser does.
import { TestEnvironment } from 'jest-environment-jsdom';

export default class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const base = this.global.location.href;
    const NodeRequest = globalThis.Request;
    class RelativeRequest extends NodeRequest {
      constructor(input, init) {
        super(typeof input === 'string' ? new URL(input, base).href : input, init);
      }
    }
    Object.assign(this.global, {
      Request: RelativeRequest,
      Response: globalThis.Response,
      Headers: globalThis.Headers,
      fetch: () => Promise.reject(new Error('fetch is not mocked in this test')),
      TextEncoder: globalThis.TextEncoder,
      TextDecoder: globalThis.TextDecoder,
      ReadableStream: globalThis.ReadableStream,
      structuredClone: globalThis.structuredClone,
    });
  }
}
