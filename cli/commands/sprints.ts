/** `huddle sprints` and `huddle backlog`: the sprints with their outcome, and the work waiting for a plan. */
import { Command } from 'commander';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';
import { describeBacklogTask } from '../describe-event.js';
import { sprintLines, sprintRecords } from '../sprint-metrics.js';
import { completion } from '../../collaboration-server/figures.js';

export function registerSprints(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('sprints'))
      .description('every sprint (the latest hundred), numbered, with its dates and outcome (tasks done, points, work sent to the backlog)')
      .option('--json', 'one JSON object per sprint, with its completion')
      .action(async (opts: IdentityOptions & { json?: boolean }) => {
        await withClient(opts, async (client) => {
          if (!opts.json) return printLines(await sprintLines(client));
          for await (const { sprint, tasks } of sprintRecords(client)) printJson({ ...sprint, completion: completion(tasks) });
        });
      }),
  );
}

/** The backlog as `huddle backlog` and `huddle tasks --backlog` print it. */
export async function printBacklog(opts: IdentityOptions & { json?: boolean }): Promise<void> {
  const { tasks } = await withClient(opts, (client) => client.request({ type: 'backlog' }));
  if (opts.json) return tasks.forEach(printJson);
  if (!tasks.length) return printLines(['The backlog is empty: no closed sprint left work behind, or it was carried over.']);
  printLines([`# Backlog: ${tasks.length} task(s) waiting for a plan (the next plan proposes those of the sprint that just closed; \`carry T-n\` takes any)`, ...tasks.map(describeBacklogTask)]);
}

export function registerBacklog(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('backlog'))
      .description('unfinished tasks of closed sprints, with their progress, waiting for a plan')
      .option('--json', 'one JSON object per task')
      .action(printBacklog),
  );
}
