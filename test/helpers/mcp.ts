/** The real built `huddle mcp`, spawned by the MCP SDK's own client over stdio (build first: npm test does). */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { HUDDLE_BIN, cleanEnv } from './cli.js';
import type { OnCleanup } from './cleanup.js';

export interface ToolAnswer {
  text: string;
  data: Record<string, any>;
  isError: boolean;
}

export interface McpAgent {
  client: Client;
  /** calls a tool; the text of its content, its structured content, and whether it is an error */
  call(name: string, args?: Record<string, unknown>): Promise<ToolAnswer>;
  /** everything the server wrote to stderr */
  log(): string;
  pid: number | null;
  close(): Promise<void>;
}

export async function startMcpAgent(
  args: { name: string; role: string; dataDir: string; cwd: string; extra?: string[] },
  onCleanup: OnCleanup,
): Promise<McpAgent> {
  const env = Object.fromEntries(Object.entries(cleanEnv()).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [HUDDLE_BIN, 'mcp', '--role', args.role, '--name', args.name, '--data', args.dataDir, ...(args.extra ?? [])],
    cwd: args.cwd,
    env,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'huddle-test', version: '1.0.0' });
  await client.connect(transport);
  const close = () => client.close();
  onCleanup(close);
  return {
    client,
    pid: transport.pid,
    log: () => stderr,
    close,
    async call(name, toolArgs = {}) {
      const result = await client.callTool({ name, arguments: toolArgs }, undefined, { timeout: 60_000 });
      const content = result.content as { type: string; text?: string }[];
      return {
        text: content.map((c) => c.text ?? '').join('\n'),
        data: (result.structuredContent ?? {}) as Record<string, any>,
        isError: result.isError === true,
      };
    },
  };
}
