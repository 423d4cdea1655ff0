/**
 * A seeded generator of hostile frames: bad JSON, wrong types, huge strings, deep nesting, unknown
 * fields, unicode edge cases, and valid frames with one field mutated. Same seed, same frames.
 */
import { CLIENT_FRAME_TYPES, PROTOCOL_VERSION } from '../collaboration-server/protocol.js';

/** mulberry32: small, fast and good enough to pick mutations reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzFrame {
  /** what goes on the wire */
  data: string | Buffer;
  binary: boolean;
  /** the id the hub must echo in its answer: the frame's string id cut to 64 characters, else null */
  id: string | null;
  /** which generator made it, for the failure message */
  kind: string;
}

const UNICODE_EDGES = [
  '\u0000',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\ufeff', // byte order mark
  '\u202e', // right-to-left override
  '\u200b', // zero width space
  '\uffff',
  '\u{1f600}',
  '\u{10ffff}',
  'e\u0301\u0301\u0301\u0301',
  '\r\n\t\u001b[2J',
  '@everyone',
  'T-999999999',
  '__proto__',
  'constructor',
];

/** The frame ids a task or escalation in the hub may have; the fuzz sprint makes the first few real. */
/** Stands for a deepJson() value until the frame is serialized. */
const DEEP_MARK = '\u0000deep\u0000';
const DEEP_MARK_JSON = JSON.stringify(DEEP_MARK);

const TASK_IDS = ['T-1', 'T-2', 'T-3', 'T-0', 'T-999999999', 'T-1a', ''];

export class FrameFuzzer {
  readonly next: () => number;
  private counter = 0;

