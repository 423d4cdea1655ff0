/** Starts the ink UI; only `huddle agent` on a TTY imports this file (and with it, ink). */
import { render } from 'ink';
import type { HuddleClient } from '../../collaboration-server/client.js';
import type { RoleSpec } from '../../agents/roles.js';
import type { Me } from '../room.js';
import { Container } from './Container.js';

export async function runInk({ connect, me, roles, awayAfterMs }: { connect: () => Promise<HuddleClient>; me: Me; roles: RoleSpec[]; awayAfterMs: number }): Promise<void> {
  let failure: unknown;
  const app = render(<Container connect={connect} me={me} roles={roles} awayAfterMs={awayAfterMs} onExit={(err) => (failure ??= err)} />, { exitOnCtrlC: false });
  await app.waitUntilExit();
  app.cleanup();
  if (failure) throw failure;
}
