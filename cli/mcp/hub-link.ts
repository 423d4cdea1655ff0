/**
 * The MCP process's tie to the hub: the participant's own client (connected the way every terminal
 * connects, kept online by its reconnects, resume and outbox), the inbox it feeds, and calls that
 * wait for the hub a bounded time. A call the hub does not answer in time ends with a sentence that
 * says whether it is queued; it is never dropped, and the client keeps trying by itself.
 */
import type { HuddleClient } from '../../collaboration-server/client.js';
import { HuddleError } from '../../collaboration-server/errors.js';
import type { AckFrame } from '../../collaboration-server/protocol.js';
import type { Inbox } from './inbox.js';
import { eventsSince } from './events-since.js';
import { belongsInInbox } from './inbox-item.js';

/** What a participant new to this data folder finds in its inbox: the latest items only. */
const FIRST_TIME_ITEMS = 20;

export type LinkState = 'connecting' | 'online' | 'reconnecting' | 'refused' | 'closed';

export interface HubLinkOptions {
  /** the client once it joined (connectAs with waitForHub: it resolves when the hub is there) */
  connecting: Promise<HuddleClient>;
  inbox: Inbox;
  /** how long a call waits for the hub before it answers that the hub is unreachable */
  waitMs: number;
  log: (line: string) => void;
}

export class HubLink {
  private client: HuddleClient | undefined;
  private refusal: HuddleError | undefined;

  constructor(private readonly options: HubLinkOptions) {
    options.connecting.then(
      (client) => this.attach(client),
      (err: unknown) => {
        this.refusal = err instanceof HuddleError ? err : new HuddleError('INTERNAL', String(err));
        options.log(`could not join: ${this.refusal.message}`);
      },
    );
  }

  get state(): LinkState {
    if (this.refusal) return 'refused';
    return this.client?.state ?? 'connecting';
  }

  private attach(client: HuddleClient): void {
    this.client = client;
    const { inbox, log } = this.options;
    client.on('event', (event) => inbox.add(event));
    client.on('state', (state) => log(`hub connection ${state}${client.pendingCount ? ` (${client.pendingCount} frame(s) queued)` : ''}`));
    client.on('problem', (err) => log(`hub: ${err.message}`));
    // A hub that lost this session (restarted from its files) cannot replay what was missed: read it again.
    client.on('welcome', (welcome) => {
      if (!welcome.resumed) this.fill(client);
    });
    log(`joined ${client.options.url} as ${client.name} (${client.options.role})${client.options.companion ? ', beside its own connection' : ''}`);
    this.fill(client);
  }

  /**
   * Everything after what the participant last saw, from the hub's history, into the inbox. A
   * participant never shown anything here starts with the latest few items, not the room's whole past.
   */
  private fill(client: HuddleClient): void {
    const { inbox } = this.options;
    const firstTime = inbox.seenUpTo === 0;
    eventsSince(client, inbox.seenUpTo, firstTime ? 1 : 4).then(
      ({ events }) => {
        const mine = events.filter((e) => belongsInInbox(e, inbox.me));
        for (const event of firstTime ? mine.slice(-FIRST_TIME_ITEMS) : mine) inbox.add(event);
      },
      (err: Error) => this.options.log(`could not read what was missed: ${err.message}`),
    );
  }

  /** A query to the hub, answered within the wait or ended with a sentence saying why not. */
  query<T>(ask: (client: HuddleClient) => Promise<T>): Promise<T> {
    return this.call(ask, 'query');
  }

  /** A command (it changes the room): when the hub is down it stays queued and is applied once when it is back. */
  command(send: (client: HuddleClient) => Promise<AckFrame>): Promise<AckFrame> {
    return this.call(send, 'command');
  }

  private call<T>(run: (client: HuddleClient) => Promise<T>, kind: 'query' | 'command'): Promise<T> {
    if (this.refusal) return Promise.reject(this.refusal);
    const work = this.client ? run(this.client) : this.options.connecting.then(run);
    let timer: NodeJS.Timeout | undefined;
    let late = false;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        late = true;
        reject(this.unreachable(kind));
      }, this.options.waitMs);
    });
    // the work goes on after the caller stopped waiting (a queued command is still applied): a late failure is logged
    work.catch((err: Error) => {
      if (late) this.options.log(`a ${kind} failed after its call had ended: ${err.message}`);
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }

  private unreachable(kind: 'query' | 'command'): HuddleError {
    if (this.refusal) return this.refusal;
    const state = this.state;
    if (state === 'online') {
      return new HuddleError('TIMEOUT', `The hub did not answer within ${Math.round(this.options.waitMs / 1000)}s. ${kind === 'command' ? 'The change is queued and applied once; calling again with the same arguments will not apply it twice.' : 'Try again in a moment.'}`);
    }
    const where = this.client ? ` at ${this.client.options.url}` : '';
    const queued = kind === 'command'
      ? ' This change is queued and will be applied once when the hub is back: calling again with the same arguments will not apply it twice.'
      : ' Try again in a moment.';
    return new HuddleError('DISCONNECTED', `The hub is not reachable right now (${state}${where}); this server reconnects by itself.${queued}`);
  }
}
