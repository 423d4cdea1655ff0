/**
 * What a command is told about its task: a ready prompt (task, acceptance criteria, sprint context)
 * and the HUDDLE_* environment variables. Pure.
 */
import type { Sprint, Task } from '../collaboration-server/protocol.js';

export interface PromptContext {
  task: Task;
  sprint: Sprint | null;
  /** the other tasks of the sprint, to name what this one depends on */
  sprintTasks: Task[];
  agent: { name: string; role: string };
  workdir: string;
  branch: string | null;
  inboxFile: string;
}

export function taskPrompt(ctx: PromptContext): string {
  const { task, sprint, agent } = ctx;
  const lines = [`You are ${agent.name} (${agent.role}), an automated agent in a Huddle team. The technical lead gave you this task.`, ''];
  lines.push(`Task ${task.id}: ${task.title}`);
  if (task.description.trim()) lines.push('', task.description.trim());
  if (task.objective.trim()) lines.push('', `Objective it serves: ${task.objective.trim()}`);
  if (task.acceptance.length) lines.push('', 'Acceptance criteria:', ...task.acceptance.map((a) => `- ${a}`));
  const deps = task.dependsOn.map((id) => ctx.sprintTasks.find((t) => t.id === id)).filter((t): t is Task => !!t);
  if (deps.length) lines.push('', 'It builds on:', ...deps.map((d) => `- ${d.id} ${d.title} (${d.status.replace('_', ' ')}${d.assignee ? `, by ${d.assignee}` : ''})`));
  if (sprint) {
    lines.push('', `Sprint: ${sprint.name}${sprint.goal.trim() ? ` — ${sprint.goal.trim()}` : ''}`);
    if (sprint.objectives.length) lines.push('Sprint objectives:', ...sprint.objectives.map((o) => `- ${o}`));
  }
  lines.push(
    '',
    `Work in ${ctx.workdir}${ctx.branch ? ` (git branch ${ctx.branch}; commit your work there)` : ''}.`,
    'When the task is complete, exit with status 0 and end with a few lines that summarise what you did.',
    'If you cannot complete it, exit with a non-zero status and say why on stderr.',
    `Messages from the lead or the product owner while you work are appended to the file ${ctx.inboxFile}.`,
  );
  return lines.join('\n') + '\n';
}

export function taskEnv(ctx: PromptContext, prompt: string, hub: { url: string; token: string; bin: string | null; data?: string | undefined }): Record<string, string> {
  const { task } = ctx;
  return {
    HUDDLE_TASK_ID: task.id,
    HUDDLE_TASK_TITLE: task.title,
    HUDDLE_TASK_DESCRIPTION: task.description,
    HUDDLE_TASK_ACCEPTANCE: task.acceptance.map((a) => `- ${a}`).join('\n'),
    HUDDLE_TASK_PROMPT: prompt,
    HUDDLE_SPRINT: ctx.sprint?.name ?? '',
    HUDDLE_WORKDIR: ctx.workdir,
    HUDDLE_BRANCH: ctx.branch ?? '',
    HUDDLE_INBOX: ctx.inboxFile,
    HUDDLE_URL: hub.url,
    HUDDLE_TOKEN: hub.token,
    // The command's own one-shot `huddle task ...` calls act as the agent (the hub lets a one-shot
    // command share a live participant's name without replacing its terminal), with the agent's
    // credential from its data folder: a worktree's own folder would not hold it.
    HUDDLE_NAME: ctx.agent.name,
    HUDDLE_ROLE: ctx.agent.role,
    ...(hub.data ? { HUDDLE_DATA: hub.data } : {}),
    ...(hub.bin ? { HUDDLE_BIN: hub.bin } : {}),
  };
}
