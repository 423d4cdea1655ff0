/**
 * What an agent pays for the Huddle tools before it uses them: the whole `tools/list` answer of the
 * real built `huddle mcp`, counted with the o200k tokenizer (gpt-tokenizer) and, as a cross-check, as
 * characters / 4. Both must stay under 2,500 tokens. And stdout carries nothing but the protocol; a
 * server started before its hub, or with a name already connected, says so in every tool.
 */
import { spawn } from 'node:child_process';
import { countTokens } from 'gpt-tokenizer';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { HUDDLE_BIN, assertBuilt, cleanEnv } from './helpers/cli.js';
import { startTestHub } from './helpers/hub.js';
import { startMcpAgent } from './helpers/mcp.js';

const cleanup = cleanupAfterEach();
beforeAll(assertBuilt);

const TOOLS = ['huddle_whoami', 'huddle_my_tasks', 'huddle_task_update', 'huddle_send', 'huddle_inbox', 'huddle_ask_lead', 'huddle_attach'];

describe('huddle mcp: the tool list', () => {
  it('offers the seven tools and two resources in under 2,500 tokens', async () => {
    const hub = await startTestHub();
    cleanup(() => hub.close());
    const agent = await startMcpAgent({ name: 'Claude', role: 'backend-dev', dataDir: hub.dataDir, cwd: tempDir('huddle-mcp-cwd-', cleanup) }, cleanup);

    const { tools } = await agent.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS].sort());
    const listed = JSON.stringify({ tools });
    const tokens = countTokens(listed);
    expect(tokens).toBeLessThan(2500);
    expect(listed.length / 4).toBeLessThan(2500);
    for (const tool of tools) expect(tool.description!.length).toBeLessThan(200);

    const { resources } = await agent.client.listResources();
    expect(resources.map((r) => r.uri)).toContain('huddle://sprint/current');
    const { resourceTemplates } = await agent.client.listResourceTemplates();
    expect(resourceTemplates.map((r) => r.uriTemplate)).toEqual(['huddle://task/{id}']);
  });

  it('writes nothing but JSON-RPC to stdout, logs to stderr', async () => {
    const hub = await startTestHub();
    cleanup(() => hub.close());
    const proc = spawn(process.execPath, [HUDDLE_BIN, 'mcp', '--role', 'qa', '--name', 'Gemini', '--data', hub.dataDir], { env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    cleanup(() => proc.kill('SIGKILL'));
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const send = (id: number, method: string, params: unknown = {}) => proc.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
    send(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } });
    proc.stdin.write(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n');
    send(2, 'tools/call', { name: 'huddle_whoami', arguments: {} });
    await vi.waitFor(() => expect(out.split('\n').filter(Boolean).length).toBe(2), { timeout: 15_000 });
    await vi.waitFor(() => expect(err).toMatch(/joined .* as Gemini/));
    const lines = out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { jsonrpc: string; id: number });
    expect(lines.map((l) => [l.jsonrpc, l.id])).toEqual([['2.0', 1], ['2.0', 2]]);
    // closing stdin ends the server
    proc.stdin.end();
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
    expect(code).toBe(0);
  });

  it('starts before its hub: tools say the hub is not reachable, the inbox still answers, and it joins once the hub is up', async () => {
    const hub = await startTestHub();
    cleanup(() => hub.close());
    await hub.stop();
    const agent = await startMcpAgent({ name: 'Early', role: 'qa', dataDir: hub.dataDir, cwd: tempDir('huddle-mcp-cwd-', cleanup), extra: ['--hub-wait', '1s'] }, cleanup);
    const early = await agent.call('huddle_whoami');
    expect(early).toMatchObject({ isError: true, data: { error: { code: 'DISCONNECTED' } } });
    expect(early.text).toMatch(/The hub is not reachable right now \(connecting\); this server reconnects by itself\. Try again in a moment\./);
    const inbox = await agent.call('huddle_inbox');
    expect(inbox).toMatchObject({ isError: false, data: { items: [], connection: 'connecting' } });
    expect(inbox.text).toMatch(/Nothing new\.\n\(hub connecting: this server reconnects by itself/);
    await hub.restart();
    await vi.waitFor(async () => expect((await agent.call('huddle_whoami')).data).toMatchObject({ name: 'Early', connection: 'online' }), { timeout: 20_000, interval: 200 });
  });

  it('refuses a second server under a name that is already connected, in every tool', async () => {
    const hub = await startTestHub();
    cleanup(() => hub.close());
    const cwd = tempDir('huddle-mcp-cwd-', cleanup);
    const first = await startMcpAgent({ name: 'Claude', role: 'backend-dev', dataDir: hub.dataDir, cwd }, cleanup);
    expect((await first.call('huddle_whoami')).isError).toBe(false);
    const second = await startMcpAgent({ name: 'Claude', role: 'backend-dev', dataDir: hub.dataDir, cwd }, cleanup);
    const refused = await second.call('huddle_my_tasks');
    expect(refused).toMatchObject({ isError: true, data: { error: { code: 'NAME_TAKEN' } } });
    expect(refused.text).toMatch(/"Claude" is already connected/);
    expect(second.log()).toMatch(/could not join: "Claude" is already connected/);
  });
});
