import { Command } from 'commander';
import { resolveDataDir } from '../../collaboration-server/data-dir.js';
import { loadRoles } from '../../agents/roles.js';
import { DEFAULT_LEAD_NAME, startLead } from '../../orchestrator/start-lead.js';
import { connectAs, withConnectionFlags, type IdentityOptions } from '../connect.js';
import { parseDuration, printLines } from '../output.js';
import { closeOnSignals } from './hub-flags.js';
import { monitorOptionsFromFlags, withMonitorFlags, type MonitorFlags } from '../monitor-flags.js';
import { llmConfigFromFlags, withLlmFlags, type LlmFlags } from '../llm-flags.js';

export function registerOrchestrator(program: Command): void {
  program.addCommand(
    withLlmFlags(withMonitorFlags(withConnectionFlags(new Command('orchestrator'))))
      .alias('lead')
      .description('run the technical lead: plans sprints with the product owner and hands out the work')
      .option('--name <name>', 'the lead’s display name', DEFAULT_LEAD_NAME)
      .option('--tick <duration>', 'how often the lead looks over the sprint', '30s')
      .action(async (opts: IdentityOptions & MonitorFlags & LlmFlags & { tick: string }) => {
        const tickMs = parseDuration(opts.tick);
        const monitor = monitorOptionsFromFlags(opts);
        const llm = llmConfigFromFlags(opts);
        const client = await connectAs({ ...opts, role: 'orchestrator' }, { waitForHub: true, historyLimit: 0 });
        const lead = await startLead(client, loadRoles(resolveDataDir(opts.data)), tickMs, monitor, llm);
        printLines([`huddle lead ${client.name} joined ${client.options.url}`]);
        closeOnSignals(async () => {
          lead.close();
          client.close();
        });
      }),
  );
}
