import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import i18n from '../i18n';
import { App } from '../App';

/** A canned API answer: a body (status 200) or an explicit status and body. */
export type MockAnswer = unknown | { status: number; body: unknown };
export type MockRoutes = Record<string, MockAnswer | ((url: URL) => MockAnswer)>;

function isExplicit(answer: unknown): answer is { status: number; body: unknown } {
  return typeof answer === 'object' && answer !== null && 'status' in answer && 'body' in answer;
}

/**
 * Replaces `fetch` (the only thing mocked: the network). Routes are keyed by pathname, e.g.
 * `/api/workspaces/viet-nam/frameworks`; an unknown path answers 404 like the API would.
 */
export function mockApi(routes: MockRoutes) {
  const fetchMock = jest.fn(async (input: Request | string) => {
    const url = new URL(typeof input === 'string' ? input : input.url, window.location.href);
    const route = routes[url.pathname];
    const answer = typeof route === 'function' ? route(url) : route;
    if (route === undefined) {
      return Response.json(
        { statusCode: 404, error: 'Not Found', message: `No route ${url.pathname}` },
        { status: 404 },
      );
    }
    const { status, body } = isExplicit(answer) ? answer : { status: 200, body: answer };
    return Response.json(body, { status });
  });
  window.fetch = fetchMock as unknown as typeof window.fetch;
  return fetchMock;
}

/** The URLs requested so far. */
export function requestedUrls(fetchMock: jest.Mock): URL[] {
  return fetchMock.mock.calls.map(
    ([input]) => new URL(typeof input === 'string' ? input : (input as Request).url),
  );
}

export function renderApp(path: string, routes: MockRoutes) {
  const fetchMock = mockApi(routes);
  const history = createMemoryHistory({ initialEntries: [path] });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
  const user = userEvent.setup();
  const result = render(<App queryClient={queryClient} history={history} mantineEnv="test" />);
  return { ...result, user, history, fetchMock, queryClient };
}

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('vi');
});
