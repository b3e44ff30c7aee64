import { addressMatcher } from './address-list';

describe('address lists', () => {
  it('matches addresses and ranges of both families, IPv4 clients of dual-stack sockets included', () => {
    const allowed = addressMatcher(['127.0.0.0/8', '10.1.2.3', 'fd00::/8']);
    expect(allowed('127.0.0.1')).toBe(true);
    expect(allowed('::ffff:127.0.0.1')).toBe(true);
    expect(allowed('10.1.2.3')).toBe(true);
    expect(allowed('10.1.2.4')).toBe(false);
    expect(allowed('fd12::1')).toBe(true);
    expect(allowed('::1')).toBe(false);
    expect(allowed('not an address')).toBe(false);
    expect(addressMatcher([])('127.0.0.1')).toBe(false);
  });
});
