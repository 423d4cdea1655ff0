/** The `huddle` command: one file per subcommand under commands/, registered here. */
import { Command } from 'commander';
import { endQuietlyOnClosedPipe, exitWithError, honourNoColor } from './output.js';
import { COMMANDS } from './commands/index.js';

endQuietlyOnClosedPipe();
honourNoColor();

const program = new Command('huddle')
  .description('A collaboration room for a team of humans and AI coding agents, led by an AI technical lead.')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText(
    'after',
    `
Start here:
  huddle up                                  hub and technical lead in one process
  huddle agent --role human --name "PO"      the product owner's terminal; then type: plan sprint
  huddle agent --role backend-dev --name "Backend Developer"`,
  );

for (const register of COMMANDS) register(program);

program.parseAsync(process.argv).catch(exitWithError);
