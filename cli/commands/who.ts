import { Command } from 'commander';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';
import { describeParticipants } from '../describe-event.js';

export function registerWho(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('who'))
      .description('list the participants, online and offline')
      .option('--json', 'one JSON object per participant')
      .action(async (opts: IdentityOptions & { json?: boolean }) => {
        const reply = await withClient(opts, (client) => client.request({ type: 'who' }));
        if (opts.json) reply.participants.forEach(printJson);
        else printLines(describeParticipants(reply.participants));
      }),
  );
}
