/** The lead's planning messages: a plain-text body that reads well in any terminal, and its typed card. */
import type { Card, CardOf } from '../../collaboration-server/cards.js';
import { carriedDue, type Proposal } from './proposal.js';
import { pointsFor, type Objective } from './objectives.js';
import { formatDue } from './schedule.js';
import { round1 } from '../../collaboration-server/units.js';

export interface Reply {
  text: string;
  card?: Card;
}

/** An objective's points and hours as its tasks add up (after drops and re-estimates): the same figures as the tasks the hub gets. */
function objectiveSize(p: Proposal, o: Objective): { points: number; hours: number } {
  const mine = p.tasks.filter((t) => t.objectiveIndex === o.index);
  return { points: mine.reduce((s, t) => s + pointsFor(t.hours), 0), hours: round1(mine.reduce((s, t) => s + t.hours, 0)) };
}

export function objectivesCard(p: Proposal): CardOf<'objectives'> {
  const sized = new Map(p.objectives.map((o) => [o.index, objectiveSize(p, o)]));
  const totalHours = round1([...sized.values()].reduce((s, o) => s + o.hours, 0));
  const biggest = [...p.objectives].sort((a, b) => sized.get(b.index)!.hours - sized.get(a.index)!.hours)[0];
  const share = biggest && totalHours > 0 ? sized.get(biggest.index)!.hours / totalHours : 0;
  const balance =
    p.objectives.length < 2
      ? 'One objective: the sprint has a single focus.'
      : share > 0.6
        ? `Unbalanced: "${biggest!.text}" is ${Math.round(share * 100)}% of the work; consider splitting it.`
        : `Balanced: no objective is more than ${Math.round(share * 100)}% of the work.`;
  return {
    kind: 'objectives',
    objectives: p.objectives.map((o) => ({
      index: o.index + 1,
      text: o.text,
      priority: o.priority,
      priorityCue: o.priorityCue,
      points: sized.get(o.index)!.points,
      hours: sized.get(o.index)!.hours,
      domains: o.domains,
      generic: o.generic,
    })),
    totalPoints: [...sized.values()].reduce((s, o) => s + o.points, 0),
    totalHours,
    capacityHours: round1(p.capacity.totalHours),
    balance,
    fits: totalHours <= p.capacity.totalHours,
  };
}

/** What the lead could not read as objectives, named back so nothing is dropped in silence. */
export function unreadableLines(p: Pick<Proposal, 'unreadable'>): string[] {
  if (p.unreadable.length === 0) return [];
  return [
    `Not planned (${p.unreadable.length}): I could not read these as objectives. Say them again in plain English, one objective each, or leave them out:`,
    ...p.unreadable.map((u) => `  - "${u.text}": ${u.why}`),
  ];
}

export function objectivesReply(p: Proposal): Reply {
  const card = objectivesCard(p);
  const lines = [
    `Objectives (${p.objectives.length}):`,
    ...card.objectives.map((c, i) => {
      const o = p.objectives[i]!;
      const roles = [...new Set(o.work.map((w) => w.role))].join(', ');
      const notes = [o.generic ? 'no known domain matched: generic breakdown' : `domains: ${o.domains.join(', ')}`, `roles: ${roles}`, ...o.adjustments];
      return `  ${c.index}. ${o.text} — ${o.priority.toUpperCase()} (${o.priorityCue}), ${c.points} pts / ${c.hours}h; ${notes.join('; ')}`;
    }),
    ...unreadableLines(p),
    `Total: ${card.totalPoints} pts / ${card.totalHours}h against ${card.capacityHours}h available: ${card.fits ? 'fits' : 'does NOT fit'}.`,
    card.balance,
  ];
  return { text: lines.join('\n'), card };
}

export function breakdownCard(p: Proposal, strategy: string): CardOf<'breakdown'> {
  const carried = p.carried.map((c) => ({
    key: c.id,
    title: c.title,
    objective: `carried over from ${c.from}`,
    role: c.role,
    hours: c.hoursLeft,
    stage: 1,
    acceptance: [],
    dependsOn: [],
    assignee: c.owner,
    rationale: c.rationale,
    overCapacity: false,
    carriedPercent: c.percent,
  }));
  return {
    kind: 'breakdown',
    strategy,
    carriedHours: round1(p.carried.reduce((s, c) => s + c.hoursLeft, 0)),
    tasks: [...carried, ...p.tasks.map((t) => {
      const a = p.assignments.get(t.key);
      return {
        key: t.key,
        title: t.title,
        objective: t.objective,
        role: t.role,
        hours: t.hours,
        stage: p.graph.stageOf.get(t.key) ?? 1,
        acceptance: t.acceptance,
        dependsOn: t.dependsOn,
        assignee: a?.name ?? null,
        rationale: a?.rationale ?? '',
        overCapacity: a?.overCapacity ?? false,
      };
    })],
    stages: p.graph.stages,
    criticalPathHours: round1(p.graph.criticalPathHours),
    totalHours: p.feasibility.totalHours,
    capacityHours: p.feasibility.capacityHours,
    fits: p.feasibility.fits,
    overloads: p.feasibility.overloads,
    cuts: p.feasibility.cuts,
  };
}

export function breakdownReply(p: Proposal, strategy: string, lead = 'Proposed plan'): Reply {
  const card = breakdownCard(p, strategy);
  const fresh = card.tasks.filter((t) => t.carriedPercent === undefined);
  const lines = [
    `${lead} (strategy: ${strategy}): ${fresh.length} new tasks in ${card.stages} stages, critical path ${card.criticalPathHours}h, ${card.totalHours}h of ${card.capacityHours}h available. The ids are the ones the tasks will have. Each task is due when its stage should be finished (times UTC).`,
  ];
  if (p.carried.length) {
    lines.push(`Carried over (${card.carriedHours}h left, booked before the new work; due ${formatDue(carriedDue(p))}; \`drop T-n\` leaves one in the backlog):`);
    for (const c of p.carried) lines.push(`  ${c.id} ${c.title} — ${c.role}, ${c.percent}% done (was ${c.status.replace('_', ' ')}), ${c.hoursLeft}h left → ${c.owner ?? 'unassigned'} (${c.rationale})`);
    if (fresh.length) lines.push('New:');
  }
  const SHOWN = 40; // a chat message holds at most 32,000 characters; the card holds every task
  for (const t of fresh.slice(0, SHOWN)) {
    const after = t.dependsOn.length ? ` after ${t.dependsOn.join(', ')}` : '';
    const due = p.due.get(t.key);
    lines.push(`  ${t.key} [stage ${t.stage}${due === undefined ? '' : `, due ${formatDue(due)}`}] ${t.title} — ${t.role}, ${t.hours}h${after} → ${t.assignee ?? 'unassigned'}${t.overCapacity ? ' ⚠' : ''} (${t.rationale})`);
    lines.push(`       done when: ${t.acceptance.join('; ')}`);
  }
  if (fresh.length > SHOWN) lines.push(`  … and ${fresh.length - SHOWN} more tasks (in the card).`);
  if (card.fits) lines.push('It fits the sprint.');
  else {
    lines.push('It does NOT fit the sprint.');
    for (const o of card.overloads) lines.push(`  ${o.name} would have ${o.hours}h for ${o.capacityHours}h of capacity.`);
    if (card.cuts.length) lines.push('Suggested cuts (lowest priority first):', ...card.cuts.map((c) => `  - ${c}`));
  }
  return { text: lines.join('\n'), card };
}
