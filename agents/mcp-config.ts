/**
 * The Huddle MCP server set up for the coding CLI an `--exec` agent runs: `huddle mcp --companion` as
 * the agent, so the CLI's huddle_* tools act in the room as the agent itself over the hub's companion
 * connection (the room sees one participant, not two). Given to the command two ways, both complete in
 * themselves, since coding CLIs pass their MCP servers little or none of their own environment (Codex
 * a short allow-list, Gemini CLI without anything that looks like a token):
 * - JSON, the `mcpServers` shape that Claude Code's `--mcp-config` and Gemini CLI's settings.json read,
 *   kept in an owner-only file (it holds the join token);
 * - a TOML inline table for Codex's `-c mcp_servers.huddle=…`, which lands on a command line and so
 *   names the token only by variable (`env_vars` passes HUDDLE_TOKEN through from Codex's environment).
 * Pure.
 */

export const MCP_SERVER_NAME = 'huddle';

export interface McpServerLaunch {
  /** the node binary and huddle's bin/huddle.js, both absolute: a worktree has no node_modules of its own */
  node: string;
  bin: string;
  name: string;
  role: string;
  url: string;
  token: string;
  /** the data folder that keeps the agent's credential */
  data?: string | undefined;
}

const args = (launch: McpServerLaunch) => [launch.bin, 'mcp', '--companion'];

/** What the server needs besides the token: who it is and where the hub and the credential are. */
function identityEnv(launch: McpServerLaunch): Record<string, string> {
  return { HUDDLE_NAME: launch.name, HUDDLE_ROLE: launch.role, HUDDLE_URL: launch.url, ...(launch.data ? { HUDDLE_DATA: launch.data } : {}) };
}

/** `{"mcpServers":{"huddle":{...}}}`, with the token: for a file only its owner can read. */
export function mcpServersJson(launch: McpServerLaunch): string {
  // trust: Gemini CLI's word for "its tools need no confirmation", without which a headless run refuses them; Claude Code ignores it
  const server = { type: 'stdio', command: launch.node, args: args(launch), env: { ...identityEnv(launch), HUDDLE_TOKEN: launch.token }, trust: true };
  return `${JSON.stringify({ mcpServers: { [MCP_SERVER_NAME]: server } }, null, 2)}\n`;
}

/** `{ command = "...", args = [...], env = {...}, env_vars = ["HUDDLE_TOKEN"] }`, without the token. */
export function mcpServerToml(launch: McpServerLaunch): string {
  const env = Object.entries(identityEnv(launch)).map(([k, v]) => `${k} = ${tomlString(v)}`);
  return `{ command = ${tomlString(launch.node)}, args = [${args(launch).map(tomlString).join(', ')}], env = { ${env.join(', ')} }, env_vars = ["HUDDLE_TOKEN"] }`;
}

/** A TOML basic string: JSON's escapes are TOML's, except that TOML also wants DEL escaped and no lone surrogate. */
export function tomlString(value: string): string {
  // with the u flag, a surrogate class matches only a lone one
  return JSON.stringify(value.replace(/[\uD800-\uDFFF]/gu, '\uFFFD')).replaceAll('\u007f', '\\u007F');
}
