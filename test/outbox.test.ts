/**
 * The outbox the Node client and the web page share, driven with no socket: a connection is a list
 * of the frames written to it. Each answer settles the frame it names and no other; a frame waiting
 * over a reconnect is written once on the next connection, with the id it was given.
 */
import { describe, expect, it } from 'vitest';
import type { AckFrame, ErrorFrame, ReplyFrame } from '../collaboration-server/protocol.js';
import { Outbox } from '../collaboration-server/outbox.js';

class Refused extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

function outbox(): Outbox {
  let n = 0;
  return new Outbox({ newId: () => `f${++n}`, refusal: (frame) => new Refused(frame.code, frame.message) });
}

/** a connection: what was written to it, parsed */
function connection() {
  const written: (Record<string, unknown> & { id: string })[] = [];
  return { write: (text: string) => void written.push(JSON.parse(text) as Record<string, unknown> & { id: string }), written, ids: () => written.map((f) => f.id) };
}

/** an outbox the hub has welcomed, on one connection */
function onlineOutbox() {
  const box = outbox();
  const link = connection();
  box.online(link.write);
  return { box, link };
}

const ack = (id: string, seq: number | null = null): AckFrame => ({ type: 'ack', id, seq, duplicate: false });
const reply = (id: string, key: string): ReplyFrame => ({ type: 'reply', id, data: { kind: 'state', key, value: key } });
const error = (id: string | null, message: string): ErrorFrame => ({ type: 'error', id, code: 'FORBIDDEN', message });

/** a promise's outcome, once it has one */
function outcome(p: Promise<unknown>) {
  const seen: { value?: unknown; error?: unknown; settled: boolean } = { settled: false };
  p.then(
    (value) => Object.assign(seen, { value, settled: true }),
    (err: unknown) => Object.assign(seen, { error: err, settled: true }),
  );
  return seen;
}
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the outbox', () => {
  it('gives each frame an id and writes it with its body while online', () => {
    const { box, link } = onlineOutbox();
    void box.add({ type: 'chat', text: 'hello' });
    void box.add({ type: 'chat', text: 'again' }, 'decision-7');
    expect(link.written).toEqual([
      { type: 'chat', text: 'hello', id: 'f1' },
      { type: 'chat', text: 'again', id: 'decision-7' },
    ]);
    expect(box.size).toBe(2);
  });

  it('settles each frame with its own answer, whatever order the answers come in', async () => {
    const { box } = onlineOutbox();
    const command = outcome(box.add({ type: 'chat', text: 'a' }));
    const query = outcome(box.add({ type: 'state_get', key: 'b' }));
    const refused = outcome(box.add({ type: 'sprint_close' }));
    const other = outcome(box.add({ type: 'state_get', key: 'd' }));

    const answers = [reply('f4', 'd'), error('f3', 'only the lead may close a sprint'), ack('f1', 42), reply('f2', 'b')];
    expect(answers.map((answer) => box.settle(answer))).toEqual([true, true, true, true]);
    await flush();

    expect(command).toEqual({ settled: true, value: ack('f1', 42) });
    expect(query).toEqual({ settled: true, value: { kind: 'state', key: 'b', value: 'b' } });
    expect(other).toEqual({ settled: true, value: { kind: 'state', key: 'd', value: 'd' } });
    expect(refused.settled).toBe(true);
    expect(refused.error).toBeInstanceOf(Refused);
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', message: 'only the lead may close a sprint' });
    expect(box.size).toBe(0);
  });

  it('leaves its frames waiting for an answer that names none of them, or one already settled', async () => {
    const { box } = onlineOutbox();
    const first = outcome(box.add({ type: 'chat', text: 'a' }));
    const second = outcome(box.add({ type: 'chat', text: 'b' }));

    const strangers = [ack('someone-else'), error(null, 'the frame is not valid JSON'), error('hello-id', 'the credential does not belong to this name')];
    expect(strangers.map((answer) => box.settle(answer))).toEqual([false, false, false]);
    expect(box.settle(ack('f1'))).toBe(true);
    // the hub answers a retried frame again: the frame is settled already, the other one still waits
    expect([error('f1', 'too late'), reply('f1', 'x')].map((answer) => box.settle(answer))).toEqual([false, false]);
    await flush();

    expect(first).toEqual({ settled: true, value: ack('f1') });
    expect(second.settled).toBe(false);
    expect(box.size).toBe(1);
  });

  it('holds what is sent while offline and writes it once, in order, on the next welcome', () => {
    const box = outbox();
    void box.add({ type: 'chat', text: 'a' });
    void box.add({ type: 'chat', text: 'b' });
    const link = connection();
    box.online(link.write);
    void box.add({ type: 'chat', text: 'c' });
    expect(link.ids()).toEqual(['f1', 'f2', 'f3']);
  });

  it('after a reconnect writes every unanswered frame once on the new connection, none that was answered, and new ones once', () => {
    const box = outbox();
    const before = connection();
    box.online(before.write);
    void box.add({ type: 'chat', text: 'answered' });
    void box.add({ type: 'chat', text: 'lost' });
    box.settle(ack('f1'));
    box.offline();
    void box.add({ type: 'chat', text: 'typed while away' });
    expect(before.ids()).toEqual(['f1', 'f2']);

    const after = connection();
    box.online(after.write);
    void box.add({ type: 'chat', text: 'typed once back' });
    expect(after.ids()).toEqual(['f2', 'f3', 'f4']);
    expect(after.written[0]).toEqual({ type: 'chat', text: 'lost', id: 'f2' });
    expect(before.ids()).toEqual(['f1', 'f2']);
  });

  it('over several reconnects writes a frame once on each connection until it is answered, then never again', () => {
    const box = outbox();
    const connections = [connection(), connection(), connection()];
    void box.add({ type: 'chat', text: 'slow' });
    for (const link of connections.slice(0, 2)) {
      box.online(link.write);
      box.offline();
    }
    // the ack of the second connection's copy arrives as that connection goes
    box.settle(ack('f1'));
    box.online(connections[2]!.write);
    expect(connections.map((c) => c.ids())).toEqual([['f1'], ['f1'], []]);
  });

  it('rejects every waiting frame when abandoned, and writes nothing after', async () => {
    const { box, link } = onlineOutbox();
    const waiting = [outcome(box.add({ type: 'chat', text: 'a' })), outcome(box.add({ type: 'chat', text: 'b' }))];
    box.abandon(new Error('The client was closed before the hub answered.'));
    await flush();
    for (const w of waiting) expect(w.error).toMatchObject({ message: 'The client was closed before the hub answered.' });
    expect(box.size).toBe(0);
    expect(box.settle(ack('f1'))).toBe(false);
    expect(link.ids()).toEqual(['f1', 'f2']);
  });
});
