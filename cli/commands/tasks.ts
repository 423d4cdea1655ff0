import { Command } from 'commander';
import { HuddleError } from '../../collaboration-server/errors.js';
import { matchName } from '../../collaboration-server/name-match.js';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';
import { describeTasks } from '../describe-event.js';
import { completion, completionWords } from '../../collaboration-server/figures.js';
import { printBacklog } from './sprints.js';

export function registerTasks(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('tasks'))
      .description("list the sprint's tasks (the active one, else the latest)")
      .option('--mine', 'only the tasks assigned to --name')
      .option('--sprint <id>', 'another sprint (a closed one shows its tasks as they were at its close)')
      .option('--backlog', 'the unfinished tasks of closed sprints instead, waiting for a plan')
      .option('--json', 'one JSON object per task')
      .action(async (opts: IdentityOptions & { mine?: boolean; json?: boolean; sprint?: string; backlog?: boolean }) => {
        if (opts.backlog) return printBacklog(opts);
        if (opts.mine && !opts.name) throw new HuddleError('BAD_FRAME', 'Say whose tasks: --mine --name "Your Name" (or HUDDLE_NAME).');
        const reply = await withClient(opts, async (client) => {
          // whose, as people type names: `--mine --name zoe` finds "Zoë"
          const match = opts.mine ? matchName(opts.name!, (await client.request({ type: 'who' })).participants) : undefined;
          return client.request({
            type: 'tasks',
            ...(opts.sprint ? { sprintId: opts.sprint } : {}),
            ...(opts.mine ? { assignee: match?.kind === 'one' ? match.name : opts.name! } : {}),
          });
        });
        if (opts.json) return reply.tasks.forEach(printJson);
        if (!reply.sprint) return printLines(['No active sprint yet. The product owner starts one by typing: plan sprint']);
        const state = reply.sprint.status === 'active' ? '' : ` (${reply.sprint.status})`;
        printLines([`# ${reply.sprint.name}${state}: ${completionWords(completion(reply.tasks))}`, ...describeTasks(reply.tasks)]);
      }),
  );
}
