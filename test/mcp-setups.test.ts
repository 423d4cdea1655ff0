/**
 * The set-ups in docs/mcp.md, checked offline: every marked block parses (JSON, TOML, the shell line),
 * names `huddle mcp` or `huddle inbox`, and runs: each MCP server entry is spawned by the SDK's client
 * and lists the seven tools; each hook command prints nothing with nothing new, and the news in the
 * client's format once there is some; Codex's `notify` line reaches a stand-in `notify-send`. A
 * stand-in `npx` on PATH runs the built binary. The clients themselves are not run (no model here).
 */
import { execFile } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { parse as parseToml } from 'smol-toml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { HUDDLE_BIN, assertBuilt, cleanEnv } from './helpers/cli.js';
import { startTestHub, type TestHub } from './helpers/hub.js';

const cleanup = cleanupAfterEach();
beforeAll(assertBuilt);

const DOC = readFileSync(fileURLToPath(new URL('../docs/mcp.md', import.meta.url)), 'utf8');

/** The fenced block right after `<!-- check: NAME -->`. */
function block(name: string): string {
  const match = new RegExp(`<!-- check: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(DOC);
  if (!match) throw new Error(`docs/mcp.md has no block marked "check: ${name}"`);
  return match[1]!;
}

interface ServerEntry {
  command: string;
  args: string[];
}
type Hooks = Record<string, { hooks: { type: string; command: string }[] }[]>;

/** A folder with stand-ins for `npx` (runs the built huddle) and `notify-send` (records its arguments). */
function standIns(): { path: string; notified: string } {
  const dir = tempDir('huddle-standins-', cleanup);
  const notified = join(dir, 'notified.txt');
  writeFileSync(join(dir, 'npx'), `#!/bin/sh\n[ "$1" = huddle ] || exit 127\nshift\nexec "${process.execPath}" "${HUDDLE_BIN}" "$@"\n`);
  writeFileSync(join(dir, 'notify-send'), `#!/bin/sh\nprintf '%s\\n' "$@" >> "${notified}"\n`);
  for (const f of ['npx', 'notify-send']) chmodSync(join(dir, f), 0o755);
  return { path: dir, notified };
}

function run(argv: string[], env: NodeJS.ProcessEnv, input = '{}'): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(argv[0]!, argv.slice(1), { env, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

async function listsTheTools(entry: ServerEntry, env: Record<string, string>): Promise<void> {
  expect(entry.command).toBe('npx');
  expect(entry.args.slice(0, 2)).toEqual(['huddle', 'mcp']);
  const transport = new StdioClientTransport({ command: entry.command, args: entry.args, env, stderr: 'pipe' });
  const client = new Client({ name: 'setup-check', version: '1' });
  await client.connect(transport);
  cleanup(() => client.close());
  expect((await client.listTools()).tools).toHaveLength(7);
  await client.close();
}

// Each test starts several huddle processes one after another: on a loaded machine that outlasts the default 20 s.
describe('docs/mcp.md: the set-ups', { timeout: 60_000 }, () => {
  /** The agent's first join, as its MCP server makes it: the name's credential lands in the data folder for the hooks. */
  const joinOnce = async (name: string) =>
    expect(await run(['sh', '-c', `npx huddle agent --plain --name ${name} --role backend-dev < /dev/null`], env)).toMatchObject({ code: 0 });

  let hub: TestHub;
  let env: Record<string, string>;
  let notified: string;

  const setUp = async () => {
    hub = await startTestHub();
    cleanup(() => hub.close());
    const stand = standIns();
    notified = stand.notified;
    env = Object.fromEntries(
      Object.entries(cleanEnv({ HUDDLE_DATA: hub.dataDir, PATH: `${stand.path}:${process.env.PATH}` })).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  };

  it('starts huddle mcp as each client would: Claude Code, Codex, Gemini CLI, Cursor', async () => {
    await setUp();
    const claude = block('claude-add').trim();
    expect(claude).toMatch(/^claude mcp add huddle -- npx huddle mcp --role backend-dev --name Claude$/);
    const [command, ...args] = claude.split(' -- ')[1]!.split(' ');
    await listsTheTools({ command: command!, args }, env);

    const codex = parseToml(block('codex-config')) as unknown as { mcp_servers: Record<string, ServerEntry> };
    await listsTheTools(codex.mcp_servers.huddle!, env);
    for (const name of ['gemini-settings', 'cursor-mcp']) {
      const config = JSON.parse(block(name)) as { mcpServers: Record<string, ServerEntry> };
      await listsTheTools(config.mcpServers.huddle!, env);
    }
  });

  it('runs each hook command: silent with nothing new, the news in the client’s format once there is some', async () => {
    await setUp();
    const po = await hub.client('Product Owner', 'human');
    const hooks = (name: string) => (JSON.parse(block(name)) as { hooks: Hooks }).hooks;
    const cases: { event: string; command: string; name: string; reads: (stdout: string) => string }[] = [];
    for (const [name, file] of [['Claude', 'claude-hooks'], ['Codex', 'codex-hooks'], ['Gemini', 'gemini-hooks']] as const) {
      for (const [event, groups] of Object.entries(hooks(file))) {
        for (const hook of groups.flatMap((g) => g.hooks)) {
          expect(hook.type).toBe('command');
          expect(hook.command).toMatch(new RegExp(`^npx huddle inbox --unread --quiet .*--name ${name} --role backend-dev$`));
          const reads = hook.command.includes('--hook stop')
            ? (out: string) => (expect(JSON.parse(out)).toMatchObject({ decision: 'block' }), JSON.parse(out).reason as string)
            : hook.command.includes('--hook context')
              ? (out: string) => (expect(JSON.parse(out)).toMatchObject({ hookSpecificOutput: { hookEventName: event } }), JSON.parse(out).hookSpecificOutput.additionalContext as string)
              : (out: string) => out;
          cases.push({ event, command: hook.command, name, reads });
        }
      }
    }
    expect(cases.map((c) => `${c.name} ${c.event}`)).toEqual(['Claude Stop', 'Claude UserPromptSubmit', 'Codex Stop', 'Gemini AfterAgent', 'Gemini BeforeAgent']);
    for (const name of ['Claude', 'Codex', 'Gemini']) await joinOnce(name);
    for (const c of cases) {
      const input = JSON.stringify({ hook_event_name: c.event, session_id: 's', cwd: '/tmp' });
      expect(await run(['sh', '-c', c.command], env, input), `${c.name} ${c.event}, nothing new`).toMatchObject({ code: 0, stdout: '' });
      await po.send({ type: 'chat', text: `${c.name}, news for ${c.event}`, to: { kind: 'participant', name: c.name } });
      const news = await run(['sh', '-c', c.command], env, input);
      expect(news.code, news.stderr).toBe(0);
      expect(c.reads(news.stdout)).toMatch(new RegExp(`Product Owner \\(human\\) → you: ${c.name}, news for ${c.event}`));
    }
  });

  it("runs Codex's notify line: the person is told, and the agent's news stays unread", async () => {
    await setUp();
    const po = await hub.client('Product Owner', 'human');
    const { notify } = parseToml(block('codex-notify')) as unknown as { notify: string[] };
    await joinOnce('Codex');
    const turn = JSON.stringify({ type: 'agent-turn-complete', 'thread-id': 't', 'turn-id': '1', cwd: '/tmp', 'input-messages': [], 'last-assistant-message': 'done' });
    expect(await run([...notify, turn], env)).toMatchObject({ code: 0 });
    expect(() => readFileSync(notified, 'utf8')).toThrow(); // nothing new: no notification
    await po.send({ type: 'chat', text: 'Codex, please rebase on main', to: { kind: 'participant', name: 'Codex' } });
    expect(await run([...notify, turn], env)).toMatchObject({ code: 0 });
    expect(readFileSync(notified, 'utf8')).toMatch(/^Huddle: news for Codex\nHuddle: 1 new item\(s\) for Codex[\s\S]*please rebase on main/);
    const unread = await run(['sh', '-c', 'npx huddle inbox --unread --quiet --name Codex --role backend-dev'], env);
    expect(unread.stdout).toMatch(/please rebase on main/);
  });
});
