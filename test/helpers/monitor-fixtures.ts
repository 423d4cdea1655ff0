/** Plain data for the monitor's unit tests: tasks, a sprint, a roster and a view, with few keystrokes. */
import { BUILT_IN_ROLES } from '../../agents/roles.js';
import type { Escalation, MessageEvent, Participant, Sprint, Task, TaskChange, TaskEvent } from '../../collaboration-server/protocol.js';
import { DAY, HOUR } from '../../collaboration-server/units.js';
import type { LeadView } from '../../orchestrator/lead-view.js';

export { DAY, HOUR };
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

export function makeTask(fields: Partial<Task> = {}): Task {
  return {
    id: 'T-1',
    sprintId: 'S-1',
    title: 'Implement token validation',
    description: '',
    objective: 'User authentication',
    domain: 'auth',
    role: 'backend-dev',
    estimateHours: 4,
    points: 3,
    priority: 'medium',
    acceptance: [],
    dependsOn: [],
    assignee: 'Ada',
    rationale: '',
    status: 'in_progress',
    percent: 0,
    due: null,
    atRisk: false,
    startedAt: T0,
    completedAt: null,
    createdAt: T0,
    updatedAt: T0,
    notes: [],
    ...fields,
  };
}

export function makeSprint(fields: Partial<Sprint> = {}): Sprint {
  return { id: 'S-1', number: 1, name: 'Sprint 1', goal: 'Ship auth', startsAt: T0, endsAt: T0 + 5 * DAY, status: 'active', objectives: [], createdAt: T0, closedAt: null, ...fields };
}

export function makeEscalation(fields: Partial<Escalation> = {}): Escalation {
  return {
    id: 'E-1',
    taskId: 'T-1',
    title: 'Scope too big',
    blocker: 'no time',
    impact: '',
    reason: '',
    options: [
      { key: 'A', label: 'drop T-1', effect: 'drop' },
      { key: 'B', label: 'defer', effect: 'defer' },
    ],
    status: 'open',
    createdAt: T0,
    ...fields,
  };
}

export const person = (name: string, role: string, status: Participant['status'] = 'online'): Participant => ({ id: `p-${name}`, name, role, status });

export const TEAM: Participant[] = [
  person('Lead', 'orchestrator'),
  person('Paula', 'human'),
  person('Ada', 'backend-dev'),
  person('Bob', 'backend-dev'),
  person('Quinn', 'qa'),
];

export function makeView(fields: Partial<LeadView> = {}): LeadView {
  return { sprint: makeSprint(), tasks: [], roster: TEAM, roles: [...BUILT_IN_ROLES], escalations: [], self: 'Lead', now: T0, ...fields };
}

let seq = 0;
export function message(name: string, role: string, text: string, ts = T0): MessageEvent {
  return { type: 'message', seq: ++seq, ts, from: { id: `p-${name}`, name, role }, to: { kind: 'all' }, text };
}

export function taskEvent(task: Task, change: Partial<TaskChange> & Pick<TaskChange, 'action'>, ts = task.updatedAt): TaskEvent {
  return {
    type: 'task',
    seq: ++seq,
    ts,
    task,
    change: { taskId: task.id, by: task.assignee ?? 'Lead', from: task.status, to: task.status, note: null, percent: null, assignee: task.assignee, previousAssignee: null, ...change },
  };
}

