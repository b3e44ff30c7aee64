import type { TestResponse } from './test-app';

/**
 * Sends `count` writes of one record version at once and checks the optimistic-concurrency
 * promise: exactly one 200, every other 412. Returns the winner's body and the losers.
 */
export async function oneWriteWins<T>(
  count: number,
  write: (i: number) => Promise<TestResponse<T>>,
): Promise<{ winner: T; losers: TestResponse<T>[] }> {
  const responses = await Promise.all(Array.from({ length: count }, (_, i) => write(i)));
  expect(responses.map((r) => r.status).sort()).toEqual([
    200,
    ...Array<number>(count - 1).fill(412),
  ]);
  return {
    winner: responses.find((r) => r.status === 200)!.body,
    losers: responses.filter((r) => r.status !== 200),
  };
}
