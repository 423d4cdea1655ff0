import { Command } from 'commander';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';
import { fetchHealth, healthLine, hubUrlFor } from '../health-check.js';
import { fetchMetrics } from '../sprint-metrics.js';
import { statusLines } from '../../orchestrator/sprint-report.js';
import { llmUsage } from '../llm-usage.js';
import { usageLine } from '../../orchestrator/advisor/llm/usage.js';

export function registerStatus(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('status'))
      .description('where the sprint stands: completion, velocity, blockers, risks, per-agent numbers')
      .option('--sprint <id>', 'another sprint than the active one')
      .option('--json', 'the metrics as one JSON object')
      .option('--health', "the hub's health instead (store reachable, lead connected): one line, exit status 0 when healthy, 1 when not")
      .action(async (opts: IdentityOptions & { sprint?: string; json?: boolean; health?: boolean }) => {
        if (opts.health) {
          const result = await fetchHealth(hubUrlFor(opts));
          if (opts.json) printJson(result);
          else printLines([healthLine(result)]);
          process.exitCode = 'healthy' in result && result.healthy ? 0 : 1;
          return;
        }
        const { metrics, open, llm } = await withClient(opts, async (client) => ({
          metrics: await fetchMetrics(client, opts.sprint),
          open: (await client.request({ type: 'escalations', status: 'open' })).escalations.length,
          llm: opts.sprint ? null : await llmUsage(client),
        }));
        if (opts.json) return printJson(metrics ? { ...metrics, openEscalations: open, ...(llm ? { llm } : {}) } : null);
        const model = llm ? [usageLine(llm)] : [];
        if (!metrics) return printLines(['No sprint yet. The product owner starts one by typing: plan sprint', ...model]);
        printLines([...statusLines(metrics, open), ...model]);
      }),
  );
}
