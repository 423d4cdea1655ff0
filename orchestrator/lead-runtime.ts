/**
 * The technical lead's runtime, the only part of the orchestrator that does I/O: it builds the view
 * from the hub, folds every event into it, asks each behaviour what to do and sends the actions in
 * order, each after the previous one was acknowledged. It keeps nothing the hub cannot give back.
 */
import type { HuddleClient } from '../collaboration-server/client.js';
import { systemClock, type Clock } from '../collaboration-server/clock.js';
import { HuddleError } from '../collaboration-server/errors.js';
import type { HubEvent } from '../collaboration-server/protocol.js';
import { MINUTE } from '../collaboration-server/units.js';
import type { RoleSpec } from '../agents/roles.js';
import { applyEvent, type Behaviour, type LeadAction, type LeadView } from './lead-view.js';

export interface LeadOptions {
  client: HuddleClient;
  behaviours: Behaviour[];
  roles: RoleSpec[];
  clock?: Clock;
  /** how often behaviours get `onTick` (0: never) */
  tickMs?: number;
  /** chat messages the lead may send per minute; the rest wait their turn */
  chatPerMinute?: number;
  log?: (line: string) => void;
}

export interface Lead {
  view(): LeadView;
  /** resolves once every event received so far has been handled and its actions sent */
  settled(): Promise<void>;
  /** 1 while a chat message waits for the per-minute cap */
  chatsWaiting(): number;
  /** gives the behaviours a tick now, after what is queued (an advisor's answer has landed) */
  tick(): void;
  close(): void;
}

/** where the lead keeps the sequence number of the last message it handled */
export const CURSOR_KEY = 'lead:cursor';
/** messages read from history per request while catching up */
const HISTORY_PAGE = 500;

