/** Shared connection flags and the one way every command reaches the hub. */
import { Option, type Command } from 'commander';
import { HuddleClient } from '../collaboration-server/client.js';
import { fileCredentialStore } from '../collaboration-server/credential-store.js';
import { resolveConnection, resolveDataDir } from '../collaboration-server/data-dir.js';
import { HuddleError } from '../collaboration-server/errors.js';
import { findRole, loadRoles } from '../agents/roles.js';

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

/** Runs `fn` with a connected client and closes it afterwards. */
export async function withClient<T>(opts: IdentityOptions, fn: (client: HuddleClient) => Promise<T>): Promise<T> {
  const client = await connectAs(opts, { reconnect: false, historyLimit: 0, transient: true });
  try {
    return await fn(client);
  } finally {
    client.close();
  }
}
