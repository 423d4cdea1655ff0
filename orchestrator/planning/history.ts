/**
 * What the team has done before: estimated against actual hours per domain and per agent, and how
 * many tasks each agent finished or failed. It adjusts estimates and assignments once it exists.
 * Plain JSON, so the lead keeps it in the hub with `state_put`.
 */
import type { Task } from '../../collaboration-server/protocol.js';
import { HOUR } from '../../collaboration-server/units.js';
import { isTimed } from '../../collaboration-server/figures.js';

export interface Tally {
  estimated: number;
  actual: number;
  count: number;
}

export interface AgentRecord {
  done: number;
  failed: number;
  byDomain: Record<string, Tally>;
}

export interface TeamHistory {
  domains: Record<string, Tally>;
  agents: Record<string, AgentRecord>;
}

export const emptyHistory = (): TeamHistory => ({ domains: {}, agents: {} });

const addTo = (t: Tally | undefined, estimated: number, actual: number): Tally => ({
  estimated: (t?.estimated ?? 0) + estimated,
  actual: (t?.actual ?? 0) + actual,
  count: (t?.count ?? 0) + 1,
});
const agentOf = (h: TeamHistory, name: string): AgentRecord => h.agents[name] ?? { done: 0, failed: 0, byDomain: {} };

/** Hours a finished task really took: started (or assigned) to done, at most three times its estimate. */
export function actualHours(task: Task): number {
  const from = task.startedAt ?? task.createdAt;
  const hours = Math.max(0, ((task.completedAt ?? from) - from) / HOUR);
  return Math.min(hours, task.estimateHours * 3);
}

export { MIN_TIMED_HOURS, isTimed } from '../../collaboration-server/figures.js';

export function recordDone(h: TeamHistory, domain: string, agent: string, estimated: number, actual: number): TeamHistory {
  const a = agentOf(h, agent);
  if (!isTimed(actual)) return { ...h, agents: { ...h.agents, [agent]: { ...a, done: a.done + 1 } } };
  return {
    domains: { ...h.domains, [domain]: addTo(h.domains[domain], estimated, actual) },
    agents: { ...h.agents, [agent]: { ...a, done: a.done + 1, byDomain: { ...a.byDomain, [domain]: addTo(a.byDomain[domain], estimated, actual) } } },
  };
}

export function recordFailed(h: TeamHistory, agent: string): TeamHistory {
  const a = agentOf(h, agent);
  return { ...h, agents: { ...h.agents, [agent]: { ...a, failed: a.failed + 1 } } };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** actual ÷ estimated for a domain across the team, or null without history. */
export function domainFactor(h: TeamHistory | undefined, domain: string): number | null {
  const t = h?.domains[domain];
  if (!t || t.count === 0 || t.estimated <= 0) return null;
  return clamp(t.actual / t.estimated, 0.5, 2);
}

/** Share of an agent's finished tasks that were done rather than failed, or null without history. */
export function completionRate(h: TeamHistory | undefined, agent: string): number | null {
  const a = h?.agents[agent];
  if (!a || a.done + a.failed === 0) return null;
  return a.done / (a.done + a.failed);
}

/** How close the agent's actual hours came to the estimates in a domain: 1 is exact, lower is worse. */
export function estimateAccuracy(h: TeamHistory | undefined, agent: string, domain: string): number | null {
  const t = h?.agents[agent]?.byDomain[domain];
  if (!t || t.count === 0 || t.estimated <= 0) return null;
  const ratio = t.actual / t.estimated;
  return clamp(1 - Math.abs(1 - ratio), 0, 1);
}
