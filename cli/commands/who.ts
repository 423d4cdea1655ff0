import { Command } from 'commander';
import { userInfo } from 'node:os';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson } from '../output.js';

/** Read-only commands may run without naming anyone: they join as the local user, observing. */
export const observer = { name: `${userInfo().username}-cli`, role: 'human' };

export function registerWho(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('who'), observer)
      .description('list the participants, online and offline')
      .option('--json', 'one JSON object per participant')
      .action(async (opts: IdentityOptions & { json?: boolean }) => {
        const reply = await withClient(opts, (client) => client.request({ type: 'who' }));
        for (const p of reply.participants) {
          if (opts.json) printJson(p);
          else process.stdout.write(`${p.status.padEnd(8)} ${p.role.padEnd(14)} ${p.name}\n`);
        }
      }),
  );
}
