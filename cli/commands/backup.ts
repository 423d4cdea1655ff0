import { Command, Option } from 'commander';
import { printLines } from '../output.js';
import { resolve } from 'node:path';
import { databaseOf } from '../../collaboration-server/data-dir.js';
import { backupDatabase } from '../../collaboration-server/store/backup.js';

export function registerBackup(program: Command): void {
  program.addCommand(
    new Command('backup')
      .description('copy the room (its database) to FILE, safely while the hub runs; the README says how to restore')
      .argument('<file>', 'where to write the copy (a new file)')
      .addOption(new Option('--data <dir>', 'data folder (default: the nearest .huddle/)').env('HUDDLE_DATA'))
      .action(async (file: string, opts: { data?: string }) => {
        const { dir, database } = databaseOf(opts.data);
        const target = resolve(file);
        const copy = await backupDatabase(database, target);
        printLines([
          `backed up ${dir} to ${target}: ${copy.messages} message${copy.messages === 1 ? '' : 's'}, every event up to #${copy.lastSeq}, ${(copy.bytes / 1024).toFixed(0)} KB.`,
          `To restore: stop the hub, move ${dir}/huddle.db aside (with any huddle.db-wal and huddle.db-shm), copy the backup to ${dir}/huddle.db, start the hub.`,
        ]);
      }),
  );
}
