/**
 * Who a request is, for the WebSocket upgrade and the API alike: a hub token (terminals and scripts),
 * or the page's session cookie. Host and Origin are checked first, on every request.
 */
import type { IncomingMessage } from 'node:http';
import type { Tokens } from '../data-dir.js';
import { toHuddleError } from '../errors.js';
import { admit, type ConnectionAuth, type PageBinding } from '../identity.js';
import { isAdminRole } from '../admin-roles.js';
import type { Store } from '../store/index.js';
import { checkHost, checkOrigin, type RequestGuard } from './request-guard.js';
import { sameSecret } from '../secrets.js';
import type { WebSession, WebSessions } from './sessions.js';
import { bearerAccess } from './web-identity.js';

export interface AuthDeps {
  guard: RequestGuard;
  tokens: Tokens;
  sessions: WebSessions;
  store: Store;
  /** the session cookie's name: one per port, as browsers share cookies between the ports of a host */
  cookieName: string;
}

export type Verdict<T> = { ok: true; value: T } | { ok: false; status: 401 | 403; message: string };

const refused = (status: 401 | 403, message: string): { ok: false; status: 401 | 403; message: string } => ({ ok: false, status, message });

export const sessionCookieName = (port: number): string => `huddle_session_${port}`;

/** The value of cookie `name` in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionOf(req: IncomingMessage, deps: AuthDeps): { secret: string; session: WebSession } | null {
  const secret = cookieValue(req.headers.cookie, deps.cookieName);
  const session = secret ? deps.sessions.lookup(secret) : null;
  return secret && session ? { secret, session } : null;
}

/** Host and Origin (see request-guard.ts). */
export function checkSite(req: IncomingMessage, deps: AuthDeps): Verdict<null> {
  const refusal = checkHost(req, deps.guard) ?? checkOrigin(req, deps.guard);
  return refusal ? refused(refusal.status, refusal.message) : { ok: true, value: null };
}

const TOKEN_HELP = 'Missing or wrong token: send Authorization: Bearer TOKEN (huddle token prints them).';

/** The upgrade: the Bearer header or `?token=` of terminals and scripts, else the page's session cookie. */
export function authorizeUpgrade(req: IncomingMessage, deps: AuthDeps): Verdict<ConnectionAuth> {
  const site = checkSite(req, deps);
  if (!site.ok) return site;
  const query = new URL(req.url ?? '/', 'http://hub').searchParams.get('token');
  if (req.headers.authorization !== undefined || query !== null) {
    const token = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7).trim() : (query ?? '');
    const admin = !!token && sameSecret(token, deps.tokens.admin);
    if (!token || (!admin && !sameSecret(token, deps.tokens.member))) return refused(401, TOKEN_HELP);
    return { ok: true, value: { admin } };
  }
  const signedIn = sessionOf(req, deps);
  if (!signedIn) return refused(401, `${TOKEN_HELP} A web page signs in with the link \`huddle web\` prints.`);
  const { identity } = signedIn.session;
  return { ok: true, value: { admin: isAdminRole(identity.role), web: identity } };
}

export interface ApiCaller {
  /** the participant the request acts as; null for the admin token, which may only make login links */
  identity: PageBinding | null;
  /** signed in with the session cookie (writes then need the CSRF header), or a script's Bearer header */
  via: 'session' | 'bearer';
  session?: { secret: string; session: WebSession };
}

const CREDENTIAL_HELP = 'Scripts send a participant\'s own credential: Authorization: Bearer CREDENTIAL (`huddle token --name NAME`, run where NAME joined, prints it).';

/** Whether a page's session still stands for its participant: the same admission its WebSocket gets. */
function sessionStands(store: Store, binding: PageBinding): Verdict<null> {
  try {
    admit(store, { name: binding.name, role: binding.role, transient: true }, { admin: isAdminRole(binding.role), web: binding });
    return { ok: true, value: null };
  } catch (err) {
    const e = toHuddleError(err, 'hub');
    return refused(401, e.message);
  }
}

/** An API request: a script's Bearer header, else the session cookie; 401 with what to do otherwise. */
export function authorizeApi(req: IncomingMessage, deps: AuthDeps): Verdict<ApiCaller> {
  if (req.headers.authorization !== undefined) {
    let access;
    try {
      access = bearerAccess(req.headers.authorization, deps.tokens, deps.store);
    } catch (err) {
      return refused(401, toHuddleError(err, 'hub').message);
    }
    if (!access) return refused(401, `Missing or wrong credential. ${CREDENTIAL_HELP}`);
    if (access.kind === 'member-token') return refused(401, `The member token says who may enter the room, not who you are. ${CREDENTIAL_HELP}`);
    return { ok: true, value: { identity: access.kind === 'participant' ? access.binding : null, via: 'bearer' } };
  }
  const signedIn = sessionOf(req, deps);
  if (!signedIn) return refused(401, 'Not signed in: open the link `huddle web` prints, or send Authorization: Bearer CREDENTIAL.');
  const stands = sessionStands(deps.store, signedIn.session.identity);
  if (!stands.ok) return stands;
  return { ok: true, value: { identity: signedIn.session.identity, via: 'session', session: signedIn } };
}
