/**
 * Where to go after signing in: only a path of this app ("/w/viet-nam?x=1"), never another
 * site ("//evil.test", "https://…", "/\\evil.test") nor the sign-in page itself.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return '/';
  if (next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Browsers drop tabs and newlines in URLs: "/\t/evil.test" would become "//evil.test".
  if ([...next].some((char) => char.charCodeAt(0) < 0x20)) return '/';
  try {
    const url = new URL(next, 'http://app.invalid');
    if (url.origin !== 'http://app.invalid') return '/';
    if (url.pathname === '/sign-in' || url.pathname === '/set-password') return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
