/**
 * The store contract (collaboration-server/store/store.ts) as one suite, run against every store:
 * store-sqlite.test.ts and store-postgres.test.ts call it with a way to open a fresh store and to open
 * the same one again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toHuddleError } from '../collaboration-server/errors.js';
import type { Escalation, HubEvent, Sprint, Task } from '../collaboration-server/protocol.js';
import type { ParticipantRow, Store } from '../collaboration-server/store/index.js';

export interface StoreFixture {
  store: Store;
  /** closes the store and opens the same data again */
  reopen(): Promise<Store>;
}

const viewer = (id: string, name: string, role = 'backend-dev') => ({ id, name, role });
const alice = viewer('p-alice', 'Alice');
const bob = viewer('p-bob', 'Bob', 'frontend-dev');
const lead = viewer('p-lead', 'Lead', 'orchestrator');

const person = (id: string, name: string, at: number, role = 'backend-dev'): ParticipantRow => ({ id, name, role, sessionId: `s-${id}`, createdAt: at, lastSeen: at });
const sprint = (id: string, at: number, status: Sprint['status'] = 'active', number = at): Sprint => ({
  id, number, name: id, goal: 'ship', startsAt: at, endsAt: at + 1000, status, objectives: ['a', 'b'], createdAt: at, closedAt: null,
});
const task = (id: string, sprintId: string, status: Task['status'] = 'pending'): Task => ({
  id, sprintId, title: `do ${id}`, description: '', objective: 'a', domain: 'api', role: 'backend-dev', estimateHours: 2, points: 1, priority: 'medium',
  acceptance: [], dependsOn: [], assignee: null, rationale: '', status, percent: 0, due: null, atRisk: false, startedAt: null, completedAt: null,
  createdAt: 1, updatedAt: 1, notes: [],
});
const escalation = (id: string, at: number): Escalation => ({ id, taskId: null, title: 't', blocker: 'b', impact: 'i', reason: 'r', options: [{ key: 'A', label: 'wait', effect: 'defer' }], status: 'open', createdAt: at });

function say(store: Store, from: { id: string; name: string }, text: string, to: { kind: 'all' } | { kind: 'participant'; name: string } | { kind: 'role'; role: string } = { kind: 'all' }) {
  return store.transaction(() =>
    store.events.append({ type: 'message', from: { ...from, role: 'backend-dev' }, to, text }, 1000, from.id, to),
  );
}

const texts = (events: HubEvent[]) => events.map((e) => (e.type === 'message' ? e.text : e.type));
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return toHuddleError(err, 'hub').code;
  }
  return 'no error';
};

