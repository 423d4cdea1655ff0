/**
 * The plain line mode: one stdin line is one input (chat or a slash command), events come out as
 * readable lines or, with --json, one JSON object per line. Ends on stdin EOF once the outbox drained.
 */
import { createInterface } from 'node:readline';
import type { HuddleClient } from '../../collaboration-server/client.js';
import type { HubEvent } from '../../collaboration-server/protocol.js';
import type { RoleSpec } from '../../agents/roles.js';
import { runInput, type CommandContext, type CommandResult } from '../input/commands.js';
import { emptyRoom, foldEvent, withEscalations, withTasks, withWelcome, type Me, type Room } from '../room.js';
import { askStartup } from '../input/startup.js';
import { connectionLine, eventLines, joinedLine, jsonLine, problemLine, resultLines } from './format.js';
import { presenceBatch } from './presence-batch.js';
import type { Timers } from '../ui/idle.js';

export interface PlainOptions {
  client: HuddleClient;
  me: Me;
  roles: RoleSpec[];
  json: boolean;
  /** print every card's details, not only where they add to the lead's text */
  cards?: boolean;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** when held joins and leaves are printed (presence-batch.ts); tests pass manual ones */
  timers?: Timers;
}

export async function runPlain({ client, me, roles, json, cards = false, input, output, timers }: PlainOptions): Promise<void> {
  const print = (lines: string[]) => {
    for (const l of lines) output.write(l + '\n');
  };
  const presence = presenceBatch((line) => print([line]), { timers });
  const write = (lines: string[]) => {
    // held joins come first: they happened before whatever is printed now
    presence.flush();
    print(lines);
  };
  const emit = (value: unknown) => output.write(jsonLine(value) + '\n');
  let room: Room = emptyRoom(me, roles);

  const show = (event: HubEvent) => {
    const seen = room;
    room = foldEvent(room, event);
    if (json) emit(event);
    else if (event.type === 'presence' && (event.change === 'joined' || event.change === 'left')) {
      // my own comings and goings the connection lines say; others' are folded into one line
      if (event.participant.name !== me.name) presence.add(event, seen.roster.some((p) => p.name === event.participant.name));
    } else write(eventLines(event, me, { room: seen, cards }));
  };
  client.on('event', show);
  client.on('welcome', (welcome) => {
    room = withWelcome(room, welcome);
  });
  client.on('state', (state) => {
    if (json) emit({ type: 'connection', state, queued: client.pendingCount });
    // my own connection does not end the row of joins: after a restart, the others' are one line with those replayed
    else print([connectionLine(state, client.pendingCount)]);
  });
  client.on('problem', (err) => (json ? emit({ type: 'problem', code: err.code, message: err.message }) : write([problemLine(err.message)])));

  if (client.welcome) {
    room = withWelcome(room, client.welcome);
    for (const event of client.welcome.history) show(event);
  }
  if (json) emit({ type: 'joined', name: me.name, role: me.role });
  else write([joinedLine(me)]);
  // their replies merge into what events already said
  askStartup(client, me.role, {
    tasks: (reply) => (room = withTasks(room, reply)),
    escalations: (reply) => (room = withEscalations(room, reply)),
    // input that ends at once (a join-once `< /dev/null`) closes the client before these answer: no error then
    failed: (err) => client.state !== 'closed' && (json ? emit({ type: 'problem', message: err.message }) : write([problemLine(err.message)])),
  });

  const ctx: CommandContext = { me, hub: client, room: () => room };
  const showResult = (result: CommandResult) => (json ? result.kind !== 'none' && emit({ type: 'result', ...result }) : write(resultLines(result)));
  // inputs go out at once (the outbox keeps their order); their results print in input order
  let printed: Promise<void> = Promise.resolve();
  await new Promise<void>((resolve) => {
    const lines = createInterface({ input, terminal: false });
    lines.on('line', (line) => {
      const pending = runInput(ctx, line);
      if (client.state !== 'online' && line.trim()) {
        const queued = client.pendingCount;
        if (json) emit({ type: 'connection', state: client.state, queued });
        else write([`~ not connected: ${queued} message(s) queued, sent when the hub is back`]);
      }
      printed = printed.then(async () => {
        const result = await pending;
        showResult(result);
        if (result.kind === 'quit') lines.close();
      });
    });
    lines.on('close', resolve);
  });
  await printed;
  presence.flush();
  client.removeAllListeners('state');
  client.close();
}
