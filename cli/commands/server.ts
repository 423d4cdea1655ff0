import { Command } from 'commander';
import { closeOnSignals, startHubFromFlags, withHubFlags, type HubFlags } from './hub-flags.js';

export function registerServer(program: Command): void {
  program.addCommand(
    withHubFlags(new Command('server'))
      .description('run the hub: relays chat and task events and keeps them in SQLite, or in PostgreSQL with --store')
      .action(async (flags: HubFlags) => {
        const running = await startHubFromFlags(flags);
        closeOnSignals(() => running.close());
      }),
  );
}
