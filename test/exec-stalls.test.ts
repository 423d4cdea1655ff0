import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { execWorld, type ExecWorld } from './exec-fixture.js';

let world: ExecWorld;
afterEach(async () => world?.close());

describe('exec runner: silent stalls become blockers', () => {
  it('reports a command that prints nothing for --stall-after as blocked, with its last lines', async () => {
    world = await execWorld();
    const script = world.script('silent.sh', 'echo "loading the model"\nwhile [ ! -f go ]; do sleep 0.02; done\necho "back"');
    const [id] = await world.plan(['Quiet task']);
    await world.agent('Bot', { command: script, stallAfterMs: 200 });
    await world.assign(id!, 'Bot');
    const blocked = await world.until(id!, 'blocked', 'block');
    expect(blocked.lastNote).toMatch(/printed nothing for/);
    expect(blocked.lastNote).toContain('loading the model');
    const { escalations } = await world.lead.request({ type: 'escalations' });
    expect(escalations).toEqual([]); // a blocker for the lead to resolve, not an escalation yet

    // when output resumes, the task is unblocked by the agent itself
    writeFileSync(join(world.dir, 'go'), '');
    await world.until(id!, 'in_progress', 'unblock');
    await world.until(id!, 'done');
  });

  it('reports a command waiting at a y/n question as blocked, and writes the product owner’s answer to its stdin', async () => {
    world = await execWorld();
    const script = world.script(
      'ask.sh',
      // stdin holds the task prompt first (an interactive tool would have read it): skip to a y or n line
      `echo "About to rewrite config.json"
printf "Overwrite config.json? [y/N] "
while IFS= read -r answer; do echo "$answer" >> read.txt; case "$answer" in y|n) break;; esac; done
echo "answer was: $answer"
[ "$answer" = "y" ] && exit 0
exit 1`,
    );
    const [id] = await world.plan(['Rewrite the config']);
    await world.agent('Bot', { command: script, keepStdinOpen: true, stallAfterMs: 60_000 });
    await world.assign(id!, 'Bot');

    const blocked = await world.until(id!, 'blocked', 'block');
    expect(blocked.lastNote).toContain('waiting at a question: "Overwrite config.json? [y/N]"');
    expect(blocked.lastNote).toContain('About to rewrite config.json');

    // the lead's guidance is never taken for the answer to its question: it goes to the log and inbox only
    await world.lead.send({ type: 'chat', text: 'check the config first', to: { kind: 'participant', name: 'Bot' } });
    await vi.waitFor(async () => {
      const log = await world.lead.request({ type: 'artifact_get', taskId: id!, kind: 'log' });
      expect(log.content).toContain('Lead (orchestrator) said: check the config first (left in $HUDDLE_INBOX: not an answer to its question)');
    });
    const po = await world.hub.client('PO', 'human');
    await po.send({ type: 'chat', text: 'y', to: { kind: 'participant', name: 'Bot' } });
    const done = await world.until(id!, 'done');
    expect(done.lastNote).toContain('answer was: y');
    expect(readFileSync(join(world.dir, 'read.txt'), 'utf8')).not.toContain('check the config first');
    const notes = world.seen.events.flatMap((e) => (e.type === 'task' && e.task.id === id && e.change.action === 'note' ? [e.change.note] : []));
    expect(notes).toContain("Passed PO's answer to the command on its stdin, as the answer to its question.");
  });

  it('passes the product owner’s decision on an escalation about the task to the command', async () => {
    world = await execWorld();
    const script = world.script('wait-decision.sh', 'echo "need a decision"\nwhile IFS= read -r line; do case "$line" in *"Use SQLite"*) echo "decided: $line"; exit 0;; esac; done; exit 1');
    const [id] = await world.plan(['Pick a database']);
    await world.agent('Bot', { command: script, keepStdinOpen: true, stallAfterMs: 150 });
    await world.assign(id!, 'Bot');
    await world.until(id!, 'blocked', 'block');
    const ack = await world.lead.send({
      type: 'escalate',
      taskId: id!,
      title: 'Which database?',
      options: [
        { key: 'A', label: 'Use SQLite' },
        { key: 'B', label: 'Use Postgres' },
      ],
    });
    const po = await world.hub.client('PO', 'human');
    await po.send({ type: 'escalation_answer', escalationId: ack.result!.escalationId as string, option: 'A' });
    const done = await world.until(id!, 'done');
    expect(done.lastNote).toContain('decided: [PO (human), decision on E-1] Use SQLite');
    await vi.waitFor(async () => {
      const log = await world.lead.request({ type: 'artifact_get', taskId: id!, kind: 'log' });
      expect(log.content).toContain('PO (human), decision on E-1 said: Use SQLite');
    });
  });
});