  constructor(seed: number) {
    this.next = prng(seed);
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  string(): string {
    switch (this.int(6)) {
      case 0:
        return '';
      case 1:
        return this.pick(UNICODE_EDGES).repeat(1 + this.int(8));
      case 2:
        return Array.from({ length: this.int(40) }, () => String.fromCharCode(this.int(0x10000))).join('');
      case 3:
        // a huge string, kept rare so the run stays fast; under the 1 MiB frame bound even as UTF-8
        return this.int(200) === 0 ? 'x'.repeat(10_000 + this.int(250_000)) : 'y'.repeat(this.int(5000));
      default:
        return `fuzz-${this.int(1000)}`;
    }
  }

  /** Nested arrays and objects, small enough for JSON.stringify. */
  deep(depth = 1 + this.int(200)): unknown {
    let value: unknown = this.int(2) ? [] : {};
    for (let i = 0; i < depth; i++) value = this.int(2) ? [value] : { a: value };
    return value;
  }

  /** Nesting too deep for a recursive serializer, written as text: `[{"a":[...]}]`. Mostly shallow. */
  deepJson(depth = this.int(10) === 0 ? 1 + this.int(20_000) : 1 + this.int(500)): string {
    const [open, close] = this.pick([
      ['[', ']'],
      ['{"a":', '}'],
      ['[{"a":', '}]'],
    ] as const);
    return open.repeat(depth) + '0' + close.repeat(depth);
  }

  value(depth = 0): unknown {
    switch (this.int(depth > 2 ? 6 : 9)) {
      case 0:
        return null;
      case 1:
        return this.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -0]);
      case 2:
        return this.int(2) === 0;
      case 3:
      case 4:
        return this.string();
      case 5:
        return this.pick(TASK_IDS);
      case 6:
        return Array.from({ length: this.int(5) }, () => this.value(depth + 1));
      case 7:
        return Object.fromEntries(Array.from({ length: this.int(5) }, () => [this.string().slice(0, 20), this.value(depth + 1)]));
      default:
        return this.deep(1 + this.int(200));
    }
  }

  id(): unknown {
    this.counter++;
    switch (this.int(20)) {
      case 0:
        return this.value();
      case 1:
        return 'x'.repeat(65 + this.int(100)); // too long
      case 2:
        return 'dup'; // the same id again: a command under it is applied once
      default:
        return `f${this.counter}`;
    }
  }

  /** A frame the protocol accepts (for some participant), before mutation. */
  valid(): Record<string, unknown> {
    const id = `v${++this.counter}`;
    const taskId = this.pick(TASK_IDS.slice(0, 3));
    const now = 1_700_000_000_000;
    switch (this.pick(CLIENT_FRAME_TYPES)) {
      case 'hello':
        return { id, type: 'hello', protocol: PROTOCOL_VERSION, name: `Fuzz ${this.int(100)}`, role: this.pick(['qa', 'human', 'orchestrator']) };
      case 'chat':
        return { id, type: 'chat', text: this.string() || 'hi', to: this.pick([{ kind: 'all' }, { kind: 'role', role: 'qa' }, { kind: 'participant', name: 'Fuzz Admin' }]) };
      case 'presence':
        return { id, type: 'presence', status: this.pick(['online', 'away']) };
      case 'who':
        return { id, type: 'who' };
      case 'history':
        return { id, type: 'history', limit: 1 + this.int(20), all: this.int(2) === 0, ...(this.int(3) === 0 ? { after: this.int(50) } : {}) };
      case 'sprint_create':
        return {
          id,
          type: 'sprint_create',
          sprint: { name: 'Fuzz sprint', startsAt: now, endsAt: now + 86_400_000 },
          tasks: [{ key: 'a', title: 'A', role: 'qa', estimateHours: 2, assignee: 'Fuzz Member' }, { title: 'B', role: 'qa', estimateHours: 1, dependsOn: ['a'] }],
        };
      case 'tasks_add':
        return { id, type: 'tasks_add', sprintId: 'S-unknown', tasks: [{ title: 'C', role: 'qa', estimateHours: 1 }] };
      case 'task_update':
        return { id, type: 'task_update', taskId, action: this.pick(['assign', 'accept', 'start', 'progress', 'block', 'done', 'note', 'update']), percent: this.int(101), note: 'n', assignee: 'Fuzz Member' };
      case 'tasks':
        return { id, type: 'tasks' };
      case 'task_events':
        return { id, type: 'task_events' };
      case 'escalate':
        return { id, type: 'escalate', title: 'Pick', options: [{ key: 'A', label: 'a' }, { key: 'B', label: 'b' }] };
      case 'escalation_answer':
        return { id, type: 'escalation_answer', escalationId: 'E-1', option: 'A' };
      case 'escalations':
        // 'answered' mostly: the fuzz lead opens hundreds of escalations, and listing them all each time is slow, not hostile
        return { id, type: 'escalations', status: this.int(20) === 0 ? 'all' : 'answered' };
      case 'artifact_put':
        // spread over many kinds: one artifact growing by every put makes each get slower, which is not the point here
        return { id, type: 'artifact_put', taskId, kind: `log-${this.int(500)}`, content: this.string().slice(0, 100) };
      case 'artifact_get':
        return { id, type: 'artifact_get', taskId, kind: `log-${this.int(500)}` };
      case 'state_put':
        return { id, type: 'state_put', key: 'fuzz', value: this.value() };
      case 'state_get':
        return { id, type: 'state_get', key: 'fuzz' };
      case 'participants':
        return { id, type: 'participants' };
      case 'participant_credential':
        // a name nobody holds: revoking a fuzzing connection would end the run, not test the hub
        return { id, type: 'participant_credential', name: 'Fuzz Nobody', action: this.pick(['revoke', 'reset']) };
      case 'lead_claim':
        return { id, type: 'lead_claim' };
    }
    throw new Error('unreachable: every frame type has a template');
  }

  /** One field of a valid frame removed, retyped, made huge or deeply nested, or an unknown field added. */
  mutate(frame: Record<string, unknown>): Record<string, unknown> {
    const keys = Object.keys(frame);
    const key = this.pick(keys);
    const copy = { ...frame };
    switch (this.int(6)) {
      case 0:
        delete copy[key];
        break;
      case 1:
        copy[key] = this.value();
        break;
      case 2:
        copy[this.string().slice(0, 30) || 'extra'] = this.value();
        break;
      case 3:
        copy[key] = DEEP_MARK;
        break;
      case 4:
        copy.type = this.pick([...CLIENT_FRAME_TYPES, 'welcome', 'ack', 'event', 'HELLO', 'chat ', '']);
        break;
      default:
        copy[key] = this.pick(UNICODE_EDGES);
    }
    copy.id = this.int(10) === 0 ? this.id() : copy.id;
    return copy;
  }

  frame(): FuzzFrame {
    const roll = this.int(100);
    if (roll < 8) {
      // not JSON: cut-off, random bytes, or JSON-ish garbage
      const valid = JSON.stringify(this.valid());
      const data = this.pick([valid.slice(0, this.int(valid.length)), this.string(), `{"type":"chat",${this.string()}`, '', '{'.repeat(this.int(10_000))]);
      return { data, binary: false, id: null, kind: 'bad-json' };
    }
    if (roll < 10) {
      const bytes = Buffer.from(Array.from({ length: this.int(200) }, () => this.int(256)));
      return { data: bytes, binary: true, id: null, kind: 'binary' };
    }
    // random values never hold an "id" key: the generated keys are never that word
    if (roll < 20) return { data: JSON.stringify(this.value()), binary: false, id: null, kind: 'json-value' };
    if (roll < 25) return { data: this.deepJson(), binary: false, id: null, kind: 'deep' };
    if (roll < 40) {
      const frame = this.valid();
      return { data: JSON.stringify(frame), binary: false, id: frame.id as string, kind: 'valid' };
    }
    const frame = this.mutate(this.valid());
    const data = JSON.stringify(frame).replace(DEEP_MARK_JSON, () => this.deepJson());
    const id = typeof frame.id === 'string' && frame.id !== DEEP_MARK ? frame.id.slice(0, 64) : null;
    return { data, binary: false, id, kind: 'mutated' };
  }
}
