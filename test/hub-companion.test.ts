/**
 * A companion connection: the second live connection of a participant who has joined (the `huddle mcp`
 * an `--exec` agent's command starts). It acts as the participant and receives the participant's events,
 * while the room sees one participant: no presence of its own, the terminal keeps its session.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { memoryCredentialStore } from '../collaboration-server/credential-store.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

const companionOf = (name: string, role: string, extra: Parameters<TestHub['client']>[2] = {}) => hub.client(name, role, { companion: true, historyLimit: 0, ...extra });

describe('a companion connection', () => {
  it('receives what the participant may see and acts as it, and the room sees one participant', async () => {
    hub = await startTestHub();
    const po = await hub.client('Pat', 'human');
    const agent = await hub.client('Bot', 'backend-dev');
    const watcher = await hub.client('Watcher', 'qa');
    const atWatcher = recorder(watcher);
    const companion = await companionOf('Bot', 'backend-dev');
    const atCompanion = recorder(companion);
    expect(companion.welcome!.participant).toMatchObject({ name: 'Bot', id: agent.welcome!.participant.id });

    await po.send({ type: 'chat', text: 'for Bot only', to: { kind: 'participant', name: 'Bot' } });
    await po.send({ type: 'chat', text: 'for qa only', to: { kind: 'role', role: 'qa' } });
    await po.send({ type: 'chat', text: 'for the role', to: { kind: 'role', role: 'backend-dev' } });
    await atCompanion.until((e) => e.type === 'message' && e.text === 'for the role');
    expect(atCompanion.messages()).toEqual(['for Bot only', 'for the role']);

    await companion.send({ type: 'chat', text: 'said through the companion' });
    const marker = await po.send({ type: 'chat', text: 'marker' });
    await atWatcher.until((e) => e.seq === marker.seq);
    expect(atWatcher.events.flatMap((e) => (e.type === 'message' ? [`${e.from.name}: ${e.text}`] : []))).toEqual(['Pat: for qa only', 'Bot: said through the companion', 'Pat: marker']);
    expect(atWatcher.events.filter((e) => e.type === 'presence')).toEqual([]);

    const { participants } = await watcher.request({ type: 'who' });
    expect(participants.filter((p) => p.name === 'Bot')).toEqual([expect.objectContaining({ status: 'online' })]);
    expect(hub.running.hub.online().filter((p) => p.name === 'Bot')).toHaveLength(1);
    expect(agent.state).toBe('online');

    // Leaving is not announced either, and the terminal stays.
    companion.close();
    const after = await po.send({ type: 'chat', text: 'after' });
    await atWatcher.until((e) => e.seq === after.seq);
    expect(atWatcher.events.filter((e) => e.type === 'presence')).toEqual([]);
    expect(agent.state).toBe('online');
  });

  it('may open beside a participant that is offline, and several at once; the terminal still joins under its name', async () => {
    hub = await startTestHub();
    (await hub.client('Bot', 'backend-dev')).close();
    const one = await companionOf('Bot', 'backend-dev');
    const two = await companionOf('Bot', 'backend-dev');
    const back = await hub.client('Bot', 'backend-dev');
    const seenByOne = recorder(one);
    const seenByTwo = recorder(two);
    const ack = await back.send({ type: 'chat', text: 'hello' });
    await seenByOne.until((e) => e.seq === ack.seq);
    await seenByTwo.until((e) => e.seq === ack.seq);
  });

  it('resumes after a reconnect from the last event it saw', async () => {
    hub = await startTestHub();
    const po = await hub.client('Pat', 'human');
    await hub.client('Bot', 'backend-dev');
    const companion = await companionOf('Bot', 'backend-dev');
    const seen = recorder(companion);
    await po.send({ type: 'chat', text: 'before', to: { kind: 'participant', name: 'Bot' } });
    await seen.until((e) => e.type === 'message' && e.text === 'before');
    await hub.restart();
    await po.send({ type: 'chat', text: 'while it was away', to: { kind: 'participant', name: 'Bot' } });
    await seen.until((e) => e.type === 'message' && e.text === 'while it was away');
    expect(seen.messages()).toEqual(['before', 'while it was away']);
  });

  it('is refused without the credential, under another role, and for a name that has not joined', async () => {
    hub = await startTestHub();
    await hub.client('Bot', 'backend-dev');
    await expect(companionOf('Bot', 'backend-dev', { credentials: memoryCredentialStore(), reconnect: false })).rejects.toMatchObject({ code: 'CREDENTIAL_MISSING' });
    await expect(companionOf('Bot', 'qa', { reconnect: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(companionOf('Nobody', 'qa', { reconnect: false })).rejects.toMatchObject({ code: 'JOIN_FIRST', message: expect.stringMatching(/must join first/) });
  });

  it('is closed with its participant when the product owner revokes it', async () => {
    hub = await startTestHub();
    const po = await hub.client('Pat', 'human');
    await hub.client('Bot', 'backend-dev');
    const companion = await companionOf('Bot', 'backend-dev');
    const problems: string[] = [];
    companion.on('problem', (e) => problems.push(e.code));
    await po.send({ type: 'participant_credential', name: 'Bot', action: 'revoke' });
    await expect.poll(() => companion.state).toBe('closed');
    expect(problems).toContain('REVOKED');
  });
});
