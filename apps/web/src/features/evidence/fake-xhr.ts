/**
 * Test-only stand-in for XMLHttpRequest (the network, like `fetch` in src/test/render.tsx):
 * records each request and lets the test drive its upload progress and its answer.
 */
export interface FakeXhr {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** Fires an upload progress event of `loaded` bytes out of `total`. */
  progress: (loaded: number, total: number) => void;
  /** Answers the request with a status and a JSON body. */
  respond: (status: number, body: unknown) => void;
}

type Handler = ((event: ProgressEvent) => void) | null;

export function installFakeXhr() {
  const original = window.XMLHttpRequest;
  const sent: FakeXhr[] = [];
  const waiting: ((request: FakeXhr) => void)[] = [];

  class FakeXMLHttpRequest {
    upload: { onprogress: Handler } = { onprogress: null };
    onload: Handler = null;
    onerror: Handler = null;
    onabort: Handler = null;
    status = 0;
    statusText = '';
    responseText = '';
    private record: FakeXhr = {
      method: '',
      url: '',
      headers: {},
      body: null,
      progress: (loaded, total) =>
        this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent),
      respond: (status, body) => {
        this.status = status;
        this.responseText = JSON.stringify(body);
        this.onload?.({} as ProgressEvent);
      },
    };
    open(method: string, url: string) {
      this.record.method = method;
      this.record.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.record.headers[name] = value;
    }
    send(body: unknown) {
      this.record.body = body;
      sent.push(this.record);
      waiting.shift()?.(this.record);
    }
    abort() {
      this.onabort?.({} as ProgressEvent);
    }
  }

  window.XMLHttpRequest = FakeXMLHttpRequest as unknown as typeof XMLHttpRequest;
  let seen = 0;
  return {
    sent,
    /** The next request sent (already sent or still to come). */
    next(): Promise<FakeXhr> {
      const index = seen++;
      const already = sent[index];
      if (already) return Promise.resolve(already);
      return new Promise((resolve) => waiting.push(resolve));
    },
    restore() {
      window.XMLHttpRequest = original;
    },
  };
}
