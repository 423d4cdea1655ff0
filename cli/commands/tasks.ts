import { Command } from 'commander';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson } from '../output.js';
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
        if (!opts.json && !reply.sprint) {
          process.stdout.write('No active sprint yet. The product owner starts one by typing: plan sprint\n');
          return;
        }
        if (!opts.json) process.stdout.write(`# ${reply.sprint!.name}: ${reply.tasks.length} task(s)\n`);
        for (const task of reply.tasks) {
          if (opts.json) printJson(task);
          else process.stdout.write(describeTask(task) + '\n');
        }
      }),
  );
}
