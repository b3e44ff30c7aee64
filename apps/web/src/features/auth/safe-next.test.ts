import { safeNext } from './safe-next';

describe('safeNext', () => {
  it.each([
    ['/w/viet-nam/commitments?q=a#x', '/w/viet-nam/commitments?q=a#x'],
    ['/', '/'],
    [undefined, '/'],
    ['https://evil.test/', '/'],
    ['//evil.test/path', '/'],
    ['/\\evil.test', '/'],
    ['javascript:alert(1)', '/'],
    ['/sign-in?next=/x', '/'],
    ['w/viet-nam', '/'],
    ['/\t/evil.test', '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
