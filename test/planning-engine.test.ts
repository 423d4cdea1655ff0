import { describe, expect, it } from 'vitest';
import { assignTasks, pickAssignee, type Strategy } from '../orchestrator/planning/assignment.js';
import type { PlannedTask } from '../orchestrator/planning/breakdown.js';
import type { TeamMember } from '../orchestrator/planning/capacity.js';
import { analyseGraph } from '../orchestrator/planning/dependency-graph.js';
import { emptyHistory, recordDone, recordFailed } from '../orchestrator/planning/history.js';
import { analyseObjectives, splitObjectives } from '../orchestrator/planning/objectives.js';
import { objectivesReply } from '../orchestrator/planning/cards.js';
import { buildProposal, type PlanChoices } from '../orchestrator/planning/proposal.js';
import type { Task } from '../collaboration-server/protocol.js';
import { MONDAY, person, SEED, seedView } from './helpers/planning-team.js';

const choices = (objectives: string[], extra: Partial<PlanChoices> = {}): PlanChoices => ({
  objectives,
  strategy: 'expertise',
  pins: {},
  drops: [],
  estimates: {},
  startsAt: MONDAY,
  days: 14,
  ...extra,
});

const member = (name: string, role: string, expertise: string[], hoursPerDay = 6, loadHours = 0, workdays = 10): TeamMember => ({
  name,
  role,
  expertise,
  hoursPerDay,
  capacityHours: hoursPerDay * workdays,
  loadHours,
});

let n = 0;
const task = (over: Partial<PlannedTask> = {}): PlannedTask => ({
  key: `T-${++n}`,
  title: 'Implement login',
  objective: 'Implement login',
  objectiveIndex: 0,
  domain: 'auth',
  kind: 'implement',
  role: 'backend-dev',
  hours: 16,
  priority: 'medium',
  acceptance: [],
  dependsOn: [],
  tags: ['auth', 'implementation'],
  ...over,
});

describe('the seed scenario', () => {
  const proposal = buildProposal(choices([SEED]), seedView());

  it('finds three objectives and ranks authentication highest', () => {
    expect(proposal.objectives.map((o) => o.domains[0])).toEqual(['auth', 'realtime', 'testing']);
    expect(proposal.objectives[0]!.priority).toBe('high');
    expect(proposal.objectives.slice(1).every((o) => o.priority !== 'high')).toBe(true);
    expect(proposal.objectives[0]!.priorityCue).toMatch(/order/);
  });

  it('breaks them into 9-15 tasks with design to the CTO, implementation to the backend developer and tests to QA', () => {
    expect(proposal.tasks.length).toBeGreaterThanOrEqual(9);
    expect(proposal.tasks.length).toBeLessThanOrEqual(15);
    const who = (pred: (t: PlannedTask) => boolean) => [...new Set(proposal.tasks.filter(pred).map((t) => proposal.assignments.get(t.key)!.name))];
    expect(who((t) => t.title.startsWith('Design'))).toEqual(['CTO']);
    expect(who((t) => t.title.startsWith('Implement'))).toEqual(['Backend Developer']);
    expect(who((t) => t.kind === 'test' || t.domain === 'testing')).toEqual(['QA Engineer']);
    for (const a of proposal.assignments.values()) expect(a.rationale.length).toBeGreaterThan(5);
  });

  it('orders work by dependencies and fits a 14-day sprint', () => {
    const implement = proposal.tasks.find((t) => t.title.startsWith('Implement user authentication'))!;
    const design = proposal.tasks.find((t) => t.title.startsWith('Design user authentication'))!;
    expect(implement.dependsOn).toEqual([design.key]);
    expect(proposal.graph.stages).toBe(3);
    expect(proposal.feasibility).toMatchObject({ fits: true, overloads: [], cuts: [] });
    expect(proposal.capacity.totalHours).toBe(160); // 10 working days × (4 + 6 + 6) hours
  });
});

