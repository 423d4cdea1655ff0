/** The `command` provider: a local CLI reads the prompt on stdin and prints its answer; stopped at the time limit. */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateText } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { BUILT_IN_ROLES } from '../../agents/roles.js';
import { CommandFailed, CommandModel } from '../../orchestrator/advisor/llm/command-model.js';
import { DEFAULT_LIMITS, parseLlmConfig } from '../../orchestrator/advisor/llm/config.js';
import { LlmAdvisor } from '../../orchestrator/advisor/llm/llm-advisor.js';
import { languageModelFor } from '../../orchestrator/advisor/llm/model.js';
import { cleanupAfterEach, tempDir } from '../helpers/cleanup.js';
import { SEED_LINE, SEED_PLAN } from '../helpers/llm-recordings.js';
import { seedView } from '../helpers/planning-team.js';

const cleanup = cleanupAfterEach();

function script(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the command provider', () => {
  it('gives the prompt on stdin and takes stdout as the answer', async () => {
    const dir = tempDir('huddle-llm-cmd-', cleanup);
    const cli = script(dir, 'brain.sh', `cat > "${dir}/prompt.txt"\necho '{"ok": true}'`);
    const { text, usage } = await generateText({ model: new CommandModel(cli), system: 'You are a lead.', prompt: 'Plan this: add login', maxRetries: 0 });
    expect(text.trim()).toBe('{"ok": true}');
    expect(readFileSync(join(dir, 'prompt.txt'), 'utf8')).toBe('You are a lead.\n\nPlan this: add login');
    expect(usage.inputTokens).toBeGreaterThan(0);
  });

  it('reads the envelope `claude -p --output-format json` prints, with its usage', async () => {
    const dir = tempDir('huddle-llm-cmd-', cleanup);
    const envelope = JSON.stringify({ type: 'result', subtype: 'success', result: '{"answer": 42}', usage: { input_tokens: 1234, output_tokens: 56 } });
    const cli = script(dir, 'claude', `cat > /dev/null\nprintf '%s' '${envelope}'`);
    const { text, usage } = await generateText({ model: new CommandModel(`${cli} -p --output-format json`), prompt: 'x', maxRetries: 0 });
    expect(text).toBe('{"answer": 42}');
    expect([usage.inputTokens, usage.outputTokens]).toEqual([1234, 56]);
  });

  it('fails with the exit status of a command that exits non-zero', async () => {
    const dir = tempDir('huddle-llm-cmd-', cleanup);
    const cli = script(dir, 'broken.sh', 'cat > /dev/null\necho "no credits left" >&2\nexit 3');
    await expect(new CommandModel(cli).doGenerate({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }] })).rejects.toThrow(new CommandFailed('the command exited with status 3'));
  });

  it('stops a command that hangs, its whole process group, when the time is up', async () => {
    const dir = tempDir('huddle-llm-cmd-', cleanup);
    const cli = script(dir, 'hang.sh', `echo $$ > "${dir}/pid"\nsleep 60 &\necho $! > "${dir}/child"\nwait`);
    const controller = new AbortController();
    const pending = new CommandModel(cli).doGenerate({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }], abortSignal: controller.signal });
    const caught = pending.catch((err: unknown) => err);
    await vi.waitFor(() => expect(existsSync(join(dir, 'child'))).toBe(true));
    const pids = ['pid', 'child'].map((f) => Number(readFileSync(join(dir, f), 'utf8')));
    controller.abort(new Error('time limit'));
    expect(await caught).toBeInstanceOf(Error);
    await vi.waitFor(() => expect(pids.filter(alive)).toEqual([]), { timeout: 5000 });
  });

  it('as the lead’s brain: a good answer is the plan; a failing or hanging command falls back and says so', async () => {
    const dir = tempDir('huddle-llm-cmd-', cleanup);
    const run = async (body: string, timeoutMs = 10_000) => {
      const config = parseLlmConfig({ spec: `command:${script(dir, `c${Math.random().toString(36).slice(2)}.sh`, body)}`, timeoutMs }, {})!;
      const advisor = new LlmAdvisor({ config: { ...config, limits: { ...config.limits, retries: DEFAULT_LIMITS.retries } }, model: languageModelFor(config), roles: BUILT_IN_ROLES });
      advisor.observe(seedView());
      advisor.analyseObjectives([SEED_LINE]);
      await advisor.settled();
      return { advisor, notices: advisor.takeNotices().map((n) => n.text) };
    };
    const good = await run(`cat > /dev/null\ncat <<'EOF'\n${JSON.stringify(SEED_PLAN)}\nEOF`);
    expect(good.notices).toEqual([]);
    expect(good.advisor.analyseObjectives([SEED_LINE]).objectives[0]!.priorityCue).toMatch(/^command:c\w+\.sh: /);
    expect((await run('cat > /dev/null\nexit 2')).notices).toEqual(["The model's plan failed: the command exited with status 2; this is the offline plan."]);
    expect((await run('sleep 60', 300)).notices).toEqual(["The model's plan did not come within 0.3 s; this is the offline plan."]);
  });
});
