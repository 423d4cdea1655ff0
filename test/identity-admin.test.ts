/**
 * The product owner's hold on identities: listing participants, revoking one (its credential refused,
 * its connections closed), resetting a name (the next join takes it), the bounded roster of a welcome,
 * and participants from before credentials existed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HuddleError } from '../collaboration-server/errors.js';
import { memoryCredentialStore } from '../collaboration-server/credential-store.js';
import { PROTOCOL_VERSION, type ServerFrame } from '../collaboration-server/protocol.js';
import { startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

async function hello(fields: Record<string, unknown>, admin = false): Promise<ServerFrame> {
  const raw = await hub.raw({ token: admin ? hub.running.tokens.admin : hub.running.tokens.member });
  raw.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, ...fields });
  return raw.next((f) => f.type === 'welcome' || f.type === 'error');
}

describe('participants, revoke and reset', () => {
  it('lists participants with their credentials, for the product owner only', async () => {
    hub = await startTestHub();
    const po = await hub.client('Pat', 'human');
    const alice = await hub.client('Alice', 'qa');
    const { participants } = await po.request({ type: 'participants' });
    expect(participants.map(({ name, role, status, credential }) => ({ name, role, status, credential }))).toEqual([
      { name: 'Pat', role: 'human', status: 'online', credential: 'active' },
      { name: 'Alice', role: 'qa', status: 'online', credential: 'active' },
    ]);
    await expect(alice.request({ type: 'participants' })).rejects.toEqual(expect.objectContaining({ code: 'FORBIDDEN' }));
    await expect(alice.send({ type: 'participant_credential', name: 'Pat', action: 'revoke' })).rejects.toEqual(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('revoke: closes her connections, refuses her credential, and keeps the name from anyone else', async () => {
    hub = await startTestHub();
    const po = await hub.client('Pat', 'human');
    const alice = await hub.client('Alice', 'qa');
    const credential = alice.welcome!.credential!;
    const oneShot = await hub.client('Alice', 'qa', { transient: true, reconnect: false });
    const problems: HuddleError[] = [];
    alice.on('problem', (e) => problems.push(e));

    await po.send({ type: 'participant_credential', name: 'Alice', action: 'revoke' });
    await vi.waitFor(() => expect([alice.state, oneShot.state]).toEqual(['closed', 'closed']));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'REVOKED' }));
    expect(await hello({ name: 'Alice', role: 'qa', credential })).toMatchObject({ type: 'error', code: 'REVOKED', message: expect.stringMatching(/huddle reset "Alice"/) });
    expect(await hello({ name: 'Alice', role: 'qa' })).toMatchObject({ type: 'error', code: 'REVOKED' });
    expect(await hello({ name: 'Alice', role: 'qa', credential, transient: true })).toMatchObject({ type: 'error', code: 'REVOKED' });
    expect((await po.request({ type: 'participants' })).participants.find((p) => p.name === 'Alice')).toMatchObject({ credential: 'revoked', status: 'offline' });
    await expect(po.send({ type: 'participant_credential', name: 'Pat', action: 'revoke' })).rejects.toEqual(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/cannot revoke yourself/) }));
    await expect(po.send({ type: 'participant_credential', name: 'Nobody', action: 'revoke' })).rejects.toEqual(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('reset: the next join takes the name with a new credential, and the old one stops working', async () => {
    hub = await startTestHub();
    const po = await hub.client('Pat', 'human');
    const alice = await hub.client('Alice', 'qa', { reconnect: false });
    const old = alice.welcome!.credential!;
    await po.send({ type: 'chat', text: 'for Alice', to: { kind: 'participant', name: 'Alice' } });
    await po.send({ type: 'participant_credential', name: 'Alice', action: 'reset' });
    await vi.waitFor(() => expect(alice.state).toBe('closed'));

    // Alice on a new machine: no credential, joins again, and may pick another role
    const again = await hub.client('Alice', 'backend-dev', { credentials: memoryCredentialStore(), reconnect: false });
    expect(again.welcome!.credential).toMatch(/^[\w-]{43}$/);
    expect(again.welcome!.credential).not.toBe(old);
    expect(again.welcome!.participant).toMatchObject({ id: alice.welcome!.participant.id, role: 'backend-dev' });
    const history = await again.request({ type: 'history', limit: 10 });
    expect(history.events.some((e) => e.type === 'message' && e.text === 'for Alice')).toBe(true);
    again.close();
    expect(await hello({ name: 'Alice', role: 'backend-dev', credential: old })).toMatchObject({ type: 'error', code: 'CREDENTIAL_WRONG' });
    expect(await hello({ name: 'Alice', role: 'backend-dev', credential: again.welcome!.credential })).toMatchObject({ type: 'welcome' });
  });
});

describe('the roster in a welcome', () => {
  it('is bounded: online participants first, then the most recently seen, with the total beside it', async () => {
    hub = await startTestHub({ limits: { maxRoster: 4 } });
    const leaves = async (name: string) => (await hub.client(name, 'qa', { reconnect: false })).close();
    for (const name of ['Old 1', 'Old 2']) await leaves(name);
    const on1 = await hub.client('On 1', 'qa');
    await leaves('Late'); // seen after On 1 joined, gone before On 2
    await hub.client('On 2', 'qa');
    await vi.waitFor(async () => expect((await on1.request({ type: 'who' })).participants.filter((p) => p.status === 'online')).toHaveLength(2));
    const welcome = (await hub.client('On 3', 'qa')).welcome!;
    expect(welcome.rosterTotal).toBe(6);
    expect(welcome.roster.map((p) => [p.name, p.status])).toEqual([
      ['On 1', 'online'],
      ['On 2', 'online'],
      ['On 3', 'online'],
      ['Late', 'offline'],
    ]);
    expect((await on1.request({ type: 'who' })).participants).toHaveLength(6);
  });
});

describe('participants from before credentials', () => {
  it('are claimed by their own session or an admin, and refused to anyone else', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'qa', { reconnect: false });
    const bob = await hub.client('Bob', 'qa', { reconnect: false });
    const sessionId = alice.sessionId!;
    alice.close();
    bob.close();
    // what a room upgraded from a hub without credentials looks like
    hub.db.prepare("UPDATE participants SET credential_hash = NULL, credential_state = 'legacy'").run();

    expect(await hello({ name: 'Alice', role: 'qa', lastSeq: 0 })).toMatchObject({ type: 'error', code: 'CREDENTIAL_MISSING', message: expect.stringMatching(/before this hub gave out credentials/) });
    expect(await hello({ name: 'Alice', role: 'qa', sessionId: 'guessed' })).toMatchObject({ type: 'error', code: 'CREDENTIAL_MISSING' });
    const claimed = await hello({ name: 'Alice', role: 'qa', sessionId, lastSeq: 0 });
    expect(claimed).toMatchObject({ type: 'welcome', resumed: true, credential: expect.stringMatching(/^[\w-]{43}$/) });
    expect(await hello({ name: 'Bob', role: 'qa' }, true)).toMatchObject({ type: 'welcome', credential: expect.any(String) });
    expect(await hello({ name: 'Alice', role: 'qa', sessionId })).toMatchObject({ type: 'error', code: 'CREDENTIAL_MISSING' });
  });
});
