/**
 * The hub's HTTP side: the web page's files, its sign-in, and the REST API (docs/api.md). Every request
 * passes the Host check; the API and the WebSocket upgrade the Origin check too (request-guard.ts).
 * Reads come straight from the store; the one write, answering an escalation, is sent to the hub over
 * the protocol as the signed-in participant, so it is recorded exactly like an answer from a terminal.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HuddleClient } from '../client.js';
import type { Clock } from '../clock.js';
import type { Tokens } from '../data-dir.js';
import { HuddleError, toHuddleError, type ErrorCode } from '../errors.js';
import type { ConnectionAuth, Hub } from '../hub.js';
import { PROTOCOL_VERSION } from '../protocol.js';
import type { Store } from '../store/index.js';
import type { TeamRole } from '../team-view.js';
import { readAgents, readEscalations, readReport, readSprint, readSprints, readTask, readTasks, type ReadContext } from './api-reads.js';
import { PageFiles } from './page-files.js';
import { checkHost, type RequestGuard } from './request-guard.js';
import { sameSecret } from '../secrets.js';
import { CSRF_HEADER, LOGIN_TTL_MS, SESSION_TTL_MS, WebSessions } from './sessions.js';
import { authorizeApi, authorizeUpgrade, checkSite, sessionCookieName, type ApiCaller, type AuthDeps, type Verdict } from './web-auth.js';
import type { PageBinding } from '../identity.js';
import { pageBindingFor, type WebIdentity } from './web-identity.js';

export interface WebOptions {
  store: Store;
  hub: Hub;
  tokens: Tokens;
  clock: Clock;
  guard: RequestGuard;
  /** hours per day and who takes tasks, for the team's capacity (the CLI passes the role catalog) */
  roles: readonly TeamRole[];
  port: number;
  /** where the hub's own connection reaches it, for example ws://127.0.0.1:4747 */
  loopbackUrl: string;
  /** the page's address in login links, for example http://127.0.0.1:4747 */
  pageUrl: string;
  log(line: string): void;
}

export interface LoginLink {
  url: string;
  participant: WebIdentity;
  expiresAt: number;
}

export interface WebHandler {
  handle(req: IncomingMessage, res: ServerResponse): void;
  authorizeUpgrade(req: IncomingMessage): Verdict<ConnectionAuth>;
  /**
   * A one-time login link for `name` (the product owner when omitted), proved with that participant's
   * `credential`, or else by the hub itself (it holds the admin token), which binds only a name that has not joined.
   */
  loginLink(who?: { name?: string; credential?: string }): LoginLink;
}

const MAX_BODY_BYTES = 16 * 1024;

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_JSON: 400,
  BAD_FRAME: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
  DISCONNECTED: 503,
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(json), ...headers }).end(json);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'BAD_FRAME', 'Send the body as JSON, with Content-Type: application/json.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'BAD_FRAME', `The body is over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new HttpError(400, 'BAD_JSON', 'The body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'BAD_FRAME', 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

const optionalString = (body: Record<string, unknown>, key: string): string | undefined => {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, 'BAD_FRAME', `"${key}" must be a string.`);
  return value;
};

