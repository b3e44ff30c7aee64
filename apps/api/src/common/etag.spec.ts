import { ConflictException, HttpStatus } from '@nestjs/common';
import { answerStale, checkIfMatch, StaleVersion, StaleVersionException } from './etag';

describe('answerStale', () => {
  const stale = () => Promise.reject(new StaleVersion());

  it('answers a stale write with 412 carrying the record as stored now', async () => {
    const error = await answerStale('comment', '"1"', stale, () =>
      Promise.resolve({ version: 2, body: 'theirs' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleVersionException);
    expect((error as StaleVersionException).getStatus()).toBe(HttpStatus.PRECONDITION_FAILED);
    expect((error as StaleVersionException).getResponse()).toMatchObject({
      current: { version: 2, body: 'theirs' },
    });
  });

  it('answers 409 when the record is gone by the time it is reloaded', async () => {
    const error = await answerStale('position', '"1"', stale, () => Promise.resolve(null)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictException);
  });

  it('passes other errors and results through untouched', async () => {
    const other = new Error('boom');
    await expect(answerStale('x', undefined, () => Promise.reject(other), stale)).rejects.toBe(
      other,
    );
    await expect(answerStale('x', undefined, () => Promise.resolve(7), stale)).resolves.toBe(7);
  });
});

describe('checkIfMatch', () => {
  it('requires If-Match when asked (428), refuses "*", and throws StaleVersion on another version', () => {
    expect(() => checkIfMatch(undefined, 1, { required: true })).toThrow(
      expect.objectContaining({ status: HttpStatus.PRECONDITION_REQUIRED }) as Error,
    );
    expect(() => checkIfMatch('*', 1, { required: true })).toThrow(
      expect.objectContaining({ status: HttpStatus.PRECONDITION_REQUIRED }) as Error,
    );
    expect(() => checkIfMatch('"1"', 2, { required: true })).toThrow(StaleVersion);
    expect(() => checkIfMatch('W/"2"', 2, { required: true })).toThrow(StaleVersion);
    expect(() => checkIfMatch('"2"', 2, { required: true })).not.toThrow();
    expect(() => checkIfMatch(undefined, 2, { required: false })).not.toThrow();
  });
});
