/**
 * Two sprints in a row with separate processes (`huddle up`, a product owner and three agents in plain
 * JSON mode, one-shot commands): sprint 1 approved, partly done, one task blocked with a decision;
 * `plan sprint` warns of the open work; the product owner closes it, and `huddle up` is killed -9 right
 * after the close and started again on the same folder and port; the unfinished tasks are carried into
 * sprint 2, which is approved with the ids its proposal showed; `huddle tasks`, `huddle status` and the
 * report agree on every figure, for both sprints; nothing said or done before the kill is lost.
 * Needs `npm run build`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { assertBuilt, runHuddle, spawnHuddle, startHubProcess } from './helpers/cli.js';
import { fromLead, joinStoryTeam, mine, tasksSeen, type Terminal } from './helpers/story-terminal.js';

const cleanup = cleanupAfterEach();
let dataDir = '';

beforeAll(assertBuilt);

type Json = Record<string, any>;

const once = (args: string[]) => runHuddle([...args, '--data', dataDir], { cwd: tmpdir() });
const jsonLinesOf = (out: string): Json[] => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Json);
const terminal = (name: string, role: string): Terminal => {
  const t = spawnHuddle(['agent', '--json', '--role', role, '--name', name, '--data', dataDir], { cwd: tmpdir() });
  cleanup(() => t.kill('SIGKILL'));
  return Object.assign(t, { name });
};
const saidByLead = (t: Terminal, pattern: RegExp) => fromLead(t).filter((e) => pattern.test(e.text));
const wait = (fn: () => unknown, timeout = 20_000) => vi.waitFor(fn, { timeout, interval: 50 });

describe('two sprints in a row (built binary, separate processes)', () => {
  it('closes sprint 1 through a kill -9, carries its open work into sprint 2 under the ids shown, and every view agrees', async () => {
    dataDir = join(tempDir('huddle-e2e-sprints-', cleanup), '.huddle');
    const startUp = async (port = '0') => {
      const up = await startHubProcess(dataDir, 'up', ['--port', port, '--tick', '300ms']);
      cleanup(() => up.kill('SIGKILL'));
      await up.line(/is in the room/);
      return up;
    };
    const first = await startUp();
    const port = new URL(first.url).port;

    const { cto, backend, qa, po } = await joinStoryTeam(terminal);

    // Sprint 1: planned and approved.
    po.write('plan sprint');
    await wait(() => expect(fromLead(po, 'capacity')).toHaveLength(1));
    po.write('We need to implement user authentication for our API, and improve our testing coverage');
    await wait(() => expect(fromLead(po, 'breakdown')).toHaveLength(1));
    const plan1 = fromLead(po, 'breakdown')[0]!.card.tasks as Json[];
    po.write('approve');
    await wait(() => expect(po.jsonLines().some((e) => e.type === 'sprint' && e.sprint.status === 'active')).toBe(true));
    const sprint1 = po.jsonLines().find((e) => e.type === 'sprint')!.sprint as Json;
    expect(sprint1.name).toMatch(/^Sprint 1 · \d{4}-\d\d-\d\d → \d{4}-\d\d-\d\d$/);
    expect(jsonLinesOf((await once(['tasks', '--json'])).stdout).map((t) => t.id)).toEqual(plan1.map((t) => t.key));

    // Partly done: the design is done, the implementation under way, the test plan blocked and decided.
    await wait(() => expect(mine(cto, 'assigned').map((x) => x.title)).toContain('Design user authentication for our API'));
    const design = mine(cto, 'assigned').find((x) => x.title.startsWith('Design user authentication'))!;
    cto.write(`/start ${design.id}`);
    cto.write(`/done ${design.id} token model written down`);
    await wait(() => expect(mine(backend, 'assigned').map((x) => x.title)).toContain('Implement user authentication for our API'));
    const impl = mine(backend, 'assigned').find((x) => x.title.startsWith('Implement user authentication'))!;
    backend.write(`/progress ${impl.id} 40 sessions work`);
    await wait(() => expect(mine(qa, 'assigned').map((x) => x.title)).toContain('Plan testing coverage'));
    const testPlan = mine(qa, 'assigned').find((x) => x.title === 'Plan testing coverage')!;
    qa.write(`/start ${testPlan.id}`);
    qa.write(`/blocked ${testPlan.id} Should we scale to multiple regions or buy a bigger database for the load tests?`);
    await wait(() => expect(fromLead(po, 'escalation')).toHaveLength(1));
    expect((await once(['answer', 'E-1', 'A', 'one region is enough', '--name', 'Product Owner', '--role', 'human'])).code).toBe(0);
    await wait(() => expect(tasksSeen(qa).find((x) => x.id === testPlan.id)).toMatchObject({ status: 'in_progress' }));
    await wait(() => expect(tasksSeen(backend).find((x) => x.id === impl.id)).toMatchObject({ status: 'in_progress', percent: 40 }));

    // plan sprint while it runs: the lead names the open work and asks to close it first.
    po.write('plan sprint');
    await wait(() => expect(saidByLead(po, /is still running/)).toHaveLength(1));
    const warning = saidByLead(po, /is still running/)[0]!.text as string;
    expect(warning).toContain(`${impl.id} in progress 40% — Implement user authentication for our API → Backend Developer`);
    expect(warning).toMatch(new RegExp(`${testPlan.id} in progress \\d+% — Plan testing coverage → QA Engineer; E-1 decided \\(D-1\\)`));
    expect(warning).toMatch(/Close it first\?/);
    const open1 = plan1.map((t) => t.key).filter((id) => id !== design.id);

    // yes: the sprint is closed, and the hub is killed -9 at once, with the lead mid-way through it.
    po.write('yes');
    await wait(() => expect(po.jsonLines().some((e) => e.type === 'sprint' && e.sprint.id === sprint1.id && e.sprint.status === 'closed')).toBe(true));
    await first.kill('SIGKILL');
    await startUp(port);
    // the team's terminals reconnect on their own; the next plan is made for whoever is back
    const online = async () => jsonLinesOf((await once(['who', '--json'])).stdout).filter((p) => p.status === 'online').map((p) => p.name);
    await wait(async () => expect(await online()).toEqual(expect.arrayContaining([cto.name, backend.name, qa.name, po.name])), 30_000);

    // After the restart: the close holds, the report is posted once, the plan carries the open work.
    await wait(() => expect(fromLead(po, 'sprint_report')).toHaveLength(1), 30_000);
    const report1 = fromLead(po, 'sprint_report')[0]!.card as Json;
    expect(report1).toMatchObject({ sprintId: sprint1.id, status: 'closed', tasksDone: 1, tasksTotal: plan1.length });
    expect([...report1.unfinished].sort()).toEqual([...open1].sort());
    await wait(() => expect(fromLead(po, 'breakdown').some((e) => e.card.tasks.some((t: Json) => t.carriedPercent !== undefined))).toBe(true), 30_000);
    const backlog = jsonLinesOf((await once(['backlog', '--json'])).stdout);
    expect(backlog.map((t) => t.id).sort()).toEqual([...open1].sort());
    expect(backlog.find((t) => t.id === impl.id)).toMatchObject({ status: 'pending', percent: 40 });

    // New work, then approve: sprint 2 holds exactly the ids its proposal showed.
    const shownBefore = fromLead(po, 'breakdown').length;
    po.write('add Build an audit log export');
    await wait(() => expect(fromLead(po, 'breakdown').length).toBeGreaterThan(shownBefore));
    const plan2 = fromLead(po, 'breakdown').at(-1)!.card.tasks as Json[];
    const carried = plan2.filter((t) => t.carriedPercent !== undefined);
    const fresh = plan2.filter((t) => t.carriedPercent === undefined);
    expect(carried.map((t) => t.key).sort()).toEqual([...open1].sort());
    expect(carried.find((t) => t.key === impl.id)).toMatchObject({ carriedPercent: 40, assignee: 'Backend Developer' });
    expect(fresh[0]!.key).toBe(`T-${plan1.length + 1}`);
    po.write('approve');
    await wait(() => expect(po.jsonLines().some((e) => e.type === 'sprint' && e.sprint.status === 'active' && e.sprint.id !== sprint1.id)).toBe(true));
    const sprint2 = po.jsonLines().filter((e) => e.type === 'sprint' && e.sprint.status === 'active').at(-1)!.sprint as Json;
    expect(sprint2).toMatchObject({ number: 2, name: expect.stringMatching(/^Sprint 2 · /) });
    const tasks2 = jsonLinesOf((await once(['tasks', '--json'])).stdout);
    expect(tasks2.map((t) => t.id).sort()).toEqual(plan2.map((t) => t.key).sort());
    for (const t of plan2) expect(tasks2.find((x) => x.id === t.key)?.title).toBe(t.title);

    // Work in sprint 2 uses those ids: the carried implementation goes on at 40%, a new task is done.
    await wait(() => expect(mine(backend, 'assigned').map((x) => x.id)).toContain(impl.id));
    backend.write(`/start ${impl.id}`);
    backend.write(`/done ${impl.id}`);
    await wait(() => expect(tasksSeen(po).find((x) => x.id === impl.id)).toMatchObject({ status: 'done', sprintId: sprint2.id }));

    // Inside the room, for a team member: /status, plain `status` answered by the lead, /task in full.
    qa.write('/status');
    await wait(() => expect(qa.jsonLines().some((e) => e.type === 'result' && e.kind === 'lines' && /^Sprint 2 · .*: \d+\/\d+ tasks done/.test(e.title))).toBe(true));
    qa.write('status');
    await wait(() => expect(fromLead(qa).some((e) => e.to?.kind === 'participant' && e.to.name === 'QA Engineer' && /^# Sprint 2 · /.test(e.text))).toBe(true));
    qa.write(`/task ${testPlan.id}`);
    await wait(() => expect(qa.jsonLines().some((e) => e.type === 'result' && e.title === `${testPlan.id} Plan testing coverage`)).toBe(true));
    const details = qa.jsonLines().find((e) => e.type === 'result' && e.title === `${testPlan.id} Plan testing coverage`)!.lines as string[];
    expect(details.join('\n')).toMatch(/Assignee: QA Engineer — why: [\s\S]*Done when: [\s\S]*Notes:[\s\S]*Decision E-1[\s\S]*History:[\s\S]*# .* carry /);

    // Every view agrees, for sprint 2 now and for sprint 1 as it closed.
    for (const sprint of [sprint2, sprint1]) {
      const scope = ['--sprint', sprint.id as string];
      const status = JSON.parse((await once(['status', '--json', ...scope])).stdout) as Json;
      const report = JSON.parse((await once(['report', '--format', 'json', ...scope])).stdout) as Json;
      const listed = jsonLinesOf((await once(['tasks', '--json', ...scope])).stdout);
      const header = (await once(['tasks', ...scope])).stdout.split('\n')[0]!;
      const done = listed.filter((t) => t.status === 'done').length;
      const total = listed.filter((t) => t.status !== 'cancelled').length;
      const percent = Math.round((done / total) * 100);
      expect(status.completion).toEqual(report.completion);
      expect(status.completion).toMatchObject({ done, total, percent });
      expect(header).toContain(`${done}/${total} tasks done (${percent}%)`);
      expect((await once(['status', ...scope])).stdout).toContain(`${done}/${total} tasks done`);
      if (sprint === sprint1) expect([report1.tasksDone, report1.tasksTotal, report1.completionPercent, report1.pointsDone]).toEqual([done, total, percent, status.completion.pointsDone]);
    }
    const sprints = (await once(['sprints'])).stdout;
    expect(sprints).toMatch(new RegExp(`1  closed .* 1/${plan1.length} tasks done .* ${open1.length} to the backlog  Sprint 1 · `));
    expect(sprints).toMatch(/2  active .* +Sprint 2 · /);

    // Nothing before the kill is lost: the decision, and the test plan's whole story.
    const escalations = jsonLinesOf((await once(['escalations', '--all', '--json'])).stdout);
    expect(escalations).toEqual([expect.objectContaining({ id: 'E-1', status: 'answered', decision: expect.objectContaining({ id: 'D-1', by: 'Product Owner' }) })]);
    const story = JSON.parse((await once(['task', 'show', testPlan.id, '--json'])).stdout) as Json;
    expect(story.events.map((e: Json) => e.change.action)).toEqual(['assign', 'start', 'block', 'note', 'unblock', 'backlog', 'carry', 'assign']);
    expect(story.task.notes).toEqual(expect.arrayContaining([expect.stringMatching(/Decision E-1/), expect.stringMatching(/carried over from Sprint 1/)]));
    // Closed work is read-only, enforced by the hub.
    const late = await once(['task', 'done', design.id, '--name', 'CTO', '--role', 'cto']);
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(/Sprint 1 .* is closed: its tasks are read-only/);
  }, 150_000);
});
