import { Command } from 'commander';
import { HuddleClient } from '../../collaboration-server/client.js';
import { fileCredentialStore } from '../../collaboration-server/credential-store.js';
import { resolveDataDir } from '../../collaboration-server/data-dir.js';
import { loadRoles } from '../../agents/roles.js';
import { holdLeadSeat } from '../../orchestrator/lead-seat.js';
import { DEFAULT_LEAD_NAME, startLead } from '../../orchestrator/start-lead.js';
import { logLine, parseDuration, printLines } from '../output.js';
import { closeOnSignals, startHubFromFlags, withHubFlags, type HubFlags } from './hub-flags.js';
import { monitorOptionsFromFlags, withMonitorFlags, type MonitorFlags } from '../monitor-flags.js';
import { llmConfigFromFlags, withLlmFlags, type LlmFlags } from '../llm-flags.js';
import { upWebLine } from './web.js';

/** The loopback address of a hub listening on `host`, for the lead in the same process. */
function loopbackUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return `ws://127.0.0.1:${port}`;
  return `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export function registerUp(program: Command): void {
  program.addCommand(
    withLlmFlags(withMonitorFlags(withHubFlags(new Command('up'))))
      .description('run the hub and the technical lead in one process')
      .option('--name <name>', 'the lead’s display name', DEFAULT_LEAD_NAME)
      .option('--tick <duration>', 'how often the lead looks over the sprint', '30s')
      .action(async (flags: HubFlags & MonitorFlags & LlmFlags & { name: string; tick: string }) => {
        const tickMs = parseDuration(flags.tick);
        const monitor = monitorOptionsFromFlags(flags);
        const llm = llmConfigFromFlags(flags);
        const running = await startHubFromFlags(flags);
        const client = new HuddleClient({
          url: loopbackUrl(flags.host, running.port),
          token: running.tokens.admin,
          name: flags.name,
          role: 'orchestrator',
          historyLimit: 0,
          credentials: fileCredentialStore(resolveDataDir(flags.data)),
        });
        await client.connect();
        const roles = loadRoles(resolveDataDir(flags.data));
        const seated = holdLeadSeat(client, () => startLead(client, roles, tickMs, monitor, llm), (line) => logLine('lead: ', line));
        printLines([`huddle lead ${flags.name} is in the room`, upWebLine(running.web, resolveDataDir(flags.data))]);
        closeOnSignals(async () => {
          seated.close();
          client.close();
          await running.close();
        });
      }),
  );
}
