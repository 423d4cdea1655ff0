/** One lead at a time on a hub of its own (SQLite): the seat, its epoch, and a standby that takes over. */
import { describe, expect, it, vi } from 'vitest';
import type { HuddleClient } from '../collaboration-server/client.js';
import { holdLeadSeat } from '../orchestrator/lead-seat.js';
import type { Lead } from '../orchestrator/lead-runtime.js';
import { cleanupAfterEach } from './helpers/cleanup.js';
import { startTestHub } from './helpers/hub.js';

const cleanup = cleanupAfterEach();

/** A stand-in for the lead runtime: it counts its starts and stops. */
function fakeLead(log: string[], who: string): () => Promise<Lead> {
  return () => {
    log.push(`${who} starts`);
    return Promise.resolve({ view: () => ({}) as never, settled: () => Promise.resolve(), chatsWaiting: () => 0, tick: () => {}, close: () => log.push(`${who} stops`) });
  };
}

describe('the lead’s seat on one hub', () => {
  it('seats the first lead, keeps the second standing by, and hands the seat over when the first leaves', async () => {
    const hub = await startTestHub();
    cleanup(() => hub.close());
    const first = await hub.client('Tech Lead', 'orchestrator', { historyLimit: 0 });
    const second = await hub.client('Backup Lead', 'orchestrator', { historyLimit: 0 });
    const log: string[] = [];
    const lines: string[] = [];
    const a = holdLeadSeat(first, fakeLead(log, 'first'), (l) => lines.push(l), 50);
    await vi.waitFor(() => expect(log).toEqual(['first starts']));
    const b = holdLeadSeat(second, fakeLead(log, 'second'), (l) => lines.push(l), 50);
    cleanup(() => [a, b].forEach((s) => s.close()));
    await vi.waitFor(() => expect(lines).toContain('Backup Lead stands by: Tech Lead leads (epoch 1)'));
    await expect(second.send({ type: 'chat', to: { kind: 'all' }, text: 'me too' })).rejects.toMatchObject({ code: 'NOT_LEAD' });

    a.close();
    first.close();
    await vi.waitFor(() => expect(log).toEqual(['first starts', 'first stops', 'second starts']));
    expect(lines).toContain('Backup Lead leads the room (epoch 2)');
    await expect(second.send({ type: 'chat', to: { kind: 'all' }, text: 'my turn' })).resolves.toMatchObject({ duplicate: false });
  });

  it('leaves a lead that never claims the seat alone while nobody has claimed it (tests, older leads)', async () => {
    const hub = await startTestHub();
    cleanup(() => hub.close());
    const lead: HuddleClient = await hub.client('Tech Lead', 'orchestrator', { historyLimit: 0 });
    await expect(lead.send({ type: 'chat', to: { kind: 'all' }, text: 'hello' })).resolves.toMatchObject({ duplicate: false });
    const member = await hub.client('Ada', 'backend-dev');
    await expect(member.send({ type: 'lead_claim' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
