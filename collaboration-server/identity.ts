/**
 * Per-participant identity. The join tokens say who may enter the room; a participant's credential
 * says who someone is. The first join of a name makes a random credential that only its client
 * receives and the hub keeps as a SHA-256 hash; every later connection as that name presents it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { HuddleError } from './errors.js';
import type { CommandOutcome, HandlerContext } from './handler-context.js';
import { isAdminRole, type CommandFrame, type HelloFrame } from './protocol.js';
import { reservedLookalike, shownName } from './names.js';
import type { ParticipantRow, Store } from './store/index.js';
import { requireAdmin } from './work-commands.js';

export interface IssuedCredential {
  /** given to the client once, in its welcome */
  secret: string;
  /** what the hub keeps */
  hash: string;
}

export const hashCredential = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export function issueCredential(): IssuedCredential {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashCredential(secret) };
}

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who a hello may be. `new`: nobody holds the name or anything that reads like it. `known`: the
 * participant `row`, its credential checked; `issue` when the join takes over a name with no
 * credential given out (reset, or from before credentials), so a new one must be made.
 */
export type Admission = { kind: 'new' } | { kind: 'known'; row: ParticipantRow; issue: boolean };

const quoted = (name: string): string => `"${shownName(name)}"`;

/** Decides who a hello may be, or throws the refusal with what to do. `admin`: the connection used the admin token. */
export function admit(store: Store, hello: HelloFrame, admin: boolean): Admission {
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
    return { kind: 'new' };
  }
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
      if (!credential.hash || !sameSecret(hashCredential(hello.credential), credential.hash)) {
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
