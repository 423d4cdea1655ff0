/**
 * Who a web request acts as, on the room's per-participant identity (identity.ts). Two functions, each
 * the one place its rule lives:
 *  - `pageBindingFor`: the participant a new page session is bound to (the product owner unless
 *    `huddle web --name` says otherwise), proved with that participant's credential, or with the admin
 *    token for a name that has not joined yet; the page then joins as exactly that participant.
 *  - `bearerAccess`: what `Authorization: Bearer …` from a script stands for: a participant's own
 *    credential acts as that participant; the admin token may only make a login link (as above); the
 *    member token, which anyone in the room holds, stands for nobody.
 */
import type { Tokens } from '../data-dir.js';
import { bindPage, participantByCredential, type PageBinding } from '../identity.js';
import { isAdminRole } from '../admin-roles.js';
import { HuddleError } from '../errors.js';
import { sameSecret } from '../secrets.js';
import type { Store } from '../store/index.js';

export interface WebIdentity {
  name: string;
  role: string;
}

/** The name the README's product owner joins with, and the page's default. */
export const DEFAULT_OWNER: WebIdentity = { name: 'Product Owner', role: 'human' };

/** What proves who asks for a page session: a participant's credential, or the admin token. */
export type PageProof = { credential: string } | { adminToken: true };

/**
 * The page binding for `name` (the product owner when omitted), or the refusal a join would get.
 * `credential`: proof by that participant's own credential; else the admin token, which binds only the
 * product owner's name before it has joined (after that, it needs its credential like any join).
 */
export function pageBindingFor(store: Store, name: string | undefined, proof: PageProof): PageBinding {
  if ('credential' in proof) {
    const row = participantByCredential(store, proof.credential);
    if (!row) throw new HuddleError('CREDENTIAL_WRONG', 'That credential is no participant\'s (it may have been reset): join again from a terminal, or ask the product owner for `huddle reset NAME`.');
    if (name !== undefined && name !== row.name) {
      throw new HuddleError('FORBIDDEN', `A credential signs in only its own participant ("${row.name}"), not "${name}": run \`huddle web --name NAME\` where NAME joined.`);
    }
    return bindPage(store, { name: row.name, role: row.role, credential: proof.credential }, isAdminRole(row.role));
  }
  const wanted = name ?? DEFAULT_OWNER.name;
  const row = store.participants.byName(wanted);
  if (!row && wanted !== DEFAULT_OWNER.name) {
    throw new HuddleError('NOT_FOUND', `Nobody called "${wanted}" has joined this room, so a page cannot act as them. \`huddle who\` lists the participants.`);
  }
  return bindPage(store, { name: wanted, role: row?.role ?? DEFAULT_OWNER.role }, true);
}

/** What a Bearer header stands for. */
export type BearerAccess = { kind: 'participant'; binding: PageBinding } | { kind: 'admin-token' } | { kind: 'member-token' };

/** What a Bearer token stands for, or null when it is none of the hub's. */
export function bearerAccess(header: string | undefined, tokens: Tokens, store: Store): BearerAccess | null {
  if (!header?.startsWith('Bearer ')) return null;
  const token = header.slice(7).trim();
  if (!token) return null;
  if (sameSecret(token, tokens.admin)) return { kind: 'admin-token' };
  if (sameSecret(token, tokens.member)) return { kind: 'member-token' };
  return participantByCredential(store, token) ? { kind: 'participant', binding: pageBindingFor(store, undefined, { credential: token }) } : null;
}
