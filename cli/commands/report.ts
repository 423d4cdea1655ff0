import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { HuddleError } from '../../collaboration-server/errors.js';
import { terminalJson, terminalSafe } from '../../collaboration-server/terminal-text.js';
import { reportMarkdown } from '../../orchestrator/sprint-report.js';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printLines, printText } from '../output.js';
import { fetchMetrics } from '../sprint-metrics.js';

const FORMATS = ['md', 'json'] as const;

export function registerReport(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('report'))
      .description('write the sprint report: velocity, completion, burndown, per-agent accuracy, blockers')
      .option('--format <format>', 'md or json', 'md')
      .option('--json', 'the same as --format json')
      .option('--out <file>', 'write to a file instead of the terminal')
      .option('--sprint <id>', 'another sprint than the active one')
      .action(async (opts: IdentityOptions & { format: string; json?: boolean; out?: string; sprint?: string }) => {
        if (opts.json) opts.format = 'json';
        if (!(FORMATS as readonly string[]).includes(opts.format)) {
          throw new HuddleError('BAD_FRAME', `--format takes md or json, not "${opts.format}".`);
        }
        const metrics = await withClient(opts, (client) => fetchMetrics(client, opts.sprint));
        if (!metrics) throw new HuddleError('NOT_FOUND', 'There is no sprint to report on yet. The product owner starts one by typing: plan sprint');
        // the file is made safe as well: it is read with cat and less as often as in an editor
        const body = opts.format === 'json' ? terminalJson(metrics, 2) + '\n' : terminalSafe(reportMarkdown(metrics));
        if (opts.out) {
          writeFileSync(opts.out, body);
          printLines([`Wrote the report of ${metrics.name} to ${opts.out}`]);
        } else printText(body);
      }),
  );
}
