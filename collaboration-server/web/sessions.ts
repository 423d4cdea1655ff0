/**
 * The web page's sign-in: a one-time login link, exchanged for a session cookie.
 *  - A login token is made by `huddle web` (or `huddle up`), lives ten minutes in the hub's memory and
 *    works once: whoever opens the link second gets 401.
 *  - A session is a random secret in an HttpOnly, SameSite=Strict cookie. The hub keeps only its
 *    SHA-256 hash, with the participant it acts as, in the store's state table, so a hub restart keeps
 *    the page signed in. Its CSRF token is derived from the secret: the page reads it from
 *    `GET /api/session` and sends it in `X-Huddle-CSRF` with every write.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Store } from '../store/index.js';
import { HOUR, MINUTE } from '../units.js';
import { hashSecret, newSecret } from '../secrets.js';
import type { PageBinding } from '../identity.js';

export const LOGIN_TTL_MS = 10 * MINUTE;
export const SESSION_TTL_MS = 30 * 24 * HOUR;
export const CSRF_HEADER = 'x-huddle-csrf';

export interface WebSession {
  /** the participant the page acts as, and the credential that proved it (identity.ts admits the page by it) */
  identity: PageBinding;
  /** the value the page must send in X-Huddle-CSRF */
  csrf: string;
  expiresAt: number;
}

interface StoredSession {
  name: string;
  role: string;
  credentialHash: string | null;
  createdAt: number;
  expiresAt: number;
}

const csrfOf = (sessionSecret: string): string => createHash('sha256').update(`csrf\0${sessionSecret}`, 'utf8').digest('base64url');
const storeKey = (sessionSecret: string): string => `web-session:${hashSecret(sessionSecret)}`;

export class WebSessions {
  private readonly logins = new Map<string, { identity: PageBinding; expiresAt: number }>();
  /** sessions the hub opens for itself (a REST write sent over the protocol), kept in memory only */
  private readonly internal = new Map<string, StoredSession>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** A new one-time login token for `identity`. */
  issueLogin(identity: PageBinding): string {
    const now = this.clock.now();
    for (const [key, login] of this.logins) if (login.expiresAt <= now) this.logins.delete(key);
    const token = newSecret();
    this.logins.set(hashSecret(token), { identity, expiresAt: now + LOGIN_TTL_MS });
    return token;
  }

  /** Exchanges a login token for a session secret; null when the token is unknown, used or expired. */
  redeem(token: string): { secret: string; session: WebSession } | null {
    const key = hashSecret(token);
    const login = this.logins.get(key);
    this.logins.delete(key);
    const now = this.clock.now();
    if (!login || login.expiresAt <= now) return null;
    const sessionSecret = newSecret();
    const stored: StoredSession = { ...login.identity, createdAt: now, expiresAt: now + SESSION_TTL_MS };
    this.store.kv.setState(storeKey(sessionSecret), stored);
    return { secret: sessionSecret, session: this.toSession(sessionSecret, stored) };
  }

  /** A short session for the hub's own connection as `identity`; `end` it when done. */
  openInternal(identity: PageBinding): string {
    const now = this.clock.now();
    const sessionSecret = newSecret();
    this.internal.set(storeKey(sessionSecret), { ...identity, createdAt: now, expiresAt: now + MINUTE });
    return sessionSecret;
  }

  /** The session a cookie's secret stands for, if it is one and has not expired. */
  lookup(sessionSecret: string): WebSession | null {
    const key = storeKey(sessionSecret);
    const internal = this.internal.get(key);
    if (internal) return internal.expiresAt > this.clock.now() ? this.toSession(sessionSecret, internal) : null;
    const stored = this.store.kv.state(key) as StoredSession | null;
    if (!stored) return null;
    if (stored.expiresAt <= this.clock.now()) {
      this.store.kv.deleteState(storeKey(sessionSecret));
      return null;
    }
    return this.toSession(sessionSecret, stored);
  }

  /** Signs a session out: its cookie no longer works, on this hub or after a restart. */
  end(sessionSecret: string): void {
    if (this.internal.delete(storeKey(sessionSecret))) return;
    this.store.kv.deleteState(storeKey(sessionSecret));
  }

  private toSession(sessionSecret: string, stored: StoredSession): WebSession {
    return { identity: { name: stored.name, role: stored.role, credentialHash: stored.credentialHash ?? null }, csrf: csrfOf(sessionSecret), expiresAt: stored.expiresAt };
  }
}
