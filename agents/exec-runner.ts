/**
 * The automated agent: it takes the tasks the lead assigns to it, runs a command for each (at most
 * `concurrency` at once, the rest queued), and routes what happens in the room to the right run:
 * a cancellation or reassignment stops it, a message or a decision about its task is passed on.
 *
 * After a restart, a task this agent held accepted, in progress or blocked is failed with an honest
 * note ("the agent restarted; its run was lost") rather than re-run: the lead sees it and retries or
 * reassigns it, and nothing is left hanging.
 */
import type { HuddleClient } from '../collaboration-server/client.js';
import { toHuddleError } from '../collaboration-server/errors.js';
import type { HubEvent, Task } from '../collaboration-server/protocol.js';
import { isHeld } from '../collaboration-server/task-lifecycle.js';
import { AGENT_STOPPING, TaskRun, type RunSettings } from './task-run.js';
import { mayAnswer } from './command-input.js';

export interface ExecRunnerOptions extends RunSettings {
  concurrency: number;
}

export const LOST_RUN_NOTE = 'The agent restarted; its run was lost. Retry or reassign it.';

export class ExecRunner {
  private readonly runs = new Map<string, TaskRun>();
  private readonly queue: Task[] = [];
  private readonly ended = new Set<string>();
  private stopping = false;
  private readonly onEvent = (event: HubEvent) => this.handle(event);
  private readonly onWelcome = () => void this.catchUp(false);

  constructor(
    private readonly client: HuddleClient,
    private readonly options: ExecRunnerOptions,
  ) {}

  private get me(): string {
    return this.client.options.name;
  }

  /** Listens to the room and picks up what was assigned while this agent was away. */
  async start(): Promise<void> {
    this.client.on('event', this.onEvent);
    this.client.on('welcome', this.onWelcome);
    await this.catchUp(true);
  }

  /** Stops every run (each reports its task as failed: the agent stopped) and stops listening. */
  async shutdown(): Promise<void> {
    this.stopping = true;
    this.client.off('event', this.onEvent);
    this.client.off('welcome', this.onWelcome);
    this.queue.length = 0;
    const runs = [...this.runs.values()];
    for (const run of runs) run.stop(AGENT_STOPPING);
    await Promise.all(runs.map((r) => r.finished));
  }

  get busy(): number {
    return this.runs.size;
  }

  get queued(): string[] {
    return this.queue.map((t) => t.id);
  }

  private async catchUp(firstStart: boolean): Promise<void> {
    let tasks: Task[];
    try {
      tasks = (await this.client.request({ type: 'tasks', assignee: this.me })).tasks;
    } catch (err) {
      this.options.log(`could not list my tasks: ${toHuddleError(err).message}`);
      return;
    }
    for (const task of tasks) {
      if (task.assignee !== this.me || this.runs.has(task.id) || this.ended.has(task.id)) continue;
      if (firstStart && isHeld(task.status)) {
        this.ended.add(task.id);
        await this.client.send({ type: 'task_update', taskId: task.id, action: 'fail', note: LOST_RUN_NOTE }).catch((err) => {
          this.options.log(`${task.id}: could not report the lost run: ${toHuddleError(err).message}`);
        });
      } else if (task.status === 'assigned') {
        this.enqueue(task);
      }
    }
  }

  private handle(event: HubEvent): void {
    switch (event.type) {
      case 'task':
        return this.onTask(event.task, event.change.action, event.change.by);
      case 'message': {
        if (event.from.name === this.me) return;
        const byName = event.to.kind === 'participant' && event.to.name === this.me;
        if (!byName && !(event.to.kind === 'role' && event.to.role === this.client.options.role)) return;
        const taskId = event.card && 'taskId' in event.card ? event.card.taskId : /\bT-\d+\b/.exec(event.text)?.[0];
        const targets = taskId && this.runs.has(taskId) ? [this.runs.get(taskId)!] : [...this.runs.values()];
        const answers = mayAnswer(event.from, byName, { answerFrom: this.options.answerFrom ?? [] });
        for (const run of targets) run.deliver(event.from, event.text, answers);
        return;
      }
      case 'decision': {
        const run = event.escalation.taskId ? this.runs.get(event.escalation.taskId) : undefined;
        // only the product owner answers escalations (the hub sees to it)
        run?.deliver({ name: event.decision.by, role: 'human', about: `decision on ${event.escalation.id}` }, event.decision.text, true);
        return;
      }
      default:
        return;
    }
  }

  private onTask(task: Task, action: string, by: string): void {
    const run = this.runs.get(task.id);
    const mine = task.assignee === this.me;
    if (run) {
      if (!mine) run.stop(`reassigned to ${task.assignee ?? 'nobody'}`);
      else if (task.status === 'cancelled') run.stop(`cancelled by ${by}`);
      else if (by !== this.me && (task.status === 'done' || task.status === 'failed')) run.stop(`marked ${task.status} by ${by}`);
      else run.onTask(task);
      return;
    }
    const queued = this.queue.findIndex((t) => t.id === task.id);
    if (queued >= 0 && (!mine || task.status !== 'assigned')) this.queue.splice(queued, 1);
    if (mine && task.status === 'assigned' && (action === 'assign' || action === 'reassign')) {
      this.ended.delete(task.id);
      this.enqueue(task);
    }
  }

  private enqueue(task: Task): void {
    if (this.stopping || this.runs.has(task.id) || this.queue.some((t) => t.id === task.id)) return;
    this.queue.push(task);
    this.pump();
  }

  private pump(): void {
    while (!this.stopping && this.runs.size < this.options.concurrency && this.queue.length) {
      const task = this.queue.shift()!;
      const run = new TaskRun(this.client, task, this.options);
      this.runs.set(task.id, run);
      void run.finished.then((end) => {
        this.runs.delete(task.id);
        this.ended.add(task.id);
        this.options.log(`${task.id}: ${end}`);
        this.pump();
      });
    }
  }
}
