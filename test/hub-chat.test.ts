import { afterEach, describe, expect, it } from 'vitest';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

describe('chat through the hub', () => {
  it('relays a message from one client to another, with a sequence number', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    const bob = await hub.client('Bob', 'qa');
    const seen = recorder(bob);
    const ack = await alice.send({ type: 'chat', text: 'hello bob' });
    expect(ack.seq).toBeGreaterThan(0);
    const event = await seen.until((e) => e.type === 'message');
    expect(event).toMatchObject({ type: 'message', text: 'hello bob', from: { name: 'Alice', role: 'backend-dev' }, seq: ack.seq });
  });
});
