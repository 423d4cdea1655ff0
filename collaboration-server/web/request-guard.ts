/**
 * Host and Origin checks for every HTTP request and every WebSocket upgrade the hub answers.
 *  - Host: a page on another site can make the browser resolve its own name to 127.0.0.1 (DNS
 *    rebinding) and then read the hub as if it were that site; its requests still carry its own name in
 *    Host, so only the hub's own names are answered.
 *  - Origin: a browser names the page that makes a request; only the hub's own page (the same origin)
 *    and the origins `--allow-origin` names may call the API or open a WebSocket. Programs send none.
 *  - Sec-Fetch-Site: where a browser says a request to the API comes from another site, it is refused too.
 */
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';

export interface RequestGuard {
  /** host names (no port) this hub answers to */
  hosts: ReadonlySet<string>;
  /** browser origins allowed besides the hub's own */
  allowOrigins: readonly string[];
}

export interface Refusal {
  status: 403;
  message: string;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '']);
const bare = (host: string): string => host.replace(/^\[|\]$/g, '').toLowerCase();

/** The names the hub answers to: loopback, the address it listens on (every interface's on a wildcard), and `extra`. */
export function hubHosts(listenHost: string, extra: readonly string[] = []): Set<string> {
  const hosts = new Set(['127.0.0.1', 'localhost', '::1', bare(listenHost), ...extra.map(bare)]);
  if (WILDCARDS.has(listenHost)) {
    for (const addresses of Object.values(networkInterfaces())) for (const a of addresses ?? []) hosts.add(bare(a.address));
  }
  return hosts;
}

/** The host name of a Host header (without its port); null when malformed. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]/\s@]+)(?::\d{1,5})?$/.exec(header.trim());
  return m ? bare(m[1]!) : null;
}

/** Whether the request names this hub in Host; the refusal to send otherwise. */
export function checkHost(req: IncomingMessage, guard: RequestGuard): Refusal | null {
  const name = hostName(req.headers.host);
  if (name && guard.hosts.has(name)) return null;
  const shown = JSON.stringify((req.headers.host ?? '').slice(0, 100));
  return { status: 403, message: `This hub does not answer to the host ${shown}: open it by the address it prints (huddle web), or start it with --allow-host NAME.` };
}

/** The hub's own page, another allowed origin, or no browser at all; the refusal otherwise. */
export function checkOrigin(req: IncomingMessage, guard: RequestGuard): Refusal | null {
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none' && !(origin && guard.allowOrigins.includes(origin))) {
    return { status: 403, message: `A page on another site (Sec-Fetch-Site: ${String(site).slice(0, 20)}) may not use this hub.` };
  }
  if (origin === undefined || origin === `http://${req.headers.host}` || guard.allowOrigins.includes(origin)) return null;
  const shown = origin.slice(0, 100);
  return { status: 403, message: `Origin ${shown} may not open this hub; start it with --allow-origin ${shown} to allow it.` };
}
