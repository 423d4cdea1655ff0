/**
 * End to end with separate processes: `huddle up`, a product owner and three agents in plain JSON
 * mode. plan sprint → objectives → approve → each agent receives exactly its first-stage tasks.
 * Needs `npm run build`.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { assertBuilt, spawnHuddleUntilCleanup } from './helpers/cli.js';
import { SEED } from './helpers/planning-team.js';

const cleanup = cleanupAfterEach();
let dataDir: string | undefined;

beforeAll(assertBuilt);

const huddle = (args: string[]) => spawnHuddleUntilCleanup(args, cleanup);
const terminal = (name: string, role: string) => huddle(['agent', '--json', '--role', role, '--name', name, '--data', dataDir!]);

/** Titles of the tasks the lead assigned to `name`, as that terminal saw them. */
const assignedTo = (t: ReturnType<typeof terminal>, name: string) =>
  t.jsonLines()
    .filter((e) => e.type === 'task' && e.change?.action === 'assign' && e.task?.assignee === name)
    .map((e) => e.task.title as string)
    .sort();

const leadCard = (t: ReturnType<typeof terminal>, kind: string) => t.jsonLines().some((e) => e.type === 'message' && e.from?.role === 'orchestrator' && e.card?.kind === kind);

describe('planning end to end (built binary, separate processes)', () => {
  it('plans a sprint and gives each agent exactly its first-stage tasks', async () => {
    dataDir = tempDir('huddle-e2e-plan-', cleanup);
    const up = huddle(['up', '--port', '0', '--data', dataDir, '--tick', '1s']);
    await vi.waitFor(() => expect(up.out()).toMatch(/huddle hub listening on ws:\/\/127\.0\.0\.1:\d+/), { timeout: 15_000 });

    const agents = { CTO: terminal('CTO', 'cto'), 'Backend Developer': terminal('Backend Developer', 'backend-dev'), 'QA Engineer': terminal('QA Engineer', 'qa') };
    for (const a of Object.values(agents)) await vi.waitFor(() => expect(a.jsonLines().some((e) => e.type === 'joined')).toBe(true), { timeout: 15_000 });
    const po = terminal('Product Owner', 'human');
    await vi.waitFor(() => expect(po.jsonLines().some((e) => e.type === 'joined')).toBe(true), { timeout: 15_000 });

    po.write('plan sprint');
    await vi.waitFor(() => expect(leadCard(po, 'capacity')).toBe(true), { timeout: 15_000 });
    const capacity = po.jsonLines().find((e) => e.card?.kind === 'capacity')!.card;
    expect(capacity.agents.map((a: { name: string }) => a.name).sort()).toEqual(['Backend Developer', 'CTO', 'QA Engineer']);

    po.write(SEED);
    await vi.waitFor(() => expect(leadCard(po, 'breakdown')).toBe(true), { timeout: 15_000 });
    po.write('approve');

    await vi.waitFor(() => expect(assignedTo(agents.CTO, 'CTO')).toHaveLength(2), { timeout: 15_000 });
    await vi.waitFor(() => expect(assignedTo(agents['QA Engineer'], 'QA Engineer')).toHaveLength(1), { timeout: 15_000 });
    expect(assignedTo(agents.CTO, 'CTO')).toEqual(['Design real-time notifications', 'Design user authentication for our API']);
    expect(assignedTo(agents['QA Engineer'], 'QA Engineer')).toEqual(['Plan testing coverage']);
    // The lead writes to each assignee directly.
    await vi.waitFor(() => expect(agents.CTO.jsonLines().some((e) => e.type === 'message' && e.to?.kind === 'participant' && e.to.name === 'CTO')).toBe(true));
    // The backend developer's work waits for the designs: nothing yet.
    expect(assignedTo(agents['Backend Developer'], 'Backend Developer')).toEqual([]);
    expect(agents['Backend Developer'].jsonLines().some((e) => e.type === 'message' && e.to?.kind === 'participant' && e.to.name === 'Backend Developer')).toBe(false);
  }, 60_000);
});
