/**
 * Attacks on who someone is, with the member token every member holds: taking over a member who is
 * online or offline (a one-shot hello, a plain hello asking for every event since 0, a guessed or
 * wrong credential), changing a role without the admin token, and surviving a hub restart.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryCredentialStore } from '../collaboration-server/credential-store.js';
import { PROTOCOL_VERSION, type ServerFrame } from '../collaboration-server/protocol.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

/** A client that holds the member token but none of the room's credentials: someone else's machine, or an attacker. */
const stranger = (name: string, role: string, extra: Parameters<TestHub['client']>[2] = {}) =>
  hub.client(name, role, { credentials: memoryCredentialStore(), reconnect: false, ...extra });

/** A raw hello with the member token (unless `admin`); resolves with the hub's first answer. */
async function hello(fields: Record<string, unknown>, admin = false): Promise<ServerFrame> {
  const raw = await hub.raw({ token: admin ? hub.running.tokens.admin : hub.running.tokens.member });
  raw.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, ...fields });
  return raw.next((f) => f.type === 'welcome' || f.type === 'error');
}

/** Alice, who joined and got a direct message from the product owner. */
async function aliceWithASecret() {
  hub = await startTestHub();
  const po = await hub.client('Pat', 'human');
  const alice = await hub.client('Alice', 'backend-dev');
  await po.send({ type: 'chat', text: 'the launch date is secret', to: { kind: 'participant', name: 'Alice' } });
  return { po, alice };
}

const refused = (code: string) => expect.objectContaining({ code });

describe('impersonating a member with the member token', () => {
  it('is refused while she is online: one-shot, plain hello from 0, guessed or wrong credential', async () => {
    const { po, alice } = await aliceWithASecret();
    const seen = recorder(po);
    await expect(stranger('Alice', 'backend-dev', { transient: true })).rejects.toEqual(refused('CREDENTIAL_MISSING'));
    expect(await hello({ name: 'Alice', role: 'backend-dev', lastSeq: 0 })).toMatchObject({ type: 'error', code: 'CREDENTIAL_MISSING', message: expect.stringMatching(/huddle reset "Alice"/) });
    expect(await hello({ name: 'Alice', role: 'backend-dev', transient: true, lastSeq: 0 })).toMatchObject({ type: 'error', code: 'CREDENTIAL_MISSING' });
    expect(await hello({ name: 'Alice', role: 'backend-dev', sessionId: alice.sessionId, lastSeq: 0 })).toMatchObject({ type: 'error', code: 'CREDENTIAL_MISSING' });
    expect(await hello({ name: 'Alice', role: 'backend-dev', credential: 'x'.repeat(43), lastSeq: 0 })).toMatchObject({ type: 'error', code: 'CREDENTIAL_WRONG' });
    // her terminal is untouched, and nobody spoke or went away in her name
    expect(alice.state).toBe('online');
    const marker = await po.send({ type: 'chat', text: 'marker' });
    await seen.until((e) => e.seq === marker.seq);
    const inHerName = seen.events.filter((e) => (e.type === 'message' && e.from.name === 'Alice') || (e.type === 'presence' && e.participant.name === 'Alice'));
    expect(inHerName).toEqual([]);
  });

  it('is refused while she is offline, and the refusal leaks none of her messages', async () => {
    const { alice } = await aliceWithASecret();
    alice.close();
    await expect(stranger('Alice', 'backend-dev', { transient: true })).rejects.toEqual(refused('CREDENTIAL_MISSING'));
    await expect(stranger('Alice', 'backend-dev')).rejects.toEqual(refused('CREDENTIAL_MISSING'));
    const answer = await hello({ name: 'Alice', role: 'backend-dev', lastSeq: 0 });
    expect(answer.type).toBe('error');
    expect(JSON.stringify(answer)).not.toContain('secret');
    // Alice herself, from the data folder she joined from, comes back with everything she missed
    const back = await hub.client('Alice', 'backend-dev');
    const history = await back.request({ type: 'history', limit: 10 });
    expect(history.events.some((e) => e.type === 'message' && e.text === 'the launch date is secret')).toBe(true);
  });

  it('does not let a one-shot command under an unknown name act or join the roster', async () => {
    hub = await startTestHub();
    const witness = await hub.client('Witness', 'qa');
    const guest = await stranger('Newcomer', 'qa', { transient: true });
    expect(guest.welcome!.credential).toBeUndefined();
    await expect(guest.request({ type: 'who' })).resolves.toMatchObject({ kind: 'who' });
    await expect(guest.send({ type: 'chat', text: 'hi' })).rejects.toEqual(expect.objectContaining({ code: 'JOIN_FIRST', message: expect.stringMatching(/huddle agent --name "Newcomer" --role qa/) }));
    for (let i = 0; i < 20; i++) (await stranger(`Drive-by ${i}`, 'qa', { transient: true })).close();
    const { participants } = await witness.request({ type: 'who' });
    expect(participants.map((p) => p.name)).toEqual(['Witness']);
  });
});

describe('changing a role', () => {
  it('needs the admin token, even with the participant’s own credential', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'qa', { reconnect: false });
    const credential = alice.welcome!.credential!;
    alice.close();
    expect(await hello({ name: 'Alice', role: 'backend-dev', credential })).toMatchObject({ type: 'error', code: 'FORBIDDEN', message: expect.stringMatching(/use --role qa/) });
    expect(await hello({ name: 'Alice', role: 'backend-dev', credential, transient: true })).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    const witness = await hub.client('Witness', 'qa');
    expect((await witness.request({ type: 'who' })).participants.find((p) => p.name === 'Alice')).toMatchObject({ role: 'qa' });
    // with the admin token and her credential, the role changes
    expect(await hello({ name: 'Alice', role: 'backend-dev', credential }, true)).toMatchObject({ type: 'welcome', participant: { name: 'Alice', role: 'backend-dev' } });
  });
});

describe('credentials across a hub restart', () => {
  it('keep every identity: the same credential works, and only it', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev', { reconnect: false });
    const lead = await hub.client('Lead', 'orchestrator', { reconnect: false });
    const credential = alice.welcome!.credential!;
    expect(credential).toMatch(/^[\w-]{43}$/);
    // the hub keeps only a hash of it
    const row = hub.db.prepare("SELECT credential_hash FROM participants WHERE name = 'Alice'").get() as { credential_hash: string };
    expect(row.credential_hash).toBe(createHash('sha256').update(credential).digest('hex'));
    alice.close();
    lead.close();

    await hub.restart();
    expect(await hello({ name: 'Alice', role: 'backend-dev', credential })).toMatchObject({ type: 'welcome', participant: { name: 'Alice' } });
    await expect(hub.client('Lead', 'orchestrator')).resolves.toMatchObject({ state: 'online' });
    await expect(stranger('Lead', 'orchestrator', { token: hub.running.tokens.admin })).rejects.toEqual(refused('CREDENTIAL_MISSING'));
    expect(await hello({ name: 'Alice', role: 'backend-dev', transient: true })).toMatchObject({ type: 'error', code: 'CREDENTIAL_MISSING' });
  });
});
