import type { api as Api } from './client';

/** The client as a fresh page loads it, with this block in index.html. */
function pageWith(answers: Record<string, unknown>): typeof Api {
  document.body.innerHTML = `<script type="application/json" id="spct-preloaded">${JSON.stringify(
    answers,
  ).replaceAll('<', '\\u003c')}</script><div id="root"></div>`;
  let client: typeof Api | undefined;
  jest.isolateModules(() => {
    client = (jest.requireActual('./client') as { api: typeof Api }).api;
  });
  return client!;
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
});
