import { afterEach, describe, expect, it } from 'vitest';
import { HuddleError, toHuddleError } from '../collaboration-server/errors.js';
import { MAX_FRAME_BYTES, PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import { startTestHub, type RawClient, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

async function joined(name = 'Raw'): Promise<RawClient> {
  const raw = await hub.raw();
  raw.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name, role: 'backend-dev' });
  await raw.next((f) => f.type === 'welcome');
  return raw;
}

const errorFrame = (raw: RawClient) => raw.next((f) => f.type === 'error');

describe('bad frames get an error frame and the connection stays open', () => {
  it.each([
    ['malformed JSON', '{"type": "chat", ', 'BAD_JSON', /not valid JSON/],
    ['a JSON value that is not a frame', '42', 'UNKNOWN_TYPE', /Unknown frame type/],
    ['an unknown frame type', { type: 'launch_rockets', id: 'x1' }, 'UNKNOWN_TYPE', /Known types: hello, chat/],
    ['an invalid field', { type: 'chat', id: 'x2', text: 123 }, 'BAD_FRAME', /text/],
    ['a missing field', { type: 'task_update', id: 'x3', taskId: 'T-1' }, 'BAD_FRAME', /action/],
    ['a bad task id', { type: 'task_update', id: 'x4', taskId: 'task one', action: 'start' }, 'BAD_FRAME', /T-12/],
    ['a missing task', { type: 'task_update', id: 'x5', taskId: 'T-999', action: 'start' }, 'NOT_FOUND', /No task T-999/],
  ])('%s', async (_name, frame, code, message) => {
    hub = await startTestHub();
    const raw = await joined();
    raw.send(frame);
    const error = await errorFrame(raw);
    expect(error).toMatchObject({ type: 'error', code });
    expect((error as { message: string }).message).toMatch(message);
    raw.send({ type: 'chat', id: 'after', text: 'still serving' });
    expect(await raw.next((f) => f.type === 'ack')).toMatchObject({ id: 'after' });
  });

  it('asks for hello before anything else', async () => {
    hub = await startTestHub();
    const raw = await hub.raw();
    raw.send({ type: 'chat', id: 'c', text: 'too early' });
    expect(await errorFrame(raw)).toMatchObject({ code: 'NOT_JOINED', id: 'c' });
  });

  it('refuses a second hello and a wrong protocol version', async () => {
    hub = await startTestHub();
    const raw = await joined();
    raw.send({ type: 'hello', id: 'h2', protocol: PROTOCOL_VERSION, name: 'Again', role: 'qa' });
    expect(await errorFrame(raw)).toMatchObject({ code: 'ALREADY_JOINED' });
    const other = await hub.raw();
    other.send({ type: 'hello', id: 'h3', protocol: 99, name: 'Future', role: 'qa' });
    expect(await errorFrame(other)).toMatchObject({ code: 'PROTOCOL_MISMATCH' });
  });

  it('refuses an unknown role with the list of known ones when the hub is given its roles', async () => {
    hub = await startTestHub({ roles: ['human', 'orchestrator', 'qa'] });
    const raw = await hub.raw();
    raw.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name: 'Pilot', role: 'astronaut' });
    const error = await errorFrame(raw);
    expect(error).toMatchObject({ code: 'UNKNOWN_ROLE' });
    expect((error as { message: string }).message).toContain('human, orchestrator, qa');
  });

  it('closes a connection that sends a frame over 1 MiB with code 1009, and keeps serving others', async () => {
    hub = await startTestHub();
    const raw = await joined();
    const other = await joined('Other');
    raw.send({ type: 'chat', id: 'big', text: 'x'.repeat(MAX_FRAME_BYTES + 10) });
    expect((await raw.closed).code).toBe(1009);
    other.send({ type: 'chat', id: 'ok', text: 'fine' });
    expect(await other.next((f) => f.type === 'ack')).toMatchObject({ id: 'ok' });
  });
});

describe('anything thrown becomes one HuddleError that says where it failed', () => {
  const enoent = Object.assign(new Error("ENOENT: no such file or directory, open '/nowhere/team.json'"), { code: 'ENOENT', path: '/nowhere/team.json' });

  it('in the hub: the hub failed, and the hub sends that to the client', () => {
    expect(toHuddleError(new Error('boom'), 'hub')).toMatchObject({ code: 'INTERNAL', message: 'The hub failed unexpectedly: boom' });
  });

  it('here: failed on this machine, not in the hub, with what to check for a file', () => {
    expect(toHuddleError(enoent, 'local')).toMatchObject({ code: 'LOCAL', message: "Failed on this machine, not in the hub: ENOENT: no such file or directory, open '/nowhere/team.json'. Check that path and its permissions." });
    expect(toHuddleError(Object.assign(new Error('no space'), { code: 'ENOSPC' }), 'local').message).not.toMatch(/hub could not save/);
  });

  it('keeps an error the hub reported as the hub worded it', () => {
    const reported = new HuddleError('INTERNAL', 'The hub failed on this frame; it was not applied. The connection stays open.');
    expect(toHuddleError(reported, 'local')).toBe(reported);
  });
});
