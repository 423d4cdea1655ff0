import { Command } from 'commander';
import { HuddleError } from '../../collaboration-server/errors.js';
import type { HubEvent } from '../../collaboration-server/protocol.js';
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
        // pages come newest first: gather them, then print the oldest first
        const pages = await withClient(opts, async (client) => {
          const got: HubEvent[][] = [];
          for await (const page of client.history({ limit, all: !!opts.all })) got.unshift(page);
          return got;
        });
        const events = pages.flat();
        if (!opts.json) return printLines(events.map(describeEvent), EVENT_INDENT);
        for (const event of events) printJson(event);
      }),
  );
}
