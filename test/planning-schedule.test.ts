/** Due times from the plan: each task is due when its dependency stage should be finished. */
import { describe, expect, it } from 'vitest';
import type { Task } from '../collaboration-server/protocol.js';
import { DAY } from '../collaboration-server/units.js';
import type { Assignment } from '../orchestrator/planning/assignment.js';
import type { PlannedTask } from '../orchestrator/planning/breakdown.js';
import { createMonitorBehaviour } from '../orchestrator/monitoring/behaviour.js';
import { DEFAULT_MONITOR_OPTIONS } from '../orchestrator/monitoring/options.js';
import { breakdownReply } from '../orchestrator/planning/cards.js';
import { buildProposal, taskDrafts, type PlanChoices } from '../orchestrator/planning/proposal.js';
import { dueTimes } from '../orchestrator/planning/schedule.js';
import { makeSprint, makeTask, makeView } from './helpers/monitor-fixtures.js';
import { MONDAY, SEED, seedView } from './helpers/planning-team.js';

const choices = (objectives: string[], days = 14): PlanChoices => ({ objectives, strategy: 'expertise', pins: {}, drops: [], estimates: {}, startsAt: MONDAY, days });
const stageOf = (p: ReturnType<typeof buildProposal>, key: string) => p.graph.stageOf.get(key)!;

describe('due times from the plan', () => {
  const p = buildProposal(choices([SEED]), seedView());
  const endsAt = MONDAY + 14 * DAY;

  it('gives every task a due time within the sprint, stage after stage, the last stage at its end', () => {
    expect(p.due.size).toBe(p.tasks.length);
    for (const t of p.tasks) {
      const due = p.due.get(t.key)!;
      expect(due).toBeGreaterThan(MONDAY);
      expect(due).toBeLessThanOrEqual(endsAt);
      for (const d of t.dependsOn) expect(p.due.get(d)!).toBeLessThan(due);
    }
    const byStage = (s: number) => [...new Set(p.tasks.filter((t) => stageOf(p, t.key) === s).map((t) => p.due.get(t.key)!))];
    expect(byStage(1)).toHaveLength(1);
    expect(byStage(1)[0]!).toBeLessThan(byStage(2)[0]!);
    expect(byStage(2)[0]!).toBeLessThan(byStage(3)[0]!);
    expect(byStage(3)).toEqual([endsAt]);
  });

  it('paces the stages by the busiest person in each, so a long stage gets more of the sprint', () => {
    // Stage 1: the CTO's 12h of design at 4h a day is 3 days; stage 2: the backend developer's 32.5h at 6h a day, 5.4 days.
    const [d1, d2] = [p.due.get('T-1')!, p.due.get('T-2')!];
    expect(d2 - d1).toBeGreaterThan(d1 - MONDAY);
    // Due times fall at the start of a working day, never on a weekend.
    for (const due of p.due.values()) expect([0, 6]).not.toContain(new Date(due).getUTCDay());
  });

  it('puts the due time on the drafts the hub takes, and in the breakdown text', () => {
    const drafts = taskDrafts(p);
    expect(drafts.every((d) => typeof d.due === 'number' && d.due === p.due.get(d.key!))).toBe(true);
    const text = breakdownReply(p, 'expertise').text;
    expect(text).toMatch(/T-1 \[stage 1, due Thu 8 Jan 09:00\] Design user authentication/);
    expect(text).toMatch(/T-3 \[stage 3, due Mon 19 Jan 09:00\] Security review of user authentication/);
    expect(text).toMatch(/T-4 \[stage 3, due Mon 19 Jan 09:00\] Test user authentication/);
  });

  it('spreads a small plan over the sprint and squeezes one that does not fit into it', () => {
    const node = (key: string, hours: number, dependsOn: string[] = []) => ({ key, hours, dependsOn }) as PlannedTask;
    const tasks = [node('T-1', 12), node('T-2', 12, ['T-1'])];
    const graph = { stageOf: new Map([['T-1', 1], ['T-2', 2]]), stages: 2 };
    const ada = new Map<string, Assignment>(tasks.map((t) => [t.key, { key: t.key, name: 'Ada', rationale: '', overCapacity: false }]));
    const team = { startsAt: MONDAY, endsAt: MONDAY + 14 * DAY, members: [{ name: 'Ada', role: 'backend-dev', expertise: [], hoursPerDay: 6, capacityHours: 60, loadHours: 0 }] };
    // Two equal stages of 2 days each in a 10-working-day sprint: half the sprint each.
    const small = dueTimes(tasks, graph, ada, team);
    expect(small.get('T-1')).toBe(MONDAY + 7 * DAY); // the sixth working day begins
    expect(small.get('T-2')).toBe(team.endsAt);
    // 120h each (40 days of work) in the same sprint: still half and half, still within it.
    const big = dueTimes(tasks.map((t) => ({ ...t, hours: 120 })), graph, ada, team);
    expect([big.get('T-1'), big.get('T-2')]).toEqual([MONDAY + 7 * DAY, team.endsAt]);
    // Nobody to take them: paced at a usual 6h day, each task its own lane.
    expect(dueTimes(tasks, graph, new Map(), team).get('T-1')).toBe(MONDAY + 7 * DAY);
  });
});

describe('SLA alerts per task, once the plan sets due times', () => {
  it('says each missed stage-1 task when its own due time passes, long before the sprint ends', () => {
    const p = buildProposal(choices([SEED]), seedView());
    const sprint = makeSprint({ startsAt: MONDAY, endsAt: MONDAY + 14 * DAY });
    const tasks: Task[] = taskDrafts(p).map((d, i) =>
      makeTask({ id: d.key!, title: d.title, due: d.due!, assignee: p.assignments.get(d.key!)?.name ?? null, status: i === 0 ? 'done' : 'in_progress', updatedAt: MONDAY, startedAt: MONDAY, createdAt: MONDAY }),
    );
    const stage1Due = p.due.get('T-1')!;
    const monitor = createMonitorBehaviour({ ...DEFAULT_MONITOR_OPTIONS, staleAfterMs: 100 * DAY });
    const slaAlerts = (now: number) =>
      monitor.onTick!(makeView({ sprint, tasks, now, roster: seedView().roster })).flatMap((a) => (a.type === 'chat' && a.card?.kind === 'alert' && a.card.title.startsWith('SLA') ? [a.card.taskId] : []));

    expect(slaAlerts(stage1Due)).toEqual([]); // due, not yet late
    // A minute later: the other stage-1 tasks (T-5, T-8) are late; T-1 is done; later stages are not due yet.
    const late = p.tasks.filter((t) => p.graph.stageOf.get(t.key) === 1 && t.key !== 'T-1').map((t) => t.key);
    expect(slaAlerts(stage1Due + 60_000).sort()).toEqual(late.sort());
    expect(slaAlerts(stage1Due + 120_000)).toEqual([]); // said once
    const stage2Due = p.due.get('T-2')!;
    expect(slaAlerts(stage2Due + 60_000).sort()).toEqual(p.tasks.filter((t) => p.graph.stageOf.get(t.key) === 2).map((t) => t.key).sort());
  });
});
