/**
 * Escalation options built from the situation (issue 12): the seed's infrastructure sentence reaches the
 * product owner with the choices it offers, each with its cost in hours and what it does to the sprint.
 */
import { describe, expect, it } from 'vitest';
import { onBlockerReport, type LadderContext } from '../../orchestrator/monitoring/blocker-resolver.js';
import { alternativesOf, escalationOptions, shortfallOf, sprintSlack } from '../../orchestrator/monitoring/escalation-options.js';
import { emptyMemory } from '../../orchestrator/monitoring/memory.js';
import { DEFAULT_MONITOR_OPTIONS } from '../../orchestrator/monitoring/options.js';
import { DAY, T0, makeSprint, makeTask, makeView } from '../helpers/monitor-fixtures.js';

const SEED_SENTENCE = 'the notifications need 1000+ concurrent connections but our infrastructure handles 100';

const auth = makeTask({ id: 'T-2', title: 'Implement user authentication for our API', objective: 'Implement user authentication for our API', domain: 'auth', priority: 'high', estimateHours: 16, status: 'in_progress', assignee: 'Bob' });
const notifications = makeTask({ id: 'T-6', title: 'Implement real-time notifications', objective: 'Add real-time notifications', domain: 'realtime', priority: 'medium', estimateHours: 17.5, status: 'blocked', assignee: 'Ada' });
const view = makeView({ sprint: makeSprint({ endsAt: T0 + 12 * DAY }), tasks: [auth, notifications] });

describe('options from the situation', () => {
  it('reads a shortfall and the alternatives a blocker names', () => {
    expect(shortfallOf(SEED_SENTENCE)).toEqual({ need: '1000+', have: '100', unit: 'concurrent connections' });
    expect(shortfallOf("The partner API's rate limit is 10 requests a second and we need about 200 for the sync")).toMatchObject({ need: '200', have: '10' });
    expect(alternativesOf('Should we scale to multiple regions or buy a bigger database for the load tests?')).toEqual(['Scale to multiple regions', 'Buy a bigger database for the load tests']);
    expect(alternativesOf('the login page is slow')).toBeNull();
  });

  it('turns the seed’s sentence into WebSockets at today’s scale, a Redis scale-out, a polling fallback, or authentication first', () => {
    const options = escalationOptions({ task: notifications, blocker: `Ada said: "${SEED_SENTENCE}"`, cause: { kind: 'business', reason: 'infrastructure' }, view });
    expect(options.map((o) => o.label)).toEqual([
      expect.stringMatching(/^Basic WebSockets at today's scale \(up to 100 concurrent connections\)/),
      expect.stringMatching(/^Redis-backed scale-out: .* for 1000\+ concurrent connections/),
      expect.stringMatching(/^Polling fallback for clients beyond 100 concurrent connections/),
      'Cut scope to "Implement user authentication for our API" first: move "Implement real-time notifications" to a later sprint',
    ]);
    expect(options.map((o) => o.effect)).toEqual(['note', 'note', 'note', 'defer']);
    expect(options.map((o) => o.hours)).toEqual([1, 17.5, 7, -17.5]);
    const slack = sprintSlack(view)!;
    expect(options[1]!.sprint).toBe(17.5 <= slack ? `about +17.5h, fits the sprint (${slack - 17.5}h of slack left)` : `about +17.5h, the sprint runs ${17.5 - slack}h over`);
    expect(options[3]!.sprint).toBe(`frees 17.5h, leaving ${slack + 17.5}h of slack`);
  });

  it('sends it to the product owner at once, each option labelled with its cost', () => {
    const ctx: LadderContext = { view, memory: emptyMemory(), options: DEFAULT_MONITOR_OPTIONS, pick: () => null };
    const [action] = onBlockerReport(notifications, `Ada said: "${SEED_SENTENCE}"`, ctx);
    expect(action).toMatchObject({ type: 'escalate', taskId: 'T-6', reason: expect.stringMatching(/product decision \(infrastructure\)/) });
    if (action?.type !== 'escalate') throw new Error('not an escalation');
    expect(action.options.map((o) => o.key)).toEqual(['A', 'B', 'C', 'D']);
    for (const o of action.options) expect(o.label).toMatch(/ — (?:about \+[\d.]+h|frees [\d.]+h)/);
  });
});
