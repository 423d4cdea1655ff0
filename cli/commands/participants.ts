import { Command } from 'commander';
import { utcDateTime } from '../../collaboration-server/units.js';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';
import { columns } from '../text-width.js';

/** What each credential state means, as the list prints it. */
const CREDENTIAL_SHOWN = { active: 'active', open: 'reset', revoked: 'revoked', legacy: 'unclaimed' } as const;

export function registerParticipants(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('participants'))
      .description('list every participant with its credential (active, reset, revoked, unclaimed); needs the admin token')
      .option('--json', 'one JSON object per participant')
      .addHelpText(
        'after',
        `
A participant's credential is made at its first join and kept in that client's data folder.
  active     later joins as the name must present it
  reset      the next join as the name takes it and gets a new credential (huddle reset NAME)
  revoked    nobody may join as the name (huddle revoke NAME), until it is reset
  unclaimed  joined before credentials existed: its own terminal or an admin claims it, or reset it`,
      )
      .action(async (opts: IdentityOptions & { json?: boolean }) => {
        const reply = await withClient(opts, (client) => client.request({ type: 'participants' }));
        if (opts.json) return reply.participants.forEach(printJson);
        printLines(columns(reply.participants.map((p) => [p.status, CREDENTIAL_SHOWN[p.credential], p.role, `${p.name}  (last seen ${utcDateTime(p.lastSeen)} UTC)`])));
      }),
  );
}
