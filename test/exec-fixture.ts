/** Shared setup for the exec-runner tests: a real hub, a lead that plans and assigns, and script files. */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../collaboration-server/clock.js';
import type { HuddleClient } from '../collaboration-server/client.js';
import type { HubEvent, Task, TaskStatus } from '../collaboration-server/protocol.js';
import { ExecRunner, type ExecRunnerOptions } from '../agents/exec-runner.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

export interface ExecWorld {
  hub: TestHub;
  lead: HuddleClient;
  seen: ReturnType<typeof recorder>;
  dir: string;
  logs: string[];
  /** writes an executable sh script into the temp folder and returns its path */
  script(name: string, body: string): string;
  /** creates a sprint with these task titles and returns their ids */
  plan(titles: string[], extra?: { acceptance?: string[]; description?: string }): Promise<string[]>;
  assign(taskId: string, to: string): Promise<void>;
  agent(name: string, options: Partial<ExecRunnerOptions> & { command: string }): Promise<{ client: HuddleClient; runner: ExecRunner }>;
  /** waits for a task event that leaves the task in `status` */
  until(taskId: string, status: TaskStatus, action?: string): Promise<Task & { lastNote: string | null }>;
  close(): Promise<void>;
}

export async function execWorld(): Promise<ExecWorld> {
  const hub = await startTestHub();
  const lead = await hub.client('Lead', 'orchestrator');
  const seen = recorder(lead);
  const dir = mkdtempSync(join(tmpdir(), 'huddle-exec-'));
  const runners: ExecRunner[] = [];
  const logs: string[] = [];
  return {
    hub,
    lead,
    seen,
    dir,
    logs,
    script(name, body) {
      const path = join(dir, name);
      writeFileSync(path, `#!/bin/sh\n${body}\n`);
      chmodSync(path, 0o755);
      return path;
    },
    async plan(titles, extra = {}) {
      const ack = await lead.send({
        type: 'sprint_create',
        sprint: { name: 'Sprint 1', goal: 'Ship the login page', startsAt: Date.now(), endsAt: Date.now() + 7 * 86_400_000, objectives: ['Users can log in'] },
        tasks: titles.map((title) => ({ title, role: 'backend-dev', estimateHours: 2, acceptance: extra.acceptance ?? [], description: extra.description ?? '' })),
      });
      return ack.result!.taskIds as string[];
    },
    async assign(taskId, to) {
      await lead.send({ type: 'task_update', taskId, action: 'assign', assignee: to });
    },
    async agent(name, options) {
      const client = await hub.client(name, 'backend-dev');
      const runner = new ExecRunner(client, {
        workdir: dir,
        worktree: false,
        timeoutMs: null,
        stallAfterMs: 60_000,
        questionSettleMs: 100,
        killGraceMs: 500,
        keepStdinOpen: false,
        noteEveryMs: 50,
        tickMs: 20,
        concurrency: 1,
        clock: systemClock,
        huddleBin: null,
        log: (line) => logs.push(`${name}: ${line}`),
        ...options,
      });
      runners.push(runner);
      await runner.start();
      return { client, runner };
    },
    async until(taskId, status, action) {
      const e = (await seen.until(
        (e: HubEvent) => e.type === 'task' && e.task.id === taskId && e.task.status === status && (!action || e.change.action === action),
      )) as Extract<HubEvent, { type: 'task' }>;
      return { ...e.task, lastNote: e.change.note };
    },
    async close() {
      await Promise.all(runners.map((r) => r.shutdown()));
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether a process still runs. A zombie (exited, not yet reaped: this sandbox's init reaps none) is not running. */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
};
