import { Command } from 'commander';
import { HuddleError } from '../../collaboration-server/errors.js';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';
import { describeEvent, EVENT_INDENT } from '../describe-event.js';

export function registerHistory(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('history'))
      .description('print past messages, oldest first')
      .option('--limit <n>', 'how many', '50')
      .option('--all', 'every event, not only messages')
      .option('--json', 'one JSON object per event')
      .action(async (opts: IdentityOptions & { limit: string; all?: boolean; json?: boolean }) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new HuddleError('BAD_FRAME', `--limit takes 1 to 1000, not "${opts.limit}".`);
        const reply = await withClient(opts, (client) => client.request({ type: 'history', limit, all: !!opts.all }));
        if (!opts.json) return printLines(reply.events.map(describeEvent), EVENT_INDENT);
        for (const event of reply.events) printJson(event);
      }),
  );
}
