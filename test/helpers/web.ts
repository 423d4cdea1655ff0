/**
 * The web page's side of a test hub: raw HTTP requests (with any Host, Origin or Cookie, which fetch
 * would not let a test set), signing in with a login link, and a sprint to look at.
 */
import { request } from 'node:http';
import WebSocket from 'ws';
import type { HuddleClient } from '../../collaboration-server/client.js';
import { fileCredentialStore } from '../../collaboration-server/credential-store.js';
import type { TaskDraft } from '../../collaboration-server/protocol.js';
import type { RunningHub } from '../../collaboration-server/server.js';

export interface WebAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

export function webRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<WebAnswer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        agent: false,
        headers: { host: `127.0.0.1:${port}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON: a page file or a plain-text refusal
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface SignedIn {
  /** the Cookie header value */
  cookie: string;
  csrf: string;
  /** the Set-Cookie header the sign-in answered with */
  setCookie: string;
}

/** The credential the data folder keeps for `name` (the test hub's clients keep theirs there, as the CLI does). */
export const credentialOf = (dataDir: string, name: string): string => {
  const credential = fileCredentialStore(dataDir).load(name);
  if (!credential) throw new Error(`no credential kept for ${name} in ${dataDir}`);
  return credential;
};

/**
 * Opens a login link as a browser would: the token from its fragment, traded for the session cookie.
 * `who`: the participant and their credential; the product owner before their first join when omitted.
 */
export async function signIn(running: RunningHub, who: { name?: string; credential?: string } = {}): Promise<SignedIn & { token: string }> {
  const link = running.web.loginLink(who);
  const token = new URL(link.url).hash.slice(1);
  const res = await webRequest(running.port, '/api/session', { method: 'POST', body: { token }, headers: { origin: running.pageUrl } });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${res.text}`);
  const setCookie = String(res.headers['set-cookie']);
  return { cookie: setCookie.split(';')[0]!, csrf: res.json.csrf, setCookie, token };
}

/** The HTTP status the hub answers a WebSocket upgrade with (101 when it opened). */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('upgrade', (res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
  });
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A small sprint as the lead plans it: four tasks in a chain, two people, one blocked, one open escalation. */
export async function seedSprint(lead: HuddleClient, startsAt = Date.now() - 2 * DAY, extra: TaskDraft[] = []): Promise<{ sprintId: string; taskIds: string[] }> {
  const ack = await lead.send({
    type: 'sprint_create',
    sprint: { name: 'Sign-in sprint', goal: 'Users sign in with a token', startsAt, endsAt: startsAt + 14 * DAY, objectives: ['Sign-in'] },
    tasks: [
      { key: 'a', title: 'Design the token format', role: 'backend-dev', estimateHours: 4, points: 3, acceptance: ['Format written down'] },
      { key: 'b', title: 'Implement token validation', role: 'backend-dev', estimateHours: 8, points: 5, dependsOn: ['a'], description: 'Validate signature and expiry.' },
      { key: 'c', title: 'Login form', role: 'frontend-dev', estimateHours: 6, points: 3, dependsOn: ['a'] },
      { key: 'd', title: 'End-to-end sign-in test', role: 'qa', estimateHours: 3, points: 2, dependsOn: ['b', 'c'] },
      ...extra,
    ],
  });
  const { sprintId, taskIds } = ack.result as { sprintId: string; taskIds: string[] };
  return { sprintId, taskIds };
}

/** Assigns `taskId` to `who` as the lead, so that `who` may start and finish it. */
export const assign = (lead: HuddleClient, taskId: string, who: string) => lead.send({ type: 'task_update', taskId, action: 'assign', assignee: who });
