import { Command } from 'commander';
import { userInfo } from 'node:os';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';
import { describeParticipant } from '../describe-event.js';

/** Read-only commands may run without naming anyone: they join as the local user, observing. */
export const observer = { name: `${userInfo().username}-cli`, role: 'human' };

export function registerWho(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('who'), observer)
      .description('list the participants, online and offline')
      .option('--json', 'one JSON object per participant')
      .action(async (opts: IdentityOptions & { json?: boolean }) => {
        const reply = await withClient(opts, (client) => client.request({ type: 'who' }));
        if (opts.json) reply.participants.forEach(printJson);
        else printLines(reply.participants.map(describeParticipant));
      }),
  );
}
