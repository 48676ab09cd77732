/**
 * Who may reach which route when the server listens beyond this machine (`HOST=0.0.0.0`).
 * `/admin` is CloudBase's server API (every collection, every file, no credentials checked)
 * and `/_emulator/*` are the operator's levers (fire the scheduler, fault WeChat, read every
 * message sent): they answer callers on this machine, or a caller presenting the token set
 * at start. A phone needs only what the mini-program calls in local mode, and those stay open.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { timingSafeEqual } from 'node:crypto';

/** The header a caller from elsewhere sends the operator's token in. */
export const TOKEN_HEADER = 'x-emulator-token';

/**
 * Whether a socket's remote address is this machine's loopback: 127.0.0.0/8, ::1, and both
 * written as IPv4-mapped IPv6 (`::ffff:127.0.0.1`, `::ffff:7f00:1`), which is how a server
 * listening on `::` sees IPv4 callers. Anything else — the LAN, this machine's own LAN
 * address, a missing address — is not.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.toLowerCase().replace(/%.*$/, '');
  if (isIPv4(plain)) return plain.split('.')[0] === '127';
  if (!isIPv6(plain)) return false;
  const groups = ipv6Groups(plain);
  if (!groups) return false;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 7) && groups[7] === 1) return true; // ::1
  // ::ffff:a.b.c.d — the IPv4 address sits in the last two groups.
  return zeros(0, 5) && groups[5] === 0xffff && groups[6] >> 8 === 127;
}

/** The eight 16-bit groups of a valid IPv6 address, an embedded dotted IPv4 tail included. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1].split('.').map(Number);
    text = `${text.slice(0, -tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(rest);
  const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

/**
 * Routes only the operator may use from elsewhere. Everything a phone in local mode calls is
 * open: `POST /functions/<name>` (the API), `GET /functions`, `/storage/upload` and the signed
 * `/storage/files/…` URLs, and `POST /_emulator/wx/subscriptions` — the mini-program telling
 * the stand-in for WeChat's servers which messages the person allowed, as the WeChat client
 * does in the cloud (`miniprogram/services/subscribe.ts`). It grants no more than calling a
 * function as that openid already does.
 */
export function isOperatorRoute(method: string, pathname: string): boolean {
  if (pathname === '/admin') return true;
  if (!pathname.startsWith('/_emulator/')) return false;
  return !(method === 'POST' && pathname === '/_emulator/wx/subscriptions');
}

/** The token as sent, compared in constant time; no token configured lets nobody in. */
export function tokenMatches(expected: string | undefined, sent: string | string[] | undefined): boolean {
  const given = Array.isArray(sent) ? sent[0] : sent;
  if (!expected || !given) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether this request may be served: open routes always; operator routes to loopback or the token. */
export function callerAllowed(
  request: { method: string; pathname: string; remoteAddress: string | undefined; token: string | string[] | undefined },
  expectedToken: string | undefined,
): boolean {
  if (!isOperatorRoute(request.method, request.pathname)) return true;
  return isLoopbackAddress(request.remoteAddress) || tokenMatches(expectedToken, request.token);
}
