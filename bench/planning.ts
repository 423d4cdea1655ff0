/**
 * Planning benchmark: objective analysis + breakdown, then the dependency graph and assignment, for
 * 1,000 tasks on 50 agents and 10,000 tasks on 200 agents; reports how the time grows between them.
 */
import { performance } from 'node:perf_hooks';
import { assignTasks } from '../orchestrator/planning/assignment.js';
import { breakdownObjectives, type PlannedTask } from '../orchestrator/planning/breakdown.js';
import type { TeamMember } from '../orchestrator/planning/capacity.js';
import { analyseGraph } from '../orchestrator/planning/dependency-graph.js';
import { analyseObjectives } from '../orchestrator/planning/objectives.js';
import { BUILT_IN_ROLES } from '../agents/roles.js';
import { round1 } from '../collaboration-server/units.js';
import type { BenchResult } from './result.js';

const PHRASES = [
  'implement user authentication for the API',
  'add real-time notifications',
  'improve our testing coverage',
  'build the admin dashboard',
  'fix slow database queries',
  'set up the deployment pipeline',
  'migrate legacy data',
  'harden security of the payment endpoints',
  'write the onboarding guide',
  'make the coffee machine sing',
];

function objectivesFor(taskCount: number): string[] {
  const texts: string[] = [];
  let tasks = 0;
  for (let i = 0; tasks < taskCount; i++) {
    const text = `${PHRASES[i % PHRASES.length]} part ${i + 1}`;
    texts.push(text);
    tasks += analyseObjectives([text]).objectives[0]!.work.length;
  }
  return texts;
}

function teamOf(size: number): TeamMember[] {
  const roles = BUILT_IN_ROLES.filter((r) => r.takesTasks);
  return Array.from({ length: size }, (_, i) => {
    const r = roles[i % roles.length]!;
    return { name: `Agent ${i + 1}`, role: r.role, expertise: r.expertise, hoursPerDay: r.hoursPerDay, capacityHours: r.hoursPerDay * 10, loadHours: 0 };
  });
}

interface Run {
  tasks: number;
  agents: number;
  breakdownMs: number;
  assignMs: number;
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

function run(taskCount: number, agentCount: number): Run {
  const texts = objectivesFor(taskCount);
  const team = teamOf(agentCount);
  const [tasks, breakdownMs] = time((): PlannedTask[] => breakdownObjectives(analyseObjectives(texts).objectives).slice(0, taskCount));
  const [, assignMs] = time(() => {
    // as a proposal does: the graph once, for the analysis and the assignment
    const graph = analyseGraph(tasks);
    return assignTasks(tasks, team, { graph });
  });
  return { tasks: tasks.length, agents: agentCount, breakdownMs, assignMs };
}

/** The best of a few runs, so a stray GC pause does not decide the number. */
function best(taskCount: number, agentCount: number, repeats: number): Run {
  const runs = Array.from({ length: repeats }, () => run(taskCount, agentCount));
  return runs.reduce((a, b) => (a.breakdownMs + a.assignMs <= b.breakdownMs + b.assignMs ? a : b));
}

export async function benchPlanning(): Promise<BenchResult[]> {
  run(200, 10); // warm up the JIT
  const small = best(1_000, 50, 3);
  const large = best(10_000, 200, 2);
  const total = (r: Run) => r.breakdownMs + r.assignMs;
  const results: BenchResult[] = [];
  for (const r of [small, large]) {
    const label = `${r.tasks} tasks / ${r.agents} agents`;
    results.push({ name: `planning: breakdown, ${label}`, value: round1(r.breakdownMs), unit: 'ms' });
    results.push({ name: `planning: graph + assignment, ${label}`, value: round1(r.assignMs), unit: 'ms' });
    results.push({ name: `planning: total, ${label}`, value: round1(total(r)), unit: 'ms', ...(r.tasks === 10_000 ? { note: 'goal < 250 ms' } : {}) });
  }
  results.push({
    name: 'planning: time growth, 10x tasks and 4x agents',
    value: round1(total(large) / total(small)),
    unit: 'x',
    note: 'tasks × agents grows 40x; an O(tasks × agents) engine stays at or below that',
  });
  return results;
}

// `node dist/bench/planning.js` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchPlanning()) process.stdout.write(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}\n`);
}
