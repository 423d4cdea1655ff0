import { describe, expect, it } from 'vitest';
import type { Sprint, Task } from '../collaboration-server/protocol.js';
import { taskEnv, taskPrompt } from '../agents/task-prompt.js';

const task = (over: Partial<Task>): Task => ({
  id: 'T-2', sprintId: 'S-1', title: 'Implement login', description: 'Email and password.', objective: 'Users can log in', domain: 'auth',
  role: 'backend-dev', estimateHours: 8, points: 5, priority: 'high', acceptance: ['Wrong password is refused'], dependsOn: [],
  assignee: 'Dev', rationale: '', status: 'assigned', percent: 0, due: null, atRisk: false, startedAt: null, completedAt: null,
  createdAt: 0, updatedAt: 0, notes: [], ...over,
});
const sprint: Sprint = { id: 'S-1', name: 'Sprint 7', goal: 'Log in', startsAt: 0, endsAt: 1, status: 'active', objectives: ['Users can log in'], createdAt: 0 };

describe('task prompt', () => {
  it('gives the task, its criteria, what it builds on, the sprint and how to finish', () => {
    const design = task({ id: 'T-1', title: 'Design login', status: 'done', assignee: 'Ann' });
    const ctx = { task: task({ dependsOn: ['T-1'] }), sprint, sprintTasks: [design], agent: { name: 'Dev', role: 'backend-dev' }, workdir: '/w/T-2', branch: 'huddle/T-2-implement-login', inboxFile: '/tmp/i/T-2.txt' };
    const prompt = taskPrompt(ctx);
    expect(prompt).toContain('Task T-2: Implement login\n\nEmail and password.');
    expect(prompt).toContain('Acceptance criteria:\n- Wrong password is refused');
    expect(prompt).toContain('It builds on:\n- T-1 Design login (done, by Ann)');
    expect(prompt).toContain('Sprint: Sprint 7 — Log in\nSprint objectives:\n- Users can log in');
    expect(prompt).toContain('Work in /w/T-2 (git branch huddle/T-2-implement-login; commit your work there).');
    expect(prompt).toContain('exit with status 0');
    const env = taskEnv(ctx, prompt, { url: 'ws://h', token: 'tok', bin: null });
    expect(env).toMatchObject({ HUDDLE_TASK_ID: 'T-2', HUDDLE_TASK_ACCEPTANCE: '- Wrong password is refused', HUDDLE_NAME: 'Dev', HUDDLE_BRANCH: 'huddle/T-2-implement-login' });
    expect(env).not.toHaveProperty('HUDDLE_BIN');
  });
});
