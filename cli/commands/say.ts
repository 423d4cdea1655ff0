import { Command } from 'commander';
import { parseAddress } from '../../collaboration-server/audience.js';
import { resolveDataDir } from '../../collaboration-server/data-dir.js';
import { loadRoles } from '../../agents/roles.js';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson } from '../output.js';

export function registerSay(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('say'))
      .description('send one message and exit once the hub has saved it')
      .argument('<text...>', 'the message')
      .option('--to <target>', 'a participant name, or @role for everyone in a role')
      .option('--json', 'print the acknowledgement as JSON')
      .action(async (words: string[], opts: IdentityOptions & { to?: string; json?: boolean }) => {
        const roles = loadRoles(resolveDataDir(opts.data)).map((r) => r.role);
        const to = opts.to ? parseAddress(opts.to, roles) : { kind: 'all' as const };
        const ack = await withClient(opts, (client) => client.send({ type: 'chat', text: words.join(' '), to }));
        if (opts.json) printJson(ack);
      }),
  );
}
