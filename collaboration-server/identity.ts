/**
 * Per-participant identity. The join tokens say who may enter the room; a participant's credential
 * says who someone is. The first join of a name makes a random credential that only its client
 * receives and the hub keeps as a SHA-256 hash; every later connection as that name presents it.
 */
import { HuddleError } from './errors.js';
import type { CommandOutcome, HandlerContext } from './handler-context.js';
import { isAdminRole, type CommandFrame, type HelloFrame } from './protocol.js';
import { reservedLookalike, shownName } from './names.js';
import { hashSecret, newSecret, sameSecret } from './secrets.js';
import type { ParticipantRow, Store } from './store/index.js';
import { requireAdmin } from './work-commands.js';

export interface IssuedCredential {
  /** given to the client once, in its welcome */
  secret: string;
  /** what the hub keeps */
  hash: string;
}

export function issueCredential(): IssuedCredential {
  const secret = newSecret();
  return { secret, hash: hashSecret(secret) };
}

/**
 * A web page's session (web/sessions.ts): the participant it was signed in as, and the hash of the
 * credential that proved it then (null for a name that had not joined). The page joins as exactly that
 * participant, and only while that credential still stands: a reset or a revoke ends the session too.
 */
export interface PageBinding {
  name: string;
  role: string;
  credentialHash: string | null;
}

/** What the HTTP upgrade established before the socket opened: a join token, or a web page's session. */
export interface ConnectionAuth {
  /** the admin token, or a page signed in as an admin participant */
  admin: boolean;
  /** a web page's connection: it may join only as this participant, and watches (see hub.ts joinTransient) */
  web?: PageBinding;
}

/** What admit reads of a hello. */
export type Claim = Pick<HelloFrame, 'name' | 'role' | 'credential' | 'sessionId' | 'transient' | 'companion'>;

/**
 * Who a hello may be. `new`: nobody holds the name or anything that reads like it. `known`: the
 * participant `row`, its credential checked; `issue` when the join takes over a name with no
 * credential given out (reset, or from before credentials), so a new one must be made.
 */
export type Admission = { kind: 'new' } | { kind: 'known'; row: ParticipantRow; issue: boolean };

const quoted = (name: string): string => `"${shownName(name)}"`;

/**
 * Decides who a hello may be, or throws the refusal with what to do. `auth.admin`: the connection used
 * the admin token; `auth.web`: it is a web page, and its session stands in for the credential.
 */
export function admit(store: Store, hello: Claim, auth: ConnectionAuth): Admission {
  const { admin } = auth;
  if (auth.web && (hello.name !== auth.web.name || hello.role !== auth.web.role)) {
    throw new HuddleError('FORBIDDEN', `This page is signed in as ${quoted(auth.web.name)} (${auth.web.role}) and may join only as them; \`huddle web --name NAME\`, run where NAME joined, makes a link for someone else.`);
  }
  const row = store.participants.byName(hello.name);
  if (!row) {
    const twin = store.participants.lookalikeOf(hello.name);
    if (twin) {
      throw new HuddleError('NAME_LOOKALIKE', `${quoted(hello.name)} reads like ${quoted(twin.name)}, who has joined this room: join as exactly ${quoted(twin.name)} if that is you, or pick a clearly different --name.`);
    }
    const reserved = isAdminRole(hello.role) ? undefined : reservedLookalike(hello.name);
    if (reserved) {
      throw new HuddleError('NAME_LOOKALIKE', `${quoted(hello.name)} reads like "${reserved}", a name kept for the technical lead and the product owner: pick another --name.`);
    }
    if (auth.web?.credentialHash) throw pageOutdated(hello.name);
    return { kind: 'new' };
  }
  if (auth.web) return admitPage(store, row, auth.web);
  if (isAdminRole(row.role) && !admin) {
    throw new HuddleError('FORBIDDEN', `${quoted(row.name)} is an admin participant; joining as it needs the admin token.`);
  }
  const credential = store.participants.credential(row.id);
  const reset = `ask the product owner to run \`huddle reset ${quoted(row.name)}\` and join again, or pick another --name`;
  let issue = false;
  switch (credential.state) {
    case 'revoked':
      throw new HuddleError('REVOKED', `The product owner revoked ${quoted(row.name)}: nobody may join as it until they run \`huddle reset ${quoted(row.name)}\`.`);
    case 'active':
      if (!hello.credential) {
        throw new HuddleError('CREDENTIAL_MISSING', `${quoted(row.name)} has joined this room before, and joining as it needs its credential. Where ${quoted(row.name)} first joined it is kept in the data folder and sent by itself (run from that folder, or pass its --data); otherwise ${reset}.`);
      }
      if (!credential.hash || !sameSecret(hashSecret(hello.credential), credential.hash)) {
        throw new HuddleError('CREDENTIAL_WRONG', `The credential sent for ${quoted(row.name)} is not its own (it may have been reset): ${reset}.`);
      }
      break;
    case 'open':
      issue = true;
      break;
    case 'legacy':
      // Before credentials, a terminal's session id was what tied it to its name.
      if (!admin && !(hello.sessionId && sameSecret(hello.sessionId, row.sessionId))) {
        throw new HuddleError('CREDENTIAL_MISSING', `${quoted(row.name)} joined before this hub gave out credentials, so it cannot tell who you are: ${reset}.`);
      }
      issue = true;
      break;
  }
  const beside = hello.transient || hello.companion;
  if (hello.role !== row.role && !(!beside && (admin || credential.state === 'open'))) {
    throw new HuddleError('FORBIDDEN', `${quoted(row.name)} joined as ${row.role}; use --role ${row.role}. Changing a participant's role needs the admin token, or a reset by the product owner.`);
  }
  return { kind: 'known', row, issue };
}

