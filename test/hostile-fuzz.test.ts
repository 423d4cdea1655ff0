/**
 * 100,000+ random and mutated frames through a real hub: each is answered, in order, by exactly one
 * error, ack or reply that matches the protocol, the hub never fails internally, and it still serves.
 * Reproduce a failure with HUDDLE_FUZZ_SEED=<seed printed below>.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../collaboration-server/errors.js';
import { PROTOCOL_VERSION, ServerFrameSchema, type ServerFrame } from '../collaboration-server/protocol.js';
import { FrameFuzzer, type FuzzFrame } from './hostile-frames.js';
import { recorder, startTestHub, type RawClient, type TestHub } from './helpers/hub.js';

const SEED = Number(process.env.HUDDLE_FUZZ_SEED ?? 20261121);
const FRAMES = Number(process.env.HUDDLE_FUZZ_FRAMES ?? 100_000);
const BATCH = 400;
/** Errors that mean the hub itself failed, not the frame. */
const HUB_FAILURES = ['INTERNAL', 'STORAGE_FAILED', 'STORAGE_FULL'];

let hub: TestHub;
afterEach(async () => hub?.close());

async function join(hub: TestHub, name: string, role: string, admin: boolean): Promise<RawClient> {
  const raw = await hub.raw({ token: admin ? hub.running.tokens.admin : hub.running.tokens.member });
  raw.send({ type: 'hello', id: 'hello', protocol: PROTOCOL_VERSION, name, role });
  const welcome = await raw.next((f) => f.type === 'welcome' || f.type === 'error');
  expect(welcome.type).toBe('welcome');
  raw.frames.length = 0;
  return raw;
}

/** What is wrong with the hub's answer to a frame, or null. Plain checks: expect() per frame is slow. */
function checkAnswer(frame: FuzzFrame, answer: ServerFrame): string | null {
  if (!ServerFrameSchema.safeParse(answer).success) return 'the answer does not match the protocol';
  if (answer.type !== 'ack' && answer.type !== 'reply' && answer.type !== 'error') return `a ${answer.type} frame is not an answer`;
  if (answer.id !== frame.id) return `the answer's id is ${JSON.stringify(answer.id)}, expected ${JSON.stringify(frame.id)}`;
  if (answer.type === 'error' && !(answer.code in ERROR_CODES)) return `unknown error code ${answer.code}`;
  if (answer.type === 'error' && HUB_FAILURES.includes(answer.code)) return 'the hub failed internally';
  return null;
}

/** Sends `count` fuzz frames in pipelined batches and checks every answer against its frame. */
async function fuzz(raw: RawClient, fuzzer: FrameFuzzer, count: number, label: string): Promise<Record<string, number>> {
  const codes: Record<string, number> = {};
  for (let sent = 0; sent < count; ) {
    const batch = Array.from({ length: Math.min(BATCH, count - sent) }, () => fuzzer.frame());
    for (const f of batch) raw.ws.send(f.data, { binary: f.binary });
    sent += batch.length;
    await waitForAnswers(raw, batch.length);
    const answers = raw.frames.filter((f) => f.type !== 'event');
    raw.frames.length = 0;
    expect(answers.length, `${label}: one answer per frame (seed ${SEED})`).toBe(batch.length);
    answers.forEach((answer, i) => {
      const frame = batch[i]!;
      const problem = checkAnswer(frame, answer);
      if (problem) {
        const where = `${label} frame ${sent - batch.length + i} (${frame.kind}, seed ${SEED}): ${String(frame.data).slice(0, 200)}`;
        expect.fail(`${where}\n→ ${JSON.stringify(answer).slice(0, 300)}\n${problem}`);
      }
      const key = answer.type === 'error' ? answer.code : answer.type;
      codes[key] = (codes[key] ?? 0) + 1;
    });
  }
  return codes;
}

function waitForAnswers(raw: RawClient, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (raw.frames.filter((f: ServerFrame) => f.type !== 'event').length >= count) {
        raw.ws.off('message', onMessage);
        raw.ws.off('close', onClose);
        resolve();
      }
    };
    // runs after the fixture's own listener has recorded the frame
    const onMessage = () => setImmediate(check);
    const onClose = (code: number) => reject(new Error(`the hub closed the fuzz connection (${code}); seed ${SEED}`));
    raw.ws.on('message', onMessage);
    raw.ws.on('close', onClose);
    check();
  });
}

describe('hostile input: fuzzing the hub', () => {
  it(`answers ${FRAMES} random and mutated frames one by one and keeps serving`, { timeout: Math.max(180_000, FRAMES * 2) }, async () => {
    hub = await startTestHub({ limits: { framesPerSecond: 1e9, burst: 1e9 } });
    const member = await join(hub, 'Fuzz Member', 'qa', false);
    const admin = await join(hub, 'Fuzz Admin', 'orchestrator', true);

    // half the frames from a member, half from the lead, at the same time: roles differ in what passes
    const [memberCodes, adminCodes] = await Promise.all([
      fuzz(member, new FrameFuzzer(SEED), Math.ceil(FRAMES / 2), 'member'),
      fuzz(admin, new FrameFuzzer(SEED + 1), Math.floor(FRAMES / 2), 'lead'),
    ]);
    const total = { ...memberCodes };
    for (const [k, v] of Object.entries(adminCodes)) total[k] = (total[k] ?? 0) + v;
    console.log(`fuzz seed ${SEED}: answers by kind`, total);
    // the mix reached the handlers, not only the JSON parser
    expect(total.ack ?? 0).toBeGreaterThan(FRAMES / 50);
    expect(total.reply ?? 0).toBeGreaterThan(FRAMES / 50);
    expect(total.BAD_FRAME ?? 0).toBeGreaterThan(FRAMES / 10);

    // still healthy: a fresh client joins and a message goes through
    const alice = await hub.client('Alice', 'backend-dev');
    const bob = await hub.client('Bob', 'qa');
    const seen = recorder(bob);
    const ack = await alice.send({ type: 'chat', text: 'after the storm' });
    await seen.until((e) => e.type === 'message' && e.seq === ack.seq);
  });
});
