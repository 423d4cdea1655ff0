/** `huddle task start|progress|done|block|accept ID [...]` and `huddle task log ID`: one task, one shot. */
import { Command } from 'commander';
import { HuddleError } from '../../collaboration-server/errors.js';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines, printText } from '../output.js';
import { findCommand, runInput } from '../input/commands.js';
import { emptyRoom } from '../room.js';
import { loadRoles } from '../../agents/roles.js';
import { resolveDataDir } from '../../collaboration-server/data-dir.js';

type Opts = IdentityOptions & { json?: boolean };

/** The same task commands the terminals offer (`/start T-3`), run once from the shell. */
function taskAction(verb: string, args: string, description: string): Command {
  const more = args.split(' ').slice(1).join(' ');
  const cmd = withIdentityFlags(new Command(verb)).description(description).argument('<id>', 'the task id, like T-3');
  if (more) cmd.argument('[words...]', more);
  return cmd
    .option('--json', 'print the result as JSON')
    .action(async (id: string, ...rest: unknown[]) => {
      const words = more ? (rest[0] as string[]) : [];
      const opts = (more ? rest[1] : rest[0]) as Opts;
      const command = findCommand(verb)!;
      const result = await withClient(opts, (client, me) =>
        runInput({ me, hub: client, room: () => emptyRoom(me, loadRoles(resolveDataDir(opts.data))) }, `/${command.name} ${[id, ...words].join(' ')}`),
      );
      // the hub's code decides the exit status (exitWithError): 2 for bad input, 1 when the hub failed
      if (result.kind === 'error') throw new HuddleError(result.code, result.message);
      if (opts.json) printJson(result);
      else if (result.kind === 'done') printLines([result.text]);
    });
}

export function registerTask(program: Command): void {
  const task = new Command('task').description('change one task: start, progress, done, block, accept; or print its log');
  task.addCommand(taskAction('accept', '<id>', 'take a task the lead gave you'));
  task.addCommand(taskAction('start', '<id>', 'start working on a task'));
  task.addCommand(taskAction('progress', '<id> percent and an optional note', 'report progress: huddle task progress T-3 40 "parser done"'));
  task.addCommand(taskAction('done', '<id> an optional summary', 'mark a task done'));
  task.addCommand(taskAction('block', '<id> what blocks it', 'say what blocks a task'));
  task.addCommand(
    withIdentityFlags(new Command('log'))
      .description("print a task's stored log")
      .argument('<id>', 'the task id, like T-3')
      .option('--kind <kind>', 'which artifact', 'log')
      .option('--json', 'the artifact as one JSON object')
      .action(async (id: string, opts: Opts & { kind: string }) => {
        const reply = await withClient(opts, (client) => client.request({ type: 'artifact_get', taskId: id.toUpperCase(), kind: opts.kind }));
        if (opts.json) printJson(reply);
        else printText(reply.content + (reply.content.endsWith('\n') || !reply.content ? '' : '\n'));
      }),
  );
  program.addCommand(task);
}
