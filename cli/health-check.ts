/** `huddle status --health`: asks the hub's GET /healthz and says in one line whether it is healthy. */
import { resolveDataDir, readHubUrl } from '../collaboration-server/data-dir.js';
import { HuddleError } from '../collaboration-server/errors.js';
import type { Health } from '../collaboration-server/http/ops-routes.js';

/** longer than the PostgreSQL store's connect timeout, which a health check of a gone database waits for */
const HEALTH_TIMEOUT_MS = 10_000;

export function healthUrl(hubUrl: string): string {
  const url = new URL(hubUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = '/healthz';
  url.search = '';
  return url.toString();
}

export function hubUrlFor(flags: { url?: string; data?: string }): string {
  const dir = resolveDataDir(flags.data);
  const url = flags.url ?? readHubUrl(dir);
  if (!url) throw new HuddleError('DISCONNECTED', `No hub found in ${dir}: pass --url, or run this where the hub's .huddle/ folder is.`);
  return url;
}

/** The hub's answer, or why there was none (then the hub counts as unhealthy). */
export async function fetchHealth(hubUrl: string): Promise<Health | { unreachable: string }> {
  const target = healthUrl(hubUrl);
  try {
    const res = await fetch(target, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    if (res.status !== 200 && res.status !== 503) return { unreachable: `${target} answered ${res.status}` };
    return (await res.json()) as Health;
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
    return { unreachable: `no answer from ${target} (${cause})` };
  }
}

export function healthLine(result: Health | { unreachable: string }): string {
  if ('unreachable' in result) return `unhealthy: the hub is not reachable: ${result.unreachable}`;
  const parts = Object.entries(result.checks).map(([name, check]) => `${name} ${check.ok ? 'ok' : 'FAILING'} (${check.detail})`);
  return `${result.healthy ? 'healthy' : 'unhealthy'}: ${parts.join('; ')}`;
}