export function createWebHandler(options: WebOptions): WebHandler {
  const { store, hub, tokens, clock, guard } = options;
  const sessions = new WebSessions(store, clock);
  const cookieName = sessionCookieName(options.port);
  const auth: AuthDeps = { guard, tokens, sessions, store, cookieName };
  const files = new PageFiles();
  const readContext = (): ReadContext => ({ store, now: clock.now(), roles: options.roles, roster: () => hub.roster() });

  function linkFor(binding: PageBinding): LoginLink {
    const token = sessions.issueLogin(binding);
    return { url: `${options.pageUrl}/login#${token}`, participant: shown(binding), expiresAt: clock.now() + LOGIN_TTL_MS };
  }

  const loginLink = (who: { name?: string; credential?: string } = {}): LoginLink =>
    linkFor(pageBindingFor(store, who.name, who.credential ? { credential: who.credential } : { adminToken: true }));

  /** POST /api/login-links: a participant's credential makes a link for itself; the admin token, for a name that has not joined. */
  function linkAsked(caller: ApiCaller, name: string | undefined): LoginLink {
    if (caller.via !== 'bearer') throw new HttpError(403, 'FORBIDDEN', 'Login links are made by `huddle web`, with a participant\'s credential (or the admin token) in Authorization: Bearer.');
    if (!caller.identity) return loginLink({ name });
    if (name !== undefined && name !== caller.identity.name) {
      throw new HttpError(403, 'FORBIDDEN', `A credential makes a link only for its own participant ("${caller.identity.name}"): run \`huddle web --name NAME\` where NAME joined.`);
    }
    return linkFor(caller.identity);
  }

  /** The participant as the page and scripts see it: no credential hash. */
  const shown = (binding: PageBinding): WebIdentity => ({ name: binding.name, role: binding.role });

  /** The participant the request acts as; the admin token alone acts as nobody. */
  function actor(caller: ApiCaller): PageBinding {
    if (caller.identity) return caller.identity;
    throw new HttpError(401, 'UNAUTHORIZED', 'The admin token only makes login links (`huddle web`); a script reads and answers with a participant\'s credential: Authorization: Bearer CREDENTIAL (`huddle token --name NAME` prints it).');
  }

  const cookie = (secret: string, maxAgeSeconds: number): string =>
    `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}`;

  function requireCsrf(req: IncomingMessage, caller: ApiCaller): void {
    if (caller.via !== 'session') return; // a script's Bearer token is not sent by a browser on its own
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, caller.session!.session.csrf)) {
      throw new HttpError(403, 'FORBIDDEN', `A write from the page needs the ${CSRF_HEADER} header that GET /api/session gives.`);
    }
  }

  /** Sends the answer over the protocol as `identity`, exactly as `huddle answer` would. */
  async function answerAs(identity: PageBinding, escalationId: string, option: string | undefined, text: string | undefined) {
    const secret = sessions.openInternal(identity);
    const client = new HuddleClient({
      url: options.loopbackUrl,
      token: '',
      headers: { cookie: `${cookieName}=${secret}` },
      name: identity.name,
      role: identity.role,
      transient: true,
      reconnect: false,
      historyLimit: 0,
    });
    try {
      await client.connect();
      return await client.send({ type: 'escalation_answer', escalationId, ...(option ? { option } : {}), ...(text ? { text } : {}) });
    } finally {
      client.close();
      sessions.end(secret);
    }
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /api/session') {
      const body = await readJson(req);
      const redeemed = typeof body.token === 'string' ? sessions.redeem(body.token) : null;
      if (!redeemed) return sendError(res, 401, 'UNAUTHORIZED', 'This login link was used already or has expired: run `huddle web` for a new one.');
      const { identity, csrf } = redeemed.session;
      options.log(`web: ${identity.name} signed in to the page`);
      return sendJson(res, 200, { participant: shown(identity), csrf }, { 'set-cookie': cookie(redeemed.secret, SESSION_TTL_MS / 1000) });
    }
    const verdict = authorizeApi(req, auth);
    if (!verdict.ok) return sendError(res, verdict.status, 'UNAUTHORIZED', verdict.message);
    const caller = verdict.value;
    if (route === 'POST /api/login-links') {
      const body = await readJson(req);
      return sendJson(res, 200, linkAsked(caller, optionalString(body, 'name')));
    }
    const me = actor(caller);
    const reads = readContext();
    const taskId = /^\/api\/tasks\/([^/]+)$/.exec(url.pathname)?.[1];
    const answerOf = /^\/api\/escalations\/([^/]+)\/answer$/.exec(url.pathname)?.[1];
    if (req.method === 'GET') {
      switch (url.pathname) {
        case '/api/session':
          return sendJson(res, 200, { participant: shown(me), via: caller.via, protocol: PROTOCOL_VERSION, roles: options.roles, ...(caller.session ? { csrf: caller.session.session.csrf } : {}) });
        case '/api/sprint':
          return sendJson(res, 200, readSprint(reads, url.searchParams));
        case '/api/sprints':
          return sendJson(res, 200, readSprints(reads));
        case '/api/tasks':
          return sendJson(res, 200, readTasks(reads, url.searchParams));
        case '/api/agents':
          return sendJson(res, 200, readAgents(reads));
        case '/api/escalations':
          return sendJson(res, 200, readEscalations(reads, url.searchParams));
        case '/api/report':
          return sendJson(res, 200, readReport(reads, url.searchParams));
      }
      if (taskId) return sendJson(res, 200, readTask(reads, decodeURIComponent(taskId)));
    }
    if (route === 'DELETE /api/session' && caller.session) {
      requireCsrf(req, caller);
      sessions.end(caller.session.secret);
      return sendJson(res, 200, { signedOut: true }, { 'set-cookie': cookie('', 0) });
    }
    if (req.method === 'POST' && answerOf) {
      requireCsrf(req, caller);
      const body = await readJson(req);
      const ack = await answerAs(me, decodeURIComponent(answerOf), optionalString(body, 'option'), optionalString(body, 'text'));
      return sendJson(res, 200, { escalationId: decodeURIComponent(answerOf).toUpperCase(), by: me.name, seq: ack.seq, ...(ack.result ?? {}) });
    }
    const known = ['/api/session', '/api/sprint', '/api/sprints', '/api/tasks', '/api/agents', '/api/escalations', '/api/report', '/api/login-links'];
    if (known.includes(url.pathname) || taskId || answerOf) throw new HttpError(405, 'BAD_FRAME', `${req.method} is not served on ${url.pathname}; docs/api.md lists the routes.`);
    throw new HttpError(404, 'NOT_FOUND', `No route ${url.pathname.slice(0, 100)}; docs/api.md lists the routes.`);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    // An unhandled 'error' on a response (the client went away) would crash the hub.
    res.on('error', () => res.destroy());
    const url = new URL(req.url ?? '/', 'http://hub');
    const isApi = url.pathname.startsWith('/api/');
    if (isApi) {
      const site = checkSite(req, auth);
      if (!site.ok) return sendError(res, site.status, 'FORBIDDEN', site.message);
      api(req, res, url).catch((err: unknown) => {
        if (err instanceof HttpError) return sendError(res, err.status, err.code, err.message);
        const e = err instanceof HuddleError ? err : toHuddleError(err, 'hub');
        if (!STATUS[e.code]) options.log(`web: ${req.method} ${url.pathname} failed: ${e.message}`);
        sendError(res, STATUS[e.code] ?? 500, e.code, e.message);
      });
      return;
    }
    // the page's files hold no data: any site may link to them, but only by the hub's own name
    const host = checkHost(req, guard);
    if (host) return void res.writeHead(host.status, { 'content-type': 'text/plain; charset=utf-8' }).end(host.message + '\n');
    if (url.pathname === '/health') {
      return sendJson(res, 200, { ok: true, online: hub.online().length, bufferedBytes: hub.bufferedBytes() });
    }
    const file = req.method === 'GET' || req.method === 'HEAD' ? files.get(url.pathname) : null;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found. This is a Huddle hub: terminals connect with a WebSocket (huddle agent); the page is at / (huddle web prints a login link).\n');
      return;
    }
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': file.body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'content-security-policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' ws://${req.headers.host}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  return { handle, authorizeUpgrade: (req) => authorizeUpgrade(req, auth), loginLink };
}