const pageOutdated = (name: string): HuddleError =>
  new HuddleError('CREDENTIAL_WRONG', `${quoted(name)} has joined, been reset or been revoked since this page signed in: run \`huddle web --name ${quoted(name)}\` where ${quoted(name)} joined for a new link.`);

/** A web page's join: the participant its session was bound to, while the credential that bound it stands. */
function admitPage(store: Store, row: ParticipantRow, page: PageBinding): Admission {
  const credential = store.participants.credential(row.id);
  if (credential.state === 'revoked') {
    throw new HuddleError('REVOKED', `The product owner revoked ${quoted(row.name)}: nobody may join as it until they run \`huddle reset ${quoted(row.name)}\`.`);
  }
  const stands = credential.state === 'active' && !!credential.hash && !!page.credentialHash && sameSecret(credential.hash, page.credentialHash);
  if (!stands) throw pageOutdated(row.name);
  return { kind: 'known', row, issue: false };
}

/**
 * The participant a new web session may be bound to, checked as a join would be: `credential` is the
 * participant's own (a script's or `huddle web`'s, from the data folder), `admin` whether the admin token
 * asks. A name that has not joined may be bound by the admin token (the product owner before their first
 * join); one that has needs its credential, so no token alone makes a page act as someone.
 */
export function bindPage(store: Store, claim: Claim, admin: boolean): PageBinding {
  const admission = admit(store, { ...claim, transient: true }, { admin });
  if (admission.kind === 'new') return { name: claim.name, role: claim.role, credentialHash: null };
  const { row } = admission;
  const credential = store.participants.credential(row.id);
  if (admission.issue || credential.state !== 'active' || !credential.hash) {
    throw new HuddleError('CREDENTIAL_MISSING', `${quoted(row.name)} has no credential yet (it was reset, or joined before credentials): join once from a terminal (\`huddle agent --name ${quoted(row.name)} --role ${row.role}\`), then make the link.`);
  }
  return { name: row.name, role: row.role, credentialHash: credential.hash };
}

/** The participant whose credential `secret` is, if it is one that stands. */
export function participantByCredential(store: Store, secret: string): ParticipantRow | undefined {
  return store.participants.byCredential(hashSecret(secret));
}


/** The product owner's revoke or reset of a participant's credential; the hub then closes the participant's connections. */
export function changeCredential(ctx: HandlerContext, frame: Extract<CommandFrame, { type: 'participant_credential' }>): CommandOutcome {
  requireAdmin(ctx, 'revoke or reset a participant');
  const row = ctx.store.participants.byName(frame.name);
  if (!row) throw new HuddleError('NOT_FOUND', `Nobody called ${quoted(frame.name)} has joined. \`huddle participants\` lists them.`);
  if (frame.action === 'revoke' && row.id === ctx.actor.id) {
    throw new HuddleError('FORBIDDEN', 'You cannot revoke yourself: you would be locked out. Reset your name instead (`huddle reset NAME`).');
  }
  const state = frame.action === 'revoke' ? 'revoked' : 'open';
  ctx.store.participants.setCredential(row.id, { hash: null, state });
  return { deliveries: [], result: { participantId: row.id, name: row.name, credential: state } };
}