describe('objective analysis', () => {
  it('splits several objectives and reads priority cues', () => {
    expect(splitObjectives('Build a dashboard and fix slow queries; nice to have: dark mode')).toEqual(['Build a dashboard', 'fix slow queries', 'nice to have: dark mode']);
    const [first, second, third] = analyseObjectives(['Add a settings page', 'we must fix the urgent login crash', 'maybe add dark mode']).objectives;
    expect(first!.priority).toBe('high');
    expect(second).toMatchObject({ priority: 'high', priorityCue: '"must"' });
    expect(third).toMatchObject({ priority: 'low', priorityCue: '"maybe"' });
  });

  it('reads a priority said after the objective, and leaves it out of the objective and its tasks', () => {
    const [auth, dark, crash, required] = analyseObjectives(['User authentication with JWT is a must', 'Dark mode (nice to have)', 'Fix the login crash asap', 'Make two-factor login required']).objectives;
    expect(auth).toMatchObject({ text: 'User authentication with JWT', subject: 'User authentication with JWT', priority: 'high' });
    expect(dark).toMatchObject({ text: 'Dark mode', priority: 'low' });
    expect(crash).toMatchObject({ text: 'Fix the login crash', priority: 'high' });
    // "required" here is what is built, not a priority said after it
    expect(required!.text).toBe('Make two-factor login required');
  });

  it('keeps a list of things under one verb together, in its own words', () => {
    expect(splitObjectives('Implement auth with login, sessions and roles')).toEqual(['Implement auth with login, sessions and roles']);
    expect(splitObjectives('Rotate the API keys and move them into a vault, and add SSO')).toEqual(['Rotate the API keys and move them into a vault', 'add SSO']);
  });

  it('scales effort for modifiers', () => {
    const [plain] = analyseObjectives(['Build the API']).objectives;
    const [big] = analyseObjectives(['Build a scalable API from scratch']).objectives;
    expect(big!.hours).toBeGreaterThan(plain!.hours * 1.8);
    expect(big!.adjustments.join()).toMatch(/scalable.*from scratch/);
  });

  it('gives text that matches no domain a generic breakdown and says so', () => {
    const proposal = buildProposal(choices(['Make the coffee machine sing']), seedView());
    expect(proposal.objectives[0]).toMatchObject({ generic: true, domains: ['general'] });
    expect(proposal.tasks.map((t) => t.kind)).toEqual(['design', 'implement', 'implement', 'test']);
    const reply = objectivesReply(proposal);
    expect(reply.text).toMatch(/generic breakdown/);
    expect(reply.card).toMatchObject({ kind: 'objectives', objectives: [{ generic: true }] });
  });
});

describe('history', () => {
  it('changes an estimate once the team has actual hours in the domain', () => {
    let history = emptyHistory();
    history = recordDone(history, 'auth', 'Backend Developer', 10, 20);
    const [before] = analyseObjectives(['Implement login']).objectives;
    const [after] = analyseObjectives(['Implement login'], history).objectives;
    expect(after!.hours).toBeGreaterThan(before!.hours * 1.9);
    expect(after!.adjustments.join()).toMatch(/team history/);
  });

  it('counts a task done with no working time as done, but not as an estimate to learn from', () => {
    const history = recordDone(emptyHistory(), 'auth', 'Ann', 6, 0.01);
    expect(history.agents['Ann']).toMatchObject({ done: 1, byDomain: {} });
    expect(history.domains).toEqual({});
    const [plain] = analyseObjectives(['Implement login']).objectives;
    expect(analyseObjectives(['Implement login'], history).objectives[0]!.hours).toBe(plain!.hours);
  });

  it('changes an assignment: the agent who finishes their tasks gets the next one', () => {
    const team = [member('Ann', 'backend-dev', ['auth']), member('Ben', 'backend-dev', ['auth'])];
    const t = task();
    expect(assignTasks([t], team).get(t.key)!.name).toBe('Ann');
    let history = emptyHistory();
    for (let i = 0; i < 3; i++) history = recordFailed(history, 'Ann');
    history = recordDone(history, 'auth', 'Ben', 8, 8);
    const chosen = assignTasks([t], team, { history }).get(t.key)!;
    expect(chosen.name).toBe('Ben');
    expect(chosen.rationale).toMatch(/finished 100%/);
  });
});

