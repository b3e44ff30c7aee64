import type * as Client from './client';
import type * as Upload from '../features/evidence/upload';
import type * as Imports from '../features/imports/queries';
import { installFakeXhr } from '../features/evidence/fake-xhr';

interface Modules {
  client: typeof Client;
  upload: typeof Upload;
  imports: typeof Imports;
}

/** The app's modules as a fresh page loads them, with this block in index.html written at `at`. */
function load(answers: Record<string, unknown>, at = Date.now()): Modules {
  document.body.innerHTML = `<script type="application/json" id="spct-preloaded" data-at="${at}">${JSON.stringify(
    answers,
  ).replaceAll('<', '\\u003c')}</script><div id="root"></div>`;
  let modules: Modules | undefined;
  jest.isolateModules(() => {
    modules = {
      client: jest.requireActual('./client'),
      upload: jest.requireActual('../features/evidence/upload'),
      imports: jest.requireActual('../features/imports/queries'),
    };
  });
  return modules!;
}

function pageWith(answers: Record<string, unknown>, at?: number): typeof Client.api {
  return load(answers, at).client.api;
}

const me = { user: { id: 'u1', displayName: '</script>Lan' }, memberships: [] };
const list = { items: [{ id: 'c1' }], nextCursor: null };

describe('answers preloaded in index.html', () => {
  const fetchMock = jest.fn<Promise<Response>, [Request]>();
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => Response.json({ from: 'network' }));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
  });

  it('answers the first request of each URL without asking the API, then asks it', async () => {
    const api = pageWith({
      '/api/auth/me': me,
      '/api/workspaces/viet-nam/commitments?status=AT_RISK&q=an+sinh&limit=25': list,
    });
    expect((await api.GET('/api/auth/me')).data).toEqual(me);
    // The app writes the parameters in its own order.
    const { data } = await api.GET('/api/workspaces/{slug}/commitments', {
      params: {
        path: { slug: 'viet-nam' },
        query: { q: 'an sinh', status: ['AT_RISK'], limit: 25 },
      },
    });
    expect(data).toEqual(list);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(document.getElementById('spct-preloaded')).toBeNull();

    expect((await api.GET('/api/auth/me')).data).toEqual({ from: 'network' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('asks the API for other URLs, and for everything after a write', async () => {
    const api = pageWith({ '/api/auth/me': me });
    await api.GET('/api/workspaces/{slug}/organizations', {
      params: { path: { slug: 'viet-nam' } },
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await api.POST('/api/auth/logout');
    expect((await api.GET('/api/auth/me')).data).toEqual({ from: 'network' });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('asks the API when the page carries nothing', async () => {
    const api = pageWith({});
    document.body.innerHTML = '';
    expect((await api.GET('/api/auth/me')).data).toEqual({ from: 'network' });
  });

  it("uses them only until 30 s after the server wrote them, by the server's time", async () => {
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      // A page restored from the back/forward cache: its answers are a minute old.
      const restored = pageWith({ '/api/auth/me': me }, now - 60_000);
      expect((await restored.GET('/api/auth/me')).data).toEqual({ from: 'network' });

      const fresh = pageWith({ '/api/auth/me': me, '/api/workspaces': [] }, now);
      clock.mockReturnValue(now + 29_000);
      expect((await fresh.GET('/api/auth/me')).data).toEqual(me);
      clock.mockReturnValue(now + 31_000);
      expect((await fresh.GET('/api/workspaces')).data).toEqual({ from: 'network' });
      expect(fetchMock).toHaveBeenCalledTimes(2);
    } finally {
      clock.mockRestore();
    }
  });

  it('forgets them after an import upload, which does not go through the typed client', async () => {
    const { client, imports } = load({ '/api/auth/me': me });
    fetchMock.mockImplementationOnce(async () => Response.json({ id: 'job-1' }));
    await imports.uploadImport('viet-nam', { file: new File(['a'], 'a.csv') });
    expect((await client.api.GET('/api/auth/me')).data).toEqual({ from: 'network' });
  });

  it('forgets them after an evidence upload (XMLHttpRequest)', async () => {
    const xhr = installFakeXhr();
    try {
      const { client, upload } = load({ '/api/auth/me': me });
      void upload
        .uploadEvidenceFile({ url: '/api/x/evidence', file: new File(['a'], 'a.pdf') })
        .catch(() => undefined);
      expect((await client.api.GET('/api/auth/me')).data).toEqual({ from: 'network' });
    } finally {
      xhr.restore();
    }
  });

  it('tells the app of a 401 answered before it listened (the first route loads first)', async () => {
    const { client } = load({});
    fetchMock.mockImplementationOnce(async () => new Response(null, { status: 401 }));
    await client.api.GET('/api/auth/me');
    const handler = jest.fn();
    const stop = client.onUnauthorized(handler);
    expect(handler).toHaveBeenCalledTimes(1);
    stop();
    // Once: listening again does not repeat it.
    client.onUnauthorized(handler)();
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
