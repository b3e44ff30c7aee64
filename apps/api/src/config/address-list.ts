import net from 'node:net';

/**
 * A comma-separated list of IP addresses and CIDR ranges (`10.0.0.0/8, 127.0.0.1, ::1`) from the
 * variable `name`; unset or empty is the empty list. Anything else stops the start with a message.
 */
export function parseAddressList(name: string, raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = net.isIP(address);
    const validPrefix =
      prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
    if (family === 0 || rest.length > 0 || !validPrefix) {
      throw new Error(`${name}: "${entry}" is neither an IP address nor a CIDR range`);
    }
  }
  return entries;
}

/** Whether an address (as the HTTP server reports it) is one of `entries`. */
export function addressMatcher(entries: string[]): (address: string) => boolean {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = net.isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (raw) => {
    // An IPv4 client of a dual-stack socket is reported as ::ffff:a.b.c.d.
    const address = raw.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
    const family = net.isIP(address);
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}
