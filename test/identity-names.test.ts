/**
 * Names as people read them: hidden characters and half characters refused, look-alikes of the lead,
 * the product owner or anyone in the room refused, over real sockets; and a member-sent card refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { nameKeys, nameProblem, readAlike } from '../collaboration-server/names.js';
import { PROTOCOL_VERSION, type ServerFrame } from '../collaboration-server/protocol.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

/** A raw hello as JSON text (so a lone surrogate survives as its escape); the hub's first answer. */
async function helloText(nameJson: string, role = 'qa', admin = false): Promise<ServerFrame> {
  const raw = await hub.raw({ token: admin ? hub.running.tokens.admin : hub.running.tokens.member });
  raw.send(`{"type":"hello","id":"h","protocol":${PROTOCOL_VERSION},"name":${nameJson},"role":"${role}"}`);
  return raw.next((f) => f.type === 'welcome' || f.type === 'error');
}
const hello = (name: string, role = 'qa', admin = false) => helloText(JSON.stringify(name), role, admin);

const HIDDEN = [
  ['zero-width space', 'Tech\u200bLead'],
  ['right-to-left override', 'Tech Lead\u202e'],
  ['first-strong isolate', '\u2068Alice\u2069'],
  ['soft hyphen', 'Ali\u00adce'],
  ['line separator', 'Alice\u2028Bob'],
  ['Hangul filler', 'Alice\u3164'],
];
const LOOKALIKES = [
  ['Cyrillic Т and е', 'Теch Lead'],
  ['lower case', 'tech lead'],
  ['upper case', 'TECH LEAD'],
  ['full-width letters', 'Ｔｅｃｈ Ｌｅａｄ'],
  ['Greek Τ', 'Τech Lead'],
  ['two spaces', 'Tech  Lead'],
  ['a combining accent', 'Tech Leád'],
  ['the digit 0 for O', 'Product 0wner'],
  ['Cyrillic е in a member’s name', 'Alicе'],
  ['lower case of a member’s name', 'alice'],
];

describe('names at hello', () => {
  it.each(HIDDEN)('refuses a %s', async (_what, name) => {
    hub = await startTestHub();
    expect(await hello(name)).toMatchObject({ type: 'error', code: 'BAD_NAME', message: expect.stringMatching(/U\+[0-9A-F]{4}/) });
  });

  it('refuses a lone surrogate, sent as its JSON escape', async () => {
    hub = await startTestHub();
    expect(await helloText('"Alice\\ud800"')).toMatchObject({ type: 'error', code: 'BAD_NAME', message: expect.stringMatching(/lone surrogate/) });
  });

  it.each(LOOKALIKES)('refuses a look-alike with %s beside the lead, the product owner and Alice', async (_what, name) => {
    hub = await startTestHub();
    await hub.client('Tech Lead', 'orchestrator');
    await hub.client('Product Owner', 'human');
    await hub.client('Alice', 'qa');
    expect(await hello(name)).toMatchObject({ type: 'error', code: 'NAME_LOOKALIKE' });
    // not even with the admin token: two participants would read the same
    expect(await hello(name, 'human', true)).toMatchObject({ type: 'error', code: 'NAME_LOOKALIKE' });
  });

  it('keeps the lead’s and the product owner’s names, and their look-alikes, from members before they join', async () => {
    hub = await startTestHub();
    for (const name of ['Tech Lead', 'Теch Lead', 'product owner']) {
      expect(await hello(name)).toMatchObject({ type: 'error', code: 'NAME_LOOKALIKE', message: expect.stringMatching(/kept for the technical lead and the product owner/) });
    }
    expect(await hello('Tech Lead', 'orchestrator', true)).toMatchObject({ type: 'welcome' });
  });

  it('accepts names that only look different to a careless reader', async () => {
    hub = await startTestHub();
    await hub.client('Alice', 'qa');
    for (const name of ['Alicia', 'Alice B', 'Zoë', 'Backend Developer', '李雷']) expect(await hello(name), name).toMatchObject({ type: 'welcome' });
  });
});

describe('the name rules', () => {
  it('fold case, width and look-alike letters, and nothing more', () => {
    expect(nameKeys('Теch Lead').look).toBe(nameKeys('tech lead').look);
    expect(readAlike('Ivan', 'ivan')).toBe(true);
    expect(readAlike('IVAN', 'lvan')).toBe(true);
    expect(readAlike('Backend Developer', 'Frontend Developer')).toBe(false);
    expect(nameProblem('Backend Developer')).toBeUndefined();
    expect(nameProblem('a\u0301\u0301\u0301\u0301')).toMatch(/stacks marks/);
  });
});

describe('cards', () => {
  it('are accepted from the lead only: a member-sent card is refused and never relayed', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Tech Lead', 'orchestrator');
    const po = await hub.client('Product Owner', 'human');
    const mallory = await hub.client('Mallory', 'qa');
    const seen = recorder(po);
    const card = { kind: 'alert' as const, level: 'warning' as const, title: 'Sprint cancelled', detail: 'by the lead', taskId: null };
    await expect(mallory.send({ type: 'chat', text: 'official notice', card })).rejects.toEqual(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/Only the technical lead sends cards/) }));
    await expect(po.send({ type: 'chat', text: 'mine too', card })).rejects.toEqual(expect.objectContaining({ code: 'FORBIDDEN' }));
    const ok = await lead.send({ type: 'chat', text: 'real notice', card });
    await seen.until((e) => e.seq === ok.seq);
    expect(seen.events.flatMap((e) => (e.type === 'message' ? [e.text] : []))).toEqual(['real notice']);
  });
});
