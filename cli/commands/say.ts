import { Command } from 'commander';
import { HuddleError } from '../../collaboration-server/errors.js';
import { addressOf } from '../input/address.js';
import { resolveDataDir } from '../../collaboration-server/data-dir.js';
import { loadRoles } from '../../agents/roles.js';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson } from '../output.js';

export function registerSay(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('say'))
      .description('send one message and exit once the hub has saved it')
      .argument('<text...>', 'the message')
      .option('--to <target>', 'a participant (any case, no accents needed, or the start of the name), or @role for everyone in a role')
      .option('--json', 'print the acknowledgement as JSON')
      .action(async (words: string[], opts: IdentityOptions & { to?: string; json?: boolean }) => {
        const roles = loadRoles(resolveDataDir(opts.data)).map((r) => r.role);
        const ack = await withClient(opts, async (client) => {
          const to = opts.to ? addressOf(opts.to, (await client.request({ type: 'who' })).participants, roles) : { audience: { kind: 'all' as const } };
          if ('problem' in to) throw new HuddleError('BAD_FRAME', to.problem);
          return client.send({ type: 'chat', text: words.join(' '), to: to.audience });
        });
        if (opts.json) printJson(ack);
      }),
  );
}
