import { Command, Option } from 'commander';
import { ensureDataDir, resolveDataDir } from '../../collaboration-server/data-dir.js';
import { printJson, printLines } from '../output.js';

export function registerToken(program: Command): void {
  program.addCommand(
    new Command('token')
      .description('print the admin and member tokens (made on first use, kept owner-only in the data folder)')
      .addOption(new Option('--data <dir>', 'data folder (default: the nearest .huddle/)').env('HUDDLE_DATA'))
      .option('--json', 'the tokens as one JSON object')
      .action((opts: { data?: string; json?: boolean }) => {
        const tokens = ensureDataDir(resolveDataDir(opts.data));
        if (opts.json) printJson(tokens);
        else printLines([`admin ${tokens.admin}`, `member ${tokens.member}`]);
      }),
  );
}
