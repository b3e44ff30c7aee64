import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryHistory } from '@tanstack/react-router';
import i18n from '../i18n';
import { App, createQueryClient } from '../App';
import { me } from './fixtures';

/** A canned API answer: a body (status 200) or an explicit status, body and headers. */
export type MockAnswer = unknown | { status: number; body: unknown; headers?: HeadersInit };
export type MockRoutes = Record<string, MockAnswer | ((url: URL, body: unknown) => MockAnswer)>;

/** A request the app sent, its JSON body parsed. */
export interface SentRequest {
  method: string;
  url: URL;
  path: string;
  body: unknown;
  headers: Headers;
}

function isExplicit(
  answer: unknown,
): answer is { status: number; body: unknown; headers?: HeadersInit } {
  return typeof answer === 'object' && answer !== null && 'status' in answer && 'body' in answer;
}

/**
 * Replaces `fetch` (the only thing mocked: the network). Routes are keyed by pathname, e.g.
 * `/api/workspaces/viet-nam/frameworks` (any method), or by method and pathname, e.g.
 * `PATCH /api/auth/me` (which wins). An unknown route answers 404 like the API would.
 */
export function mockApi(routes: MockRoutes) {
  const sent: SentRequest[] = [];
  const fetchMock = jest.fn(async (input: Request | string) => {
    const request = typeof input === 'string' ? new Request(input) : input;
    const url = new URL(request.url, window.location.href);
    const text = await request.clone().text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    sent.push({ method: request.method, url, path: url.pathname, body, headers: request.headers });
    const route = routes[`${request.method} ${url.pathname}`] ?? routes[url.pathname];
    if (route === undefined) {
      return Response.json(
        { statusCode: 404, error: 'Not Found', message: `No route ${url.pathname}` },
        { status: 404 },
      );
    }
    const answer = typeof route === 'function' ? route(url, body) : route;
    const {
      status,
      body: responseBody,
      headers,
    } = isExplicit(answer) ? answer : { status: 200, body: answer, headers: undefined };
    if (status === 204) return new Response(null, { status, headers });
    return Response.json(responseBody, { status, headers });
  });
  window.fetch = fetchMock as unknown as typeof window.fetch;
  return { fetchMock, sent };
}

/** The URLs requested so far. */
export function requestedUrls(fetchMock: jest.Mock): URL[] {
  return fetchMock.mock.calls.map(
    ([input]) => new URL(typeof input === 'string' ? input : (input as Request).url),
  );
}

/**
 * Renders the whole app at `path`. A signed-in session is mocked (`GET /api/auth/me` answers
 * the demo official) unless the routes answer `/api/auth/me` themselves.
 */
export function renderApp(path: string, routes: MockRoutes) {
  const { fetchMock, sent } = mockApi({ '/api/auth/me': me, ...routes });
  const history = createMemoryHistory({ initialEntries: [path] });
  // The app's own defaults (staleTime...), without retries or garbage collection.
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false, gcTime: Infinity },
  });
  const user = userEvent.setup();
  const result = render(<App queryClient={queryClient} history={history} mantineEnv="test" />);
  return { ...result, user, history, fetchMock, sent, queryClient };
}

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('vi');
});
