import { Command } from 'commander';
import { HuddleError } from '../../collaboration-server/errors.js';
import { matchName } from '../../collaboration-server/name-match.js';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';
import { describeTasks } from '../describe-event.js';

export function registerTasks(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('tasks'))
      .description("list the active sprint's tasks")
      .option('--mine', 'only the tasks assigned to --name')
      .option('--json', 'one JSON object per task')
      .action(async (opts: IdentityOptions & { mine?: boolean; json?: boolean }) => {
        if (opts.mine && !opts.name) throw new HuddleError('BAD_FRAME', 'Say whose tasks: --mine --name "Your Name" (or HUDDLE_NAME).');
        const reply = await withClient(opts, async (client) => {
          // whose, as people type names: `--mine --name zoe` finds "Zoë"
          const match = opts.mine ? matchName(opts.name!, (await client.request({ type: 'who' })).participants) : undefined;
          return client.request({ type: 'tasks', ...(opts.mine ? { assignee: match?.kind === 'one' ? match.name : opts.name! } : {}) });
        });
        if (opts.json) return reply.tasks.forEach(printJson);
        if (!reply.sprint) return printLines(['No active sprint yet. The product owner starts one by typing: plan sprint']);
        printLines([`# ${reply.sprint.name}: ${reply.tasks.length} task(s)`, ...describeTasks(reply.tasks)]);
      }),
  );
}
