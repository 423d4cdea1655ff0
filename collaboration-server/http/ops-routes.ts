/**
 * The hub's operations endpoints on its HTTP port:
 * - GET /healthz: is the store reachable and the technical lead connected. 200 when both hold, 503
 *   when either fails, with a JSON body saying which. `?check=store` asks about the store only (what
 *   a load balancer needs of each node, whichever node the lead is connected to).
 * - GET /metrics: the hub's counters in the Prometheus text format, behind the admin token as a
 *   bearer unless the hub was started with --metrics-open.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toHuddleError } from '../errors.js';
import type { Hub } from '../hub.js';
import type { HubMetrics } from '../hub-metrics.js';
import { sameSecret } from '../secrets.js';
import { LEAD_ROLE } from '../protocol.js';
import { PROMETHEUS_CONTENT_TYPE } from '../prometheus.js';
import type { Store } from '../store/index.js';

export interface OpsRouteOptions {
  hub: Hub;
  store: Store;
  metrics: HubMetrics;
  adminToken: string;
  /** serve /metrics to anyone who can reach the port */
  metricsOpen?: boolean;
}

export interface Check {
  ok: boolean;
  detail: string;
}

export interface Health {
  healthy: boolean;
  checks: { store: Check; lead?: Check };
}

/** A read that reaches the database: on PostgreSQL it fails as soon as the server refuses, within seconds when it hangs. */
function checkStore(store: Store): Check {
  try {
    return { ok: true, detail: `reachable, last sequence ${store.probe ? store.probe() : store.events.lastSeq()}` };
  } catch (err) {
    return { ok: false, detail: toHuddleError(err, 'hub').message };
  }
}

function checkLead(hub: Hub): Check {
  const lead = hub.online().find((p) => p.role === LEAD_ROLE);
  return lead ? { ok: true, detail: `${lead.name} is connected` } : { ok: false, detail: 'no technical lead is connected: start one with huddle orchestrator (huddle up runs both)' };
}

export function health(hub: Hub, store: Store, storeOnly = false): Health {
  const checks = storeOnly ? { store: checkStore(store) } : { store: checkStore(store), lead: checkLead(hub) };
  return { healthy: Object.values(checks).every((c) => c.ok), checks };
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** Returns a request handler that answers the routes it knows and returns false for any other. */
export function opsRoutes(options: OpsRouteOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    if (url.pathname !== '/healthz' && url.pathname !== '/metrics') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end(`${url.pathname} answers GET only.\n`);
      return true;
    }
    if (url.pathname === '/healthz') {
      const result = health(options.hub, options.store, url.searchParams.get('check') === 'store');
      res.writeHead(result.healthy ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(result));
      return true;
    }
    const token = bearer(req);
    if (!options.metricsOpen && !(token && sameSecret(token, options.adminToken))) {
      res
        .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
        .end('/metrics needs the admin token: send Authorization: Bearer ADMIN_TOKEN (huddle token prints it), or start the hub with --metrics-open.\n');
      return true;
    }
    res.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' }).end(options.metrics.render());
    return true;
  };
}