export function storeContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`the store contract: ${name}`, () => {
    let fixture: StoreFixture | undefined;
    let current: Store | undefined;
    const start = async () => {
      fixture = await open();
      current = fixture.store;
      return current;
    };
    const reopen = async () => (current = await fixture!.reopen());
    afterEach(() => current?.close());

    it('numbers events 1, 2, 3 in order and keeps both the event and the one JSON text of it', async () => {
      const store = await start();
      expect(store.events.lastSeq()).toBe(0);
      const stored = [say(store, alice, 'one'), say(store, bob, 'two'), say(store, alice, 'three')];
      expect(stored.map((s) => s.event.seq)).toEqual([1, 2, 3]);
      expect(JSON.parse(stored[1]!.json)).toEqual(stored[1]!.event);
      expect(store.events.lastSeq()).toBe(3);
      expect(store.events.since(0, alice, 100)).toEqual(stored.map((s) => s.event));
    });

    it('shows each viewer only what it may see: direct to a name or a role, its own, and the lead everything', async () => {
      const store = await start();
      say(store, alice, 'to all');
      say(store, alice, 'to bob', { kind: 'participant', name: 'Bob' });
      say(store, alice, 'to frontend', { kind: 'role', role: 'frontend-dev' });
      say(store, bob, 'to lead', { kind: 'participant', name: 'Lead' });
      const carol = viewer('p-carol', 'Carol');
      expect(texts(store.events.since(0, carol, 100))).toEqual(['to all']);
      expect(texts(store.events.since(0, bob, 100))).toEqual(['to all', 'to bob', 'to frontend', 'to lead']);
      expect(texts(store.events.since(0, alice, 100))).toEqual(['to all', 'to bob', 'to frontend']);
      expect(texts(store.events.since(0, lead, 100))).toEqual(['to all', 'to bob', 'to frontend', 'to lead']);
      expect(texts(store.events.since(1, lead, 2))).toEqual(['to bob', 'to frontend']);
    });

    it('pages history backwards and forwards, messages only unless all', async () => {
      const store = await start();
      for (const text of ['m1', 'm2', 'm3']) say(store, alice, text);
      store.transaction(() => store.events.append({ type: 'presence', participant: { ...alice, status: 'away' }, change: 'away' }, 1, alice.id));
      say(store, alice, 'm5');
      expect(texts(store.events.history(alice, 2))).toEqual(['m3', 'm5']);
      expect(texts(store.events.history(alice, 2, undefined, true))).toEqual(['presence', 'm5']);
      expect(texts(store.events.history(alice, 2, 3))).toEqual(['m1', 'm2']);
      expect(texts(store.events.history(alice, 10, 5, false, 1))).toEqual(['m2', 'm3']);
      expect(texts(store.events.history(alice, 10, 6, true, 2))).toEqual(['m3', 'presence', 'm5']);
    });

    it("finds a sprint's events of one type", async () => {
      const store = await start();
      store.transaction(() => {
        store.work.createSprint(sprint('S-1', 1));
        store.events.append({ type: 'sprint', by: 'Lead', sprint: sprint('S-1', 1), tasks: [] }, 1, lead.id, { kind: 'all' }, 'S-1');
        store.events.append({ type: 'sprint', by: 'Lead', sprint: sprint('S-2', 1), tasks: [] }, 1, lead.id, { kind: 'all' }, 'S-2');
      });
      say(store, alice, 'not in a sprint');
      expect(store.events.ofSprint('S-1', 'sprint').map((e) => e.seq)).toEqual([1]);
      expect(store.events.ofSprint('S-1', 'task')).toEqual([]);
    });

    it('commits a transaction whole or not at all, and a nested one that fails undoes only itself', async () => {
      const store = await start();
      expect(() =>
        store.transaction(() => {
          say(store, alice, 'lost');
          store.kv.setState('k', 1);
          throw new Error('refused');
        }),
      ).toThrow('refused');
      expect(store.events.since(0, lead, 10)).toEqual([]);
      expect(store.kv.state('k')).toBeNull();

      const value = store.transaction(() => {
        say(store, alice, 'kept');
        expect(() =>
          store.transaction(() => {
            say(store, alice, 'undone');
            throw new Error('this frame only');
          }),
        ).toThrow('this frame only');
        say(store, alice, 'kept too');
        return 42;
      });
      expect(value).toBe(42);
      const events = store.events.since(0, lead, 10);
      expect(texts(events)).toEqual(['kept', 'kept too']);
      expect(events[1]!.seq).toBeGreaterThan(events[0]!.seq);
      expect(store.events.lastSeq()).toBe(events[1]!.seq);
    });

    it('keeps everything across a reopen, and numbers on from where it stopped', async () => {
      let store = await start();
      say(store, alice, 'before');
      store.participants.create(person('p-alice', 'Alice', 5), 'hash');
      store.kv.setState('plan', { step: 2 });
      store = await reopen();
      expect(store.events.lastSeq()).toBe(1);
      expect(say(store, alice, 'after').event.seq).toBe(2);
      expect(store.participants.byName('Alice')?.id).toBe('p-alice');
      expect(store.kv.state('plan')).toEqual({ step: 2 });
    });

    it('keeps participants: by name, look-alikes, everyone in join order, the recently seen first', async () => {
      const store = await start();
      store.participants.create(person('p1', 'Alice', 10), 'h1');
      store.participants.create(person('p2', 'Bob', 20), 'h2');
      store.participants.create(person('p3', 'Carol', 30), 'h3');
      expect(store.participants.byName('Alice')).toEqual(person('p1', 'Alice', 10));
      expect(store.participants.byName('alice')).toBeUndefined();
      expect(store.participants.lookalikeOf('alice')?.name).toBe('Alice');
      expect(store.participants.lookalikeOf('Alice')).toBeUndefined();
      store.participants.update({ ...person('p2', 'Bob', 20), role: 'qa', sessionId: 'new', lastSeen: 50 });
      store.participants.seen('p1', 40);
      expect(store.participants.byName('Bob')).toMatchObject({ role: 'qa', sessionId: 'new', lastSeen: 50 });
      expect(store.participants.all().map((p) => p.name)).toEqual(['Alice', 'Bob', 'Carol']);
      expect(store.participants.recent(2).map((p) => p.name)).toEqual(['Bob', 'Alice']);
      expect(store.participants.count()).toBe(3);
      expect(codeOf(() => store.participants.create(person('p4', 'Alice', 60), 'h4'))).toBe('STORAGE_FAILED');
    });

    it("keeps each participant's credential: active when made, revoked or open when changed, revoked for nobody", async () => {
      const store = await start();
      store.participants.create(person('p1', 'Alice', 10), 'hash-1');
      expect(store.participants.credential('p1')).toEqual({ hash: 'hash-1', state: 'active' });
      store.participants.setCredential('p1', { hash: null, state: 'open' });
      expect(store.participants.credential('p1')).toEqual({ hash: null, state: 'open' });
      expect(store.participants.records()).toEqual([{ ...person('p1', 'Alice', 10), credential: 'open' }]);
      expect(store.participants.credential('nobody')).toEqual({ hash: null, state: 'revoked' });
    });

    it('finds a participant by a standing credential only', async () => {
      const store = await start();
      store.participants.create(person('p1', 'Alice', 10), 'hash-1');
      store.participants.create(person('p2', 'Bob', 20), 'hash-2');
      expect(store.participants.byCredential('hash-2')?.name).toBe('Bob');
      expect(store.participants.byCredential('hash-3')).toBeUndefined();
      store.participants.setCredential('p2', { hash: 'hash-2', state: 'revoked' });
      expect(store.participants.byCredential('hash-2')).toBeUndefined();
    });

    it('applies a frame id once per participant', async () => {
      const store = await start();
      expect(store.frames.get('p1', 'f1')).toBeUndefined();
      store.frames.put('p1', 'f1', { seq: 7, result: { taskIds: ['T-1'] } });
      store.frames.put('p1', 'f2', { seq: null, result: undefined });
      store.frames.put('p2', 'f1', { seq: 8, result: undefined });
      expect(store.frames.get('p1', 'f1')).toEqual({ seq: 7, result: { taskIds: ['T-1'] } });
      expect(store.frames.get('p1', 'f2')).toEqual({ seq: null, result: undefined });
      expect(codeOf(() => store.frames.put('p1', 'f1', { seq: 9, result: undefined }))).toBe('STORAGE_FAILED');
    });

    it("keeps the lead's documents and appends to a task's artifacts", async () => {
      const store = await start();
      expect(store.kv.state('planning')).toBeNull();
      store.kv.setState('planning', { phase: 'draft', n: [1, 2] });
      store.kv.setState('planning', { phase: 'approved' });
      expect(store.kv.state('planning')).toEqual({ phase: 'approved' });
      expect(store.kv.artifact('T-1', 'log')).toBe('');
      store.kv.appendToArtifact('T-1', 'log', 'line 1\n');
      store.kv.appendToArtifact('T-1', 'log', 'line 2\n');
      expect(store.kv.artifact('T-1', 'log')).toBe('line 1\nline 2\n');
      expect(store.kv.artifact('T-1', 'diff')).toBe('');
      store.kv.appendToArtifact('T-1', 'diff', 'ab');
      expect(store.kv.artifactKinds('T-1')).toEqual([{ kind: 'diff', chars: 2 }, { kind: 'log', chars: 14 }]);
      expect(store.kv.artifactKinds('T-2')).toEqual([]);
      store.kv.deleteState('planning');
      expect(store.kv.state('planning')).toBeNull();
    });

    it('keeps sprints and tasks: the active sprint first, task ids in order, the unfinished counted', async () => {
      const store = await start();
      store.transaction(() => {
        store.work.createSprint(sprint('S-old', 1));
        store.work.createSprint(sprint('S-new', 2, 'completed'));
      });
      expect(store.work.currentSprint()?.id).toBe('S-old');
      store.work.setSprint('S-old', 'completed');
      expect(store.work.currentSprint()?.id).toBe('S-new');
      expect(store.work.sprint('S-old')).toEqual({ ...sprint('S-old', 1), status: 'completed' });
      expect(store.work.sprint('S-none')).toBeUndefined();
      expect(store.work.sprints().map((s) => s.id)).toEqual(['S-old', 'S-new']);

      const ids = store.transaction(() => [store.work.newTaskId('S-new'), store.work.newTaskId('S-new'), store.work.newTaskId('S-new')]);
      expect(ids).toEqual(['T-1', 'T-2', 'T-3']);
      store.transaction(() => {
        store.work.saveTask(task('T-1', 'S-new', 'done'));
        store.work.saveTask({ ...task('T-2', 'S-new', 'in_progress'), assignee: 'Alice' });
        store.work.saveTask(task('T-3', 'S-new', 'cancelled'));
        store.work.openBlockerFor('T-2', 'Alice', 'waiting', 5);
        store.work.resolveBlockersOf('T-2', 6);
      });
      expect(store.work.task('T-2')).toEqual({ ...task('T-2', 'S-new', 'in_progress'), assignee: 'Alice' });
      expect(store.work.task('T-9')).toBeUndefined();
      expect(store.work.task('nonsense')).toBeUndefined();
      expect(store.work.tasks('S-new').map((t) => t.id)).toEqual(['T-1', 'T-2', 'T-3']);
      expect(store.work.unfinishedTasks('S-new')).toBe(1);
    });

    it("closes a sprint with its record, keeps the unfinished in the backlog, and moves them on under their ids", async () => {
      const store = await start();
      store.transaction(() => {
        store.work.createSprint(sprint('S-1', 1));
        store.work.newTaskId('S-1');
        store.work.newTaskId('S-1');
        store.work.saveTask(task('T-1', 'S-1', 'done'));
        store.work.saveTask({ ...task('T-2', 'S-1', 'in_progress'), percent: 40 });
      });
      expect(store.work.nextSprintNumber()).toBe(2);
      expect(store.work.lastTaskNumber()).toBe(2);
      expect(store.work.sprintNamed('S-1')?.id).toBe('S-1');
      expect(store.work.sprintNamed('nobody')).toBeUndefined();
      expect(store.work.backlog()).toEqual([]);

      const atClose = store.work.tasks('S-1');
      store.transaction(() => {
        store.work.closeSprint('S-1', 'closed', 50, atClose);
        store.work.saveTask({ ...task('T-2', 'S-1', 'pending'), percent: 40 });
      });
      expect(store.work.sprint('S-1')).toMatchObject({ status: 'closed', closedAt: 50 });
      expect(store.work.sprintRecord('S-1').map((t) => [t.id, t.status])).toEqual([['T-1', 'done'], ['T-2', 'in_progress']]);
      expect(store.work.backlog().map((t) => [t.id, t.status, t.percent])).toEqual([['T-2', 'pending', 40]]);
      expect(store.work.backlog(0)).toEqual([]);

      store.transaction(() => {
        store.work.createSprint(sprint('S-2', 2));
        store.work.moveTask({ ...task('T-2', 'S-2', 'pending'), percent: 40 });
        expect(store.work.newTaskIdAt('T-7', 'S-2')).toBe('T-7');
        store.work.saveTask(task('T-7', 'S-2'));
      });
      expect(store.work.backlog()).toEqual([]);
      expect(store.work.sprintRecord('S-2').map((t) => t.id)).toEqual(['T-2', 'T-7']);
      expect(store.work.sprints().map((s) => [s.id, s.number])).toEqual([['S-1', 1], ['S-2', 2]]);
      expect(store.work.sprints(1).map((s) => s.id)).toEqual(['S-2']);
      expect(store.work.lastTaskNumber()).toBe(7);
      expect(store.work.newTaskId('S-2')).toBe('T-8');
    });

    it("finds one task's latest events, whichever sprint they were written in", async () => {
      const store = await start();
      const change = (id: string, sprintId: string) => ({
        type: 'task' as const, task: task(id, sprintId), change: { taskId: id, action: 'note' as const, by: 'Lead', from: 'pending' as const, to: 'pending' as const, note: 'n', percent: null, assignee: null, previousAssignee: null },
      });
      store.transaction(() => {
        store.events.append(change('T-1', 'S-1'), 1, lead.id, { kind: 'all' }, 'S-1');
        store.events.append(change('T-2', 'S-1'), 2, lead.id, { kind: 'all' }, 'S-1');
        store.events.append(change('T-1', 'S-2'), 3, lead.id, { kind: 'all' }, 'S-2');
      });
      expect(store.events.ofTask('T-1', 10).events.map((e) => e.seq)).toEqual([1, 3]);
      expect(store.events.ofTask('T-1', 1)).toMatchObject({ events: [{ seq: 3 }], total: 2 });
      expect(store.events.ofTask('T-3', 10)).toEqual({ events: [], total: 0 });
    });

    it('keeps escalations and the decisions that answer them', async () => {
      const store = await start();
      store.work.createEscalation(escalation('E-1', 1));
      store.work.createEscalation(escalation('E-2', 2));
      expect(store.work.count('escalations')).toBe(2);
      expect(store.work.escalation('E-1')).toEqual(escalation('E-1', 1));
      const decision = { id: 'D-1', escalationId: 'E-1', option: 'A', text: 'wait', by: 'Dana', createdAt: 3 };
      store.transaction(() => store.work.decide({ ...escalation('E-1', 1), status: 'answered' }, decision));
      expect(store.work.escalations('open').map((e) => e.id)).toEqual(['E-2']);
      expect(store.work.escalations('answered').map((e) => e.id)).toEqual(['E-1']);
      expect(store.work.escalations('all').map((e) => e.id)).toEqual(['E-1', 'E-2']);
      expect(store.work.decisions()).toEqual([decision]);
      expect(store.work.count('decisions')).toBe(1);
    });
  });
}
