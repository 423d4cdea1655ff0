/** The MCP set-up an `--exec` agent gives its command (agents/mcp-config.ts): complete, intact, and the token kept off command lines. */
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { mcpServerToml, mcpServersJson, tomlString } from '../agents/mcp-config.js';

const launch = {
  node: '/opt/node 20/bin/node',
  bin: '/work/huddle/bin/huddle.js',
  name: 'Ann "the bot" \\ O\'Neil',
  role: 'backend-dev',
  url: 'ws://127.0.0.1:4477',
  token: 'member-secret',
  data: '/home/ann/project/.huddle',
};
const identity = { HUDDLE_NAME: launch.name, HUDDLE_ROLE: 'backend-dev', HUDDLE_URL: launch.url, HUDDLE_DATA: launch.data };

describe('the MCP set-up for an exec agent’s coding CLI', () => {
  it('JSON: `huddle mcp --companion` as the agent, with everything it needs in env (the file is owner-only)', () => {
    expect(JSON.parse(mcpServersJson(launch))).toEqual({
      mcpServers: { huddle: { type: 'stdio', command: launch.node, args: [launch.bin, 'mcp', '--companion'], env: { ...identity, HUDDLE_TOKEN: 'member-secret' }, trust: true } },
    });
  });

  it('TOML: the same server as an inline table Codex reads, naming the token only as a variable to pass through', () => {
    const toml = mcpServerToml(launch);
    expect(toml).not.toContain('member-secret');
    expect(toml).not.toContain('\n');
    expect(parseToml(`server = ${toml}`).server).toEqual({ command: launch.node, args: [launch.bin, 'mcp', '--companion'], env: identity, env_vars: ['HUDDLE_TOKEN'] });
    const { data: _data, ...noData } = launch;
    expect(parseToml(`server = ${mcpServerToml(noData)}`).server).toMatchObject({ env: { HUDDLE_NAME: launch.name, HUDDLE_ROLE: 'backend-dev', HUDDLE_URL: launch.url } });
  });

  it('TOML strings keep any text intact, controls and all (a lone surrogate becomes U+FFFD)', () => {
    for (const text of ['plain', 'quote " backslash \\ tab \t newline \n', 'del \u007f nul \u0000 esc \u001b', 'ünïcødé 🙂 \u202e', "it's"]) {
      expect(parseToml(`v = ${tomlString(text)}`).v).toBe(text);
    }
    expect(parseToml(`v = ${tomlString('lone \ud800 end')}`).v).toBe('lone \ufffd end');
  });
});
