import { Command } from 'commander';
import { resolveDataDir } from '../../collaboration-server/data-dir.js';
import { loadRoles } from '../../agents/roles.js';
import { connectAsStandby, holdLeadSeat } from '../../orchestrator/lead-seat.js';
import { DEFAULT_LEAD_NAME, startLead } from '../../orchestrator/start-lead.js';
import { connectAs, withConnectionFlags, type IdentityOptions } from '../connect.js';
import { logLine, parseDuration, printLines } from '../output.js';
import { closeOnSignals } from './hub-flags.js';
import { monitorOptionsFromFlags, withMonitorFlags, type MonitorFlags } from '../monitor-flags.js';
import { llmConfigFromFlags, withLlmFlags, type LlmFlags } from '../llm-flags.js';

export function registerOrchestrator(program: Command): void {
  program.addCommand(
    withLlmFlags(withMonitorFlags(withConnectionFlags(new Command('orchestrator'))))
      .alias('lead')
      .description('run the technical lead: plans sprints with the product owner and hands out the work (one acts at a time: started twice, the second stands by and takes over)')
      .option('--name <name>', 'the lead’s display name', DEFAULT_LEAD_NAME)
      .option('--tick <duration>', 'how often the lead looks over the sprint', '30s')
      .action(async (opts: IdentityOptions & MonitorFlags & LlmFlags & { tick: string }) => {
        const tickMs = parseDuration(opts.tick);
        const monitor = monitorOptionsFromFlags(opts);
        const llm = llmConfigFromFlags(opts);
        const log = (line: string) => logLine('lead: ', line);
        const client = await connectAsStandby(() => connectAs({ ...opts, role: 'orchestrator' }, { waitForHub: true, historyLimit: 0 }), log);
        const roles = loadRoles(resolveDataDir(opts.data));
        // one lead at a time: this one acts while it holds the seat, and stands by otherwise
        const seated = holdLeadSeat(client, () => startLead(client, roles, tickMs, monitor, llm), log);
        printLines([`huddle lead ${client.name} joined ${client.options.url}`]);
        closeOnSignals(async () => {
          seated.close();
          client.close();
        });
      }),
  );
}
