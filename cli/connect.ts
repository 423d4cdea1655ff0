/** Shared connection flags and the one way every command reaches the hub. */
import { userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import { HuddleClient } from '../collaboration-server/client.js';
import { fileCredentialStore } from '../collaboration-server/credential-store.js';
import { readTokens, resolveConnection, resolveDataDir } from '../collaboration-server/data-dir.js';
import { HuddleError } from '../collaboration-server/errors.js';
import { nameKeys } from '../collaboration-server/names.js';
import { isAdminRole } from '../collaboration-server/protocol.js';
import { findRole, loadRoles } from '../agents/roles.js';
import type { Me } from './room.js';

export interface IdentityOptions {
  url?: string;
  token?: string;
  data?: string;
  name?: string;
  role?: string;
}

/** --url, --token, --data (with their HUDDLE_* variables). */
export function withConnectionFlags(cmd: Command): Command {
  return cmd
    .addOption(new Option('--url <url>', 'hub URL (default: found in the nearest .huddle/)').env('HUDDLE_URL'))
    .addOption(new Option('--token <token>', 'hub token (default: read from the data folder)').env('HUDDLE_TOKEN'))
    .addOption(new Option('--data <dir>', 'data folder (default: the nearest .huddle/)').env('HUDDLE_DATA'));
}

/** --name and --role (with HUDDLE_NAME/HUDDLE_ROLE), on top of the connection flags. */
export function withIdentityFlags(cmd: Command, defaults: { name?: string; role?: string } = {}): Command {
  const name = new Option('--name <name>', 'your display name').env('HUDDLE_NAME');
  const role = new Option('--role <role>', 'your role, for example backend-dev or qa').env('HUDDLE_ROLE');
  if (defaults.name) name.default(defaults.name);
  if (defaults.role) role.default(defaults.role);
  return withConnectionFlags(cmd).addOption(name).addOption(role);
}

/** Checks the identity against the role catalog and connects; fails fast if the hub is not there. */
export async function connectAs(opts: IdentityOptions, extra: Partial<ConstructorParameters<typeof HuddleClient>[0]> = {}): Promise<HuddleClient> {
  if (!opts.name) throw new HuddleError('BAD_FRAME', 'Say who you are: --name "Your Name" (or HUDDLE_NAME).');
  if (!opts.role) throw new HuddleError('BAD_FRAME', 'Say your role: --role backend-dev (or HUDDLE_ROLE).');
  const dataDir = resolveDataDir(opts.data);
  findRole(loadRoles(dataDir), opts.role);
  const target = resolveConnection({ url: opts.url, token: opts.token, data: opts.data, role: opts.role });
  // The participant's credential lives in the data folder, so every command run from it as this name proves it.
  const client = new HuddleClient({ ...target, name: opts.name, role: opts.role, credentials: fileCredentialStore(dataDir), ...extra });
  await client.connect();
  return client;
}

const ONE_SHOT = { reconnect: false, historyLimit: 0, transient: true } as const;

/** The local user, when a one-shot command is run without a name: `alice-cli`. */
export const OBSERVER_NAME = `${userInfo().username}-cli`;

/** Whether this command would connect with the admin token: the data folder's, or one given that is the same. */
function usesAdminToken(opts: IdentityOptions): boolean {
  const tokens = readTokens(resolveDataDir(opts.data));
  if (!tokens) return false;
  return opts.token ? opts.token === tokens.admin : true;
}

/**
 * Who a one-shot command is, the same way for every command: --name and --role as given; a name
 * without a role is the participant of that name (as the roster spells it) with the role it joined with; no name is the local user, as the product owner where
 * the admin token is at hand and as a member otherwise. A name that has not joined is a guest: it may
 * read, is on no roster and is kept nowhere (the hub sees to that); only an admin guest may also act.
 */
export async function oneShotIdentity(opts: IdentityOptions): Promise<Me> {
  if (opts.name && opts.role) return { name: opts.name, role: opts.role };
  const dataDir = resolveDataDir(opts.data);
  const memberRole = loadRoles(dataDir).find((r) => !isAdminRole(r.role))?.role ?? 'qa';
  const observer: Me = { name: OBSERVER_NAME, role: opts.role ?? (usesAdminToken(opts) ? 'human' : memberRole) };
  if (!opts.name) return observer;
  const wanted = nameKeys(opts.name).same;
  const reader = await connectAs({ ...opts, ...observer }, ONE_SHOT);
  try {
    const { participants } = await reader.request({ type: 'who' });
    const known = participants.find((p) => nameKeys(p.name).same === wanted);
    return known ? { name: known.name, role: known.role } : { name: opts.name, role: memberRole };
  } finally {
    reader.close();
  }
}

/** Runs `fn` with a client connected as the one-shot identity (oneShotIdentity), and closes it afterwards. */
export async function withClient<T>(opts: IdentityOptions, fn: (client: HuddleClient, me: Me) => Promise<T>): Promise<T> {
  const me = await oneShotIdentity(opts);
  const client = await connectAs({ ...opts, ...me }, ONE_SHOT);
  try {
    return await fn(client, me);
  } catch (err) {
    // the hub's sentence names the local user, who never meant to be anyone: say what to type instead
    if (!opts.name && err instanceof HuddleError && err.code === 'JOIN_FIRST') {
      throw new HuddleError('JOIN_FIRST', 'Say who you are: --name "Your Name" (or HUDDLE_NAME), a name that has joined from this data folder. Without a name a command may only read, unless it has the admin token.');
    }
    throw err;
  } finally {
    client.close();
  }
}
