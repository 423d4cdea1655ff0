/**
 * `huddle mcp --role R --name N`: an MCP server over stdio for an AI coding agent (Claude Code, Codex,
 * Gemini CLI, Cursor), joined as that agent through the same connection path as every terminal.
 */
import { Command } from 'commander';
import { resolveDataDir } from '../../collaboration-server/data-dir.js';
import { loadRoles } from '../../agents/roles.js';
import { connectAs, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { logLine, parseDuration } from '../output.js';
import { runMcpServer } from '../mcp/server.js';

/** Like a terminal it waits for the hub and reconnects forever; it asks for no history (the inbox reads its own). */
const MCP_CLIENT = { waitForHub: true, historyLimit: 0, maxBackoffMs: 5000 } as const;

export function registerMcp(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('mcp'))
      .description('an MCP server over stdio: an AI coding agent joins the room as --name (see docs/mcp.md)')
      .option('--hub-wait <duration>', 'how long a tool waits for the hub before saying it is unreachable', '10s')
      .option('--companion', "share the identity of --name's own live connection instead of joining: what `huddle agent --exec` gives its command in $HUDDLE_MCP_CONFIG (see docs/mcp.md)")
      .action(async (opts: IdentityOptions & { hubWait: string; companion?: boolean }) => {
        // stdout is the protocol: anything a library prints goes to stderr instead
        // eslint-disable-next-line no-console -- a library's console.log would corrupt the protocol
        console.log = console.error;
        const log = (line: string) => logLine('huddle mcp: ', line);
        const waitMs = parseDuration(opts.hubWait);
        const roles = loadRoles(resolveDataDir(opts.data)).map((r) => r.role);
        const connecting = connectAs(opts, { ...MCP_CLIENT, companion: !!opts.companion });
        await runMcpServer({
          me: { name: opts.name ?? '', role: opts.role ?? '' },
          connecting,
          roles,
          dataDir: resolveDataDir(opts.data),
          workdir: process.cwd(),
          waitMs,
          version: program.version() ?? '0.0.0',
          log,
        });
      }),
  );
}
