/**
 * `huddle agent --exec` running a coding CLI with the Huddle MCP server configured for it, through the
 * real binary: the recipes of docs/agents.md, word for word, with `claude`, `codex` and `gemini` on PATH
 * being a stand-in (test/fixtures/fake-coding-cli.mjs) that starts the MCP SDK's own client over stdio
 * against `huddle mcp`, as the set-up the recipe hands it says, takes its task through huddle_my_tasks,
 * moves it and finishes it. The room sees one participant: the agent. Needs `npm run build` first.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { HuddleClient } from '../collaboration-server/client.js';
import { readTokens } from '../collaboration-server/data-dir.js';
import type { HubEvent, TaskEvent } from '../collaboration-server/protocol.js';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { assertBuilt, spawnHuddle, startHubProcess } from './helpers/cli.js';
import { recorder } from './helpers/hub.js';

const cleanup = cleanupAfterEach();
beforeAll(assertBuilt);

const FAKE_CLI = fileURLToPath(new URL('./fixtures/fake-coding-cli.mjs', import.meta.url));

/** The `--exec` command of each recipe in docs/agents.md's section on the Huddle MCP server, by the CLI it runs. */
function docRecipes(): Record<string, string> {
  const doc = readFileSync(fileURLToPath(new URL('../docs/agents.md', import.meta.url)), 'utf8');
  const section = doc.slice(doc.indexOf('### With the Huddle MCP server'), doc.indexOf('### Any script'));
  const commands = [...section.matchAll(/--exec '([^']*(?:'\\''[^']*)*)'\n```/g)].map((m) => m[1]!);
  return Object.fromEntries(commands.map((c) => [/(claude|codex|gemini) /.exec(c)![1]!, c]));
}
const RECIPES = docRecipes();

/** `claude`, `codex` and `gemini` as the stand-in, in a folder to put first on PATH. */
function standIns(dir: string): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const cli of ['claude', 'codex', 'gemini']) {
    writeFileSync(join(bin, cli), `#!/bin/sh\nexec "${process.execPath}" "${FAKE_CLI}" "$@"\n`);
    chmodSync(join(bin, cli), 0o755);
  }
  return bin;
}

async function room() {
  const dir = tempDir('mcpexec-room-', cleanup);
  const data = join(dir, 'hub', '.huddle');
  const hub = await startHubProcess(data);
  cleanup(() => hub.kill('SIGKILL'));
  const lead = new HuddleClient({ url: hub.url, token: readTokens(data)!.admin, name: 'Lead', role: 'orchestrator' });
  await lead.connect();
  cleanup(() => lead.close());
  return { dir, data, lead, seen: recorder(lead) };
}

describe('huddle agent --exec with the Huddle MCP server configured for its coding CLI (the real binary)', { timeout: 90_000 }, () => {
  it('docs/agents.md has a recipe for each of the three CLIs', () => {
    expect(Object.keys(RECIPES).sort()).toEqual(['claude', 'codex', 'gemini']);
  });

  for (const [cli, recipe] of Object.entries(RECIPES)) {
    it(`${cli}'s shape: the CLI's MCP tools take, move and finish the task as the agent, and the room sees one participant`, async () => {
      const r = await room();
      const name = `${cli} "Bot"`; // a quote in the name: the set-up must carry it intact
      const now = Date.now();
      const sprint = await r.lead.send({
        type: 'sprint_create',
        sprint: { name: 'Sprint 1', goal: 'MCP from an exec agent', startsAt: now, endsAt: now + 86_400_000, objectives: [] },
        tasks: [{ title: 'Validate tokens', role: 'backend-dev', estimateHours: 2, acceptance: ['expired tokens are refused'] }],
      });
      const [id] = sprint.result!.taskIds as string[];

      const agent = spawnHuddle(['agent', '--exec', recipe, '--role', 'backend-dev', '--name', name, '--data', r.data, '--workdir', r.dir, '--note-every', '100ms'], {
        env: { PATH: `${standIns(r.dir)}:${process.env.PATH}` },
      });
      cleanup(() => agent.kill('SIGKILL'));
      await r.seen.until((e) => e.type === 'presence' && e.participant.name === name && e.change === 'joined');
      await r.lead.send({ type: 'task_update', taskId: id!, action: 'assign', assignee: name });

      const taskIs = (status: string) => (e: HubEvent) => e.type === 'task' && e.task.id === id && e.task.status === status;
      const done = (await r.seen.until((e) => taskIs('done')(e) || taskIs('failed')(e))) as TaskEvent;
      expect(done.task.status, `${done.change.note}\n${agent.err()}`).toBe('done');
      expect(done.change).toMatchObject({ by: name, action: 'done', note: 'finished through MCP' });
      const ended = (await r.seen.until((e) => e.type === 'task' && e.task.id === id && /marked it done itself/.test(e.change.note ?? ''))) as TaskEvent;
      expect(ended.change.note).toMatch(/^The command marked it done itself, then exited 0 after /);
      expect(ended.change.note).toContain(`${id} done: now done.`);

      // What the CLI did through MCP is the agent's own doing, in the order it did it.
      const changes = r.seen.events.filter((e): e is TaskEvent => e.type === 'task' && e.task.id === id && e.change.by === name).map((e) => `${e.change.action} ${e.change.note ?? ''}`.trim());
      expect(changes.filter((c) => !c.startsWith('progress') || c.includes('through MCP'))).toEqual([
        expect.stringMatching(/^accept/),
        expect.stringMatching(/^start Running/),
        'progress half way, through MCP',
        'done finished through MCP',
        expect.stringMatching(/^note The command marked it done itself/),
      ]);
      const said = await r.seen.until((e) => e.type === 'message' && e.text === `${id} is nearly there (said through MCP)`);
      expect(said).toMatchObject({ from: { name, role: 'backend-dev' } });

      // One participant: the agent's terminal joined once, nothing else came or went under its name.
      const { participants } = await r.lead.request({ type: 'who' });
      expect(participants.filter((p) => p.name === name)).toEqual([expect.objectContaining({ status: 'online' })]);
      expect(r.seen.events.filter((e) => e.type === 'presence' && e.participant.name === name).map((e) => e.type === 'presence' && e.change)).toEqual(['joined']);
      expect(agent.err()).not.toMatch(/refused|NAME_TAKEN|already connected/);

      const { content: log } = await r.lead.request({ type: 'artifact_get', taskId: id!, kind: 'log' });
      expect(log).toContain(`whoami: ${name} (backend-dev)`);
      expect(log).toMatch(/tools: huddle_whoami, huddle_my_tasks, huddle_task_update, huddle_send, huddle_inbox, huddle_ask_lead, huddle_attach/);
      if (cli !== 'codex') {
        // The JSON set-up is owner-only (it holds the join token), and gone with the run (Gemini's copy with its home).
        const setup = /set-up (\S+) mode (\d+)/.exec(log ?? '');
        expect(setup?.[2]).toBe('600');
        expect(existsSync(setup![1]!)).toBe(false);
      }
      expect(await agent.kill('SIGTERM')).toBe(0);
    });
  }
});
