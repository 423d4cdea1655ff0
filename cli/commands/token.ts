import { Command, Option } from 'commander';
import { ensureDataDir, resolveDataDir } from '../../collaboration-server/data-dir.js';
import { printLines } from '../output.js';

export function registerToken(program: Command): void {
  program.addCommand(
    new Command('token')
      .description('print the admin and member tokens (made on first use, kept owner-only in the data folder)')
      .addOption(new Option('--data <dir>', 'data folder (default: the nearest .huddle/)').env('HUDDLE_DATA'))
      .action((opts: { data?: string }) => {
        const tokens = ensureDataDir(resolveDataDir(opts.data));
        printLines([`admin ${tokens.admin}`, `member ${tokens.member}`]);
      }),
  );
}
