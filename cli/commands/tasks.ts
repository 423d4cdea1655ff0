import { Command } from 'commander';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';
import { describeTask } from '../describe-event.js';
import { observer } from './who.js';

export function registerTasks(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('tasks'), observer)
      .description("list the active sprint's tasks")
      .option('--mine', 'only the tasks assigned to --name')
      .option('--json', 'one JSON object per task')
      .action(async (opts: IdentityOptions & { mine?: boolean; json?: boolean }) => {
        const reply = await withClient(opts, (client) => client.request({ type: 'tasks', ...(opts.mine && opts.name ? { assignee: opts.name } : {}) }));
        if (opts.json) return reply.tasks.forEach(printJson);
        if (!reply.sprint) return printLines(['No active sprint yet. The product owner starts one by typing: plan sprint']);
        printLines([`# ${reply.sprint.name}: ${reply.tasks.length} task(s)`, ...reply.tasks.map(describeTask)]);
      }),
  );
}
