import { Command, Option } from 'commander';
import { fileCredentialStore } from '../../collaboration-server/credential-store.js';
import { ensureDataDir, resolveDataDir } from '../../collaboration-server/data-dir.js';
import { HuddleError } from '../../collaboration-server/errors.js';
import { printJson, printLines } from '../output.js';

export function registerToken(program: Command): void {
  program.addCommand(
    new Command('token')
      .description('print the admin and member tokens (made on first use, kept owner-only in the data folder), or with --name a participant’s own credential')
      .addOption(new Option('--data <dir>', 'data folder (default: the nearest .huddle/)').env('HUDDLE_DATA'))
      .option('--name <name>', 'print the credential this data folder keeps for NAME (for scripts: Authorization: Bearer CREDENTIAL on the REST API)')
      .option('--json', 'the tokens (or the credential) as one JSON object')
      .action((opts: { data?: string; name?: string; json?: boolean }) => {
        const dataDir = resolveDataDir(opts.data);
        if (opts.name === undefined) {
          const tokens = ensureDataDir(dataDir);
          if (opts.json) printJson(tokens);
          else printLines([`admin ${tokens.admin}`, `member ${tokens.member}`]);
          return;
        }
        const credential = fileCredentialStore(dataDir).load(opts.name);
        if (!credential) {
          throw new HuddleError('NOT_FOUND', `No credential for "${opts.name}" in ${dataDir}: it is made on their first join and kept where they joined (run this there, or pass its --data).`);
        }
        if (opts.json) printJson({ name: opts.name, credential });
        else printLines([credential]);
      }),
  );
}