describe('assignment strategies', () => {
  const pick = (tasks: PlannedTask[], team: TeamMember[], strategy: Strategy) => tasks.map((t) => assignTasks(tasks, team, { strategy }).get(t.key)!.name);

  it('expertise gives everything to the best-matched person while there is room', () => {
    const team = [member('CTO', 'cto', ['auth', 'design'], 4), member('Bob', 'backend-dev', ['auth', 'implementation'])];
    const tasks = [task(), task(), task()];
    expect(pick(tasks, team, 'expertise')).toEqual(['Bob', 'Bob', 'Bob']);
  });

  it('balanced spreads the load over everyone qualified', () => {
    const team = [member('CTO', 'cto', ['auth', 'design'], 4), member('Bob', 'backend-dev', ['auth', 'implementation'])];
    const tasks = [task(), task(), task()];
    const names = pick(tasks, team, 'balanced');
    expect(names).toContain('CTO');
    expect(names).toContain('Bob');
    const rationale = assignTasks(tasks, team, { strategy: 'balanced' }).get(tasks[0]!.key)!.rationale;
    expect(rationale).toMatch(/least loaded/);
  });

  it('balanced never gives work to someone with no matching skill', () => {
    const team = [member('QA', 'qa', ['testing']), member('Bob', 'backend-dev', ['auth', 'implementation'])];
    expect(pick([task(), task()], team, 'balanced')).toEqual(['Bob', 'Bob']);
  });

  it('deadline prefers whoever can finish soonest over the deepest expert', () => {
    const team = [member('Busy Expert', 'backend-dev', ['auth', 'implementation'], 10, 60), member('CTO', 'cto', ['auth'], 4)];
    const t = task({ hours: 8 });
    expect(assignTasks([t], team, { strategy: 'expertise' }).get(t.key)!.name).toBe('Busy Expert');
    const fast = assignTasks([t], team, { strategy: 'deadline' }).get(t.key)!;
    expect(fast.name).toBe('CTO');
    expect(fast.rationale).toMatch(/finish soonest/);
  });

  it('keeps a dependency chain with one agent when that saves a handoff', () => {
    const team = [member('Ann', 'backend-dev', ['auth']), member('Ben', 'backend-dev', ['auth'], 6, 2)];
    const first = task({ key: 'A-1', hours: 4 });
    const second = task({ key: 'A-2', hours: 4, dependsOn: ['A-1'] });
    const result = assignTasks([first, second], team);
    expect(result.get('A-1')!.name).toBe('Ann');
    expect(result.get('A-2')).toMatchObject({ name: 'Ann', rationale: expect.stringMatching(/keeps the chain from A-1/) });
  });

  it('keeps a product owner’s choice', () => {
    const team = [member('QA', 'qa', ['testing']), member('Bob', 'backend-dev', ['auth'])];
    const t = task();
    expect(assignTasks([t], team, { pins: { [t.key]: 'QA' } }).get(t.key)).toMatchObject({ name: 'QA', rationale: expect.stringMatching(/product owner/) });
  });

  it('picks another agent for a reassignment, or nobody', () => {
    const team = [member('Ann', 'backend-dev', ['auth']), member('Ben', 'backend-dev', ['auth']), member('QA', 'qa', ['testing'])];
    const existing = { id: 'T-4', title: 'Implement login', domain: 'auth', role: 'backend-dev', estimateHours: 8, percent: 50, priority: 'high', dependsOn: [] } as unknown as Task;
    expect(pickAssignee(existing, team, { exclude: ['Ann'] })).toMatchObject({ name: 'Ben', overCapacity: false });
    expect(pickAssignee(existing, team, { exclude: ['Ann', 'Ben', 'QA'] })).toBeNull();
  });
});

describe('capacity overflow', () => {
  it('flags people past capacity and suggests cutting the lowest priority first', () => {
    const view = seedView({ roster: [person('CTO', 'cto'), person('QA Engineer', 'qa')] });
    const proposal = buildProposal(choices([SEED], { days: 5 }), view);
    expect(proposal.feasibility.fits).toBe(false);
    expect(proposal.feasibility.overloads.length).toBeGreaterThan(0);
    expect([...proposal.assignments.values()].some((a) => a.overCapacity && a.rationale.startsWith('OVER CAPACITY'))).toBe(true);
    expect(proposal.feasibility.cuts[0]).toMatch(/^Cut "Improve our testing coverage" \(low priority/);
  });
});

describe('the dependency graph', () => {
  it('names a cycle', () => {
    const nodes = [
      { key: 'T-1', hours: 1, dependsOn: ['T-3'] },
      { key: 'T-2', hours: 1, dependsOn: ['T-1'] },
      { key: 'T-3', hours: 1, dependsOn: ['T-2'] },
      { key: 'T-4', hours: 1, dependsOn: [] },
    ];
    expect(() => analyseGraph(nodes)).toThrow(/dependency cycle: (T-1 → T-2 → T-3 → T-1|T-2 → T-3 → T-1 → T-2|T-3 → T-1 → T-2 → T-3)/);
  });

  it('computes stages and the critical path', () => {
    const g = analyseGraph([
      { key: 'a', hours: 2, dependsOn: [] },
      { key: 'b', hours: 5, dependsOn: [] },
      { key: 'c', hours: 1, dependsOn: ['a', 'b'] },
    ]);
    expect(g).toMatchObject({ stages: 2, criticalPathHours: 6, criticalPath: ['b', 'c'] });
  });

  it('asks to split a plan deeper than ten stages', () => {
    const chain = Array.from({ length: 11 }, (_, i) => ({ key: `T-${i + 1}`, hours: 1, dependsOn: i ? [`T-${i}`] : [] }));
    expect(() => analyseGraph(chain)).toThrow(/11 stages.*Split/);
  });
});
