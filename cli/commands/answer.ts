import { Command } from 'commander';
import { HuddleError } from '../../collaboration-server/errors.js';
import { loadRoles } from '../../agents/roles.js';
import { resolveDataDir } from '../../collaboration-server/data-dir.js';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { findCommand, runInput } from '../input/commands.js';
import { emptyRoom, withEscalations } from '../room.js';
import { printJson, printLines } from '../output.js';

/** The product owner's answer from the shell: the same /answer the terminals offer. */
export function registerAnswer(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('answer'))
      .description('answer an escalation as the product owner: huddle answer E-1 B "and a note"')
      .argument('<id>', 'the escalation, like E-1')
      .argument('<answer...>', 'an option key, then any free text (or only free text)')
      .option('--json', 'print the result as JSON')
      .action(async (id: string, words: string[], opts: IdentityOptions & { json?: boolean }) => {
        const result = await withClient(opts, async (client, me) => {
          const reply = await client.request({ type: 'escalations', status: 'all' });
          const room = withEscalations(emptyRoom(me, loadRoles(resolveDataDir(opts.data))), reply);
          return runInput({ me, hub: client, room: () => room }, `/${findCommand('answer')!.name} ${[id, ...words].join(' ')}`);
        });
        if (result.kind === 'error') throw new HuddleError('BAD_FRAME', result.message);
        if (opts.json) printJson(result);
        else if (result.kind === 'done') printLines([result.text]);
      }),
  );
}