export async function createLead(options: LeadOptions): Promise<Lead> {
  const { client, behaviours, roles } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const chatCap = options.chatPerMinute ?? 30;
  let closed = false;
  let work: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void>) => {
    work = work.then(job).catch((err: unknown) => log(`lead: ${(err as Error).message}`));
  };

  // Events that arrive while the snapshot is taken wait in the queue behind it.
  let view: LeadView = { sprint: null, tasks: [], roster: [], roles, escalations: [], taskEvents: [], decisions: [], backlog: [], self: client.name, now: clock.now() };
  /** the last message handled: a message seen twice (history and live) is handled once */
  let lastMessageSeq = 0;
  const saveCursor = (seq: number) => client.send({ type: 'state_put', key: CURSOR_KEY, value: { seq } });
  const onEvent = (event: HubEvent) => enqueue(() => handle(event));
  client.on('event', onEvent);
  if (!client.welcome) await client.connect();

  async function snapshot(): Promise<void> {
    const [who, tasks, escalations, taskEvents, backlog] = await Promise.all([
      client.request({ type: 'who' }),
      client.request({ type: 'tasks' }),
      client.request({ type: 'escalations', status: 'all' }),
      client.request({ type: 'task_events' }),
      client.request({ type: 'backlog' }),
    ]);
    // Both queries name the active sprint; should a new one start between them, its events come live.
    const events = taskEvents.sprint?.id === tasks.sprint?.id ? taskEvents.events : [];
    view = {
      ...view,
      sprint: tasks.sprint,
      tasks: tasks.tasks,
      roster: who.participants,
      escalations: escalations.escalations,
      decisions: escalations.decisions,
      taskEvents: events,
      backlog: backlog.tasks,
      now: clock.now(),
    };
  }
  enqueue(async () => {
    await snapshot();
    for (const b of behaviours) {
      if (!b.restore) continue;
      const saved = await client.request({ type: 'state_get', key: b.name });
      if (saved.value !== null && saved.value !== undefined) b.restore(saved.value);
    }
    await catchUp(client.welcome?.lastSeq ?? 0);
    // Pick up where a previous run stopped (an approved sprint not yet created, tasks ready to hand out).
    for (const b of behaviours) if (b.onTick) await run(b, () => b.onTick!(view));
  });
  /**
   * Messages that arrived while no lead was listening (a restart) are read from the hub's history,
   * from the last one handled: a product owner who said `approve` meanwhile is still heard. The very
   * first run starts from the moment it joined (`joinedAt`, the hub's last seq in its welcome), so old
   * chat is never acted on, while what was said between joining and listening (the wait for the lead's
   * seat) still is.
   */
  async function catchUp(joinedAt: number): Promise<void> {
    const saved = (await client.request({ type: 'state_get', key: CURSOR_KEY })).value as { seq?: unknown } | null;
    let from = typeof saved?.seq === 'number' ? saved.seq : null;
    if (from === null) {
      from = joinedAt;
      lastMessageSeq = Math.max(lastMessageSeq, joinedAt);
      await saveCursor(joinedAt);
    }
    // Everything after the cursor, a page at a time, oldest first, including messages that are also on
    // their way live: handle() skips repeats. The cursor moves once a page, not once a message, so a
    // long catch-up stays within the hub's frame rate; a lead stopped mid-page handles the rest of that
    // page again, and its actions' frame ids (from the event) let the hub apply each once.
    for await (const page of client.history({ after: from })) {
      for (const e of page) await handle(e, false);
      const last = page.at(-1);
      if (last) await saveCursor(last.seq).catch(() => {});
    }
  }

  // A hub that lost our session (restarted from its files) cannot replay what we missed: ask again.
  const onWelcome = (w: { resumed: boolean; lastSeq: number }) => {
    if (!w.resumed) {
      enqueue(snapshot);
      enqueue(() => catchUp(w.lastSeq));
    }
  };
  client.on('welcome', onWelcome);

  async function handle(event: HubEvent, moveCursor = true): Promise<void> {
    if (event.type === 'message') {
      if (event.seq <= lastMessageSeq) return;
      lastMessageSeq = event.seq;
    }
    view = applyEvent(view, event);
    // Never answer itself or another bot: two leads must not talk to each other in a loop.
    if (event.type === 'message' && (event.from.name === view.self || event.from.role === 'orchestrator')) return;
    for (const b of behaviours) await run(b, () => b.onEvent(event, view), `e${event.seq}`);
    if (moveCursor && event.type === 'message') await saveCursor(event.seq).catch(() => {});
  }

  /**
   * `cause`: the event that led to these actions. Their frame ids are derived from it, so a lead
   * killed after sending some of them and restarted on the same event sends them again under the same
   * ids, and the hub applies each once (the product owner does not see the breakdown twice).
   */
  async function run(behaviour: Behaviour, decide: () => LeadAction[], cause?: string): Promise<void> {
    const { name } = behaviour;
    let actions: LeadAction[];
    try {
      actions = decide();
    } catch (err) {
      log(`lead: behaviour ${name} failed: ${(err as Error).message}`);
      return;
    }
    for (const [i, action] of actions.entries()) {
      if (closed) return;
      if (action.type === 'chat') await chatTurn();
      try {
        const { once, ...frame } = action;
        await client.send(frame, { id: once ?? (cause ? `${cause}:${name}:${i}` : undefined) });
      } catch (err) {
        log(`lead: ${action.type} refused: ${(err as Error).message}`);
        // after the events already on their way (they explain the refusal), never in the middle of this run
        if (behaviour.onRefused && err instanceof HuddleError) enqueue(() => run(behaviour, () => behaviour.onRefused!(action, err, view), `${cause ?? 'tick'}:refused:${i}`));
      }
    }
  }

  // At most `chatCap` chat messages in any minute; the next waits for the oldest to age out.
  const sentAt: number[] = [];
  let waitingChats = 0;
  async function chatTurn(): Promise<void> {
    for (;;) {
      const now = clock.now();
      while (sentAt.length && sentAt[0]! <= now - MINUTE) sentAt.shift();
      if (sentAt.length < chatCap) {
        sentAt.push(now);
        return;
      }
      // Re-check at least every second, so a clock that jumps (a test's fake clock) is noticed.
      waitingChats = 1;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(10, sentAt[0]! + MINUTE - now))));
      waitingChats = 0;
      if (closed) return;
    }
  }

  const tickNow = () => {
    if (closed) return;
    enqueue(async () => {
      view = { ...view, now: clock.now() };
      for (const b of behaviours) if (b.onTick) await run(b, () => b.onTick!(view));
    });
  };
  const tick = options.tickMs ? setInterval(tickNow, options.tickMs) : undefined;
  tick?.unref();

  await work;
  return {
    view: () => view,
    chatsWaiting: () => waitingChats,
    tick: tickNow,
    async settled() {
      let seen: Promise<void> | undefined;
      while (seen !== work) {
        seen = work;
        await work;
      }
    },
    close() {
      closed = true;
      clearInterval(tick);
      client.off('event', onEvent);
      client.off('welcome', onWelcome);
    },
  };
}
