/**
 * Who a web request acts as. Two functions, each the one place its rule lives, so that per-participant
 * credentials (the identity work) change them and nothing else:
 *  - `sessionParticipant`: the participant a new page session is bound to (the product owner unless
 *    `huddle web --name` says otherwise); the page then joins the room as exactly that name and role.
 *  - `bearerAccess`: what `Authorization: Bearer …` from a script stands for. Today the admin token
 *    acts as the product owner and the member token reads only; with credentials, a participant's own.
 */
import type { Tokens } from '../data-dir.js';
import { HuddleError } from '../errors.js';
import type { Store } from '../store/index.js';
import { sameSecret } from './secrets.js';

export interface WebIdentity {
  name: string;
  role: string;
}

/** The name the README's product owner joins with, and the page's default. */
export const DEFAULT_OWNER: WebIdentity = { name: 'Product Owner', role: 'human' };

/** The participant a new web session acts as: `name` if given (someone who has joined), else the product owner. */
export function sessionParticipant(store: Store, name?: string): WebIdentity {
  const row = store.participants.byName(name ?? DEFAULT_OWNER.name);
  if (row) return { name: row.name, role: row.role };
  if (name) throw new HuddleError('NOT_FOUND', `Nobody called "${name}" has joined this room, so a page cannot act as them. \`huddle who\` lists the participants.`);
  return DEFAULT_OWNER;
}

export interface BearerAccess {
  identity: WebIdentity;
  /** may make login links and answer for the identity (the hub still checks the role) */
  admin: boolean;
}

/** What a Bearer token stands for, or null when it is none of the hub's. */
export function bearerAccess(header: string | undefined, tokens: Tokens, store: Store): BearerAccess | null {
  if (!header?.startsWith('Bearer ')) return null;
  const token = header.slice(7).trim();
  if (!token) return null;
  if (sameSecret(token, tokens.admin)) return { identity: sessionParticipant(store), admin: true };
  if (sameSecret(token, tokens.member)) return { identity: { name: 'member token', role: 'member' }, admin: false };
  return null;
}
