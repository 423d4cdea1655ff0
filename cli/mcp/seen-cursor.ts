/**
 * How far a participant has read the room: the sequence number of the last event it was shown, kept
 * per participant in the data folder (`seen/`). `huddle mcp` moves it when `huddle_inbox` answers and
 * `huddle inbox --unread` moves it when it prints, so the hook shows only what the agent has not seen.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SEEN_DIR = 'seen';

export class SeenCursor {
  readonly file: string;

  constructor(
    private readonly dataDir: string,
    readonly name: string,
  ) {
    // a name may hold any printable character; the file name must not
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 32) || 'participant';
    const hash = createHash('sha256').update(name).digest('hex').slice(0, 12);
    this.file = join(dataDir, SEEN_DIR, `${slug}-${hash}.json`);
  }

  /** The last sequence number shown, or undefined when nothing was ever shown to this participant here. */
  read(): number | undefined {
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as { name?: unknown; seq?: unknown };
      return saved.name === this.name && typeof saved.seq === 'number' && Number.isInteger(saved.seq) && saved.seq >= 0 ? saved.seq : undefined;
    } catch {
      return undefined;
    }
  }

  /** Moves the cursor forward (never back). A temporary file renamed over the old one: no torn writes, and a planted symlink is replaced, not followed. */
  advance(seq: number): void {
    if (seq <= (this.read() ?? -1)) return;
    mkdirSync(join(this.dataDir, SEEN_DIR), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, JSON.stringify({ name: this.name, seq }) + '\n', { mode: 0o600, flag: 'wx' });
    renameSync(temp, this.file);
  }
}
