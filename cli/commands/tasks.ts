import { Command } from 'commander';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';
import { describeTask } from '../describe-event.js';
import { completion, completionWords } from '../../orchestrator/figures.js';
import { printBacklog } from './sprints.js';
import { observer } from './who.js';

export function registerTasks(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('tasks'), observer)
      .description("list the sprint's tasks (the active one, else the latest)")
      .option('--mine', 'only the tasks assigned to --name')
      .option('--sprint <id>', 'another sprint (a closed one shows its tasks as they were at its close)')
      .option('--backlog', 'the unfinished tasks of closed sprints instead, waiting for a plan')
      .option('--json', 'one JSON object per task')
      .action(async (opts: IdentityOptions & { mine?: boolean; json?: boolean; sprint?: string; backlog?: boolean }) => {
        if (opts.backlog) return printBacklog(opts);
        const reply = await withClient(opts, (client) => client.request({ type: 'tasks', ...(opts.sprint ? { sprintId: opts.sprint } : {}) }));
        const shown = opts.mine && opts.name ? reply.tasks.filter((t) => t.assignee === opts.name) : reply.tasks;
        if (opts.json) return shown.forEach(printJson);
        if (!reply.sprint) return printLines(['No active sprint yet. The product owner starts one by typing: plan sprint']);
        const state = reply.sprint.status === 'active' ? '' : ` (${reply.sprint.status})`;
        printLines([`# ${reply.sprint.name}${state}: ${completionWords(completion(reply.tasks))}`, ...shown.map(describeTask)]);
      }),
  );
}
