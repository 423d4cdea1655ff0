/**
 * What a running command printed, kept three ways: the full log waiting to be appended to the task's
 * artifact, a rate-limited short progress note for the room, and the last lines of each stream for
 * the summary or the failure reason. Pure: the caller decides when to take what is due.
 */
import type { Clock } from '../collaboration-server/clock.js';
import { stripEscapeSequences, terminalSafe } from '../collaboration-server/terminal-text.js';

export type Stream = 'stdout' | 'stderr';

export interface RunOutputOptions {
  /** at most one progress note per this many milliseconds */
  noteEveryMs: number;
  /** the stored log stops growing past this many characters (a note in the log says so) */
  maxLogChars?: number;
  /** a progress note is at most this many characters */
  noteChars?: number;
  keepLines?: number;
}

/**
 * A command's output as the room and its log keep it: colour and cursor codes removed, a carriage return
 * that redraws a line (a progress bar) read as a line break, every other control shown (terminalSafe).
 * Output is untrusted like chat: this is what every progress note, summary and stored log is made of.
 */
export const readableOutput = (raw: string): string => terminalSafe(stripEscapeSequences(raw).replace(/\r(?!\n)/g, '\n'));

class LineTail {
  private lines: string[] = [];
  private partial = '';
  constructor(private readonly keep: number) {}
  push(text: string): void {
    const parts = (this.partial + text).split(/\r?\n|\r/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) this.lines.push(line.trimEnd());
    if (this.lines.length > this.keep) this.lines.splice(0, this.lines.length - this.keep);
  }
  last(n: number): string[] {
    const all = this.partial.trim() ? [...this.lines, this.partial.trimEnd()] : this.lines;
    return all.slice(-n);
  }
}

export class RunOutput {
  private pendingLog = '';
  private readonly all: LineTail;
  private readonly errors: LineTail;
  private loggedChars = 0;
  private lastNoteAt = Number.NEGATIVE_INFINITY;
  private freshSinceNote = false;
  totalBytes = 0;

  constructor(
    private readonly clock: Clock,
    private readonly options: RunOutputOptions,
  ) {
    this.all = new LineTail(options.keepLines ?? 40);
    this.errors = new LineTail(options.keepLines ?? 40);
  }

  /** Keeps what the command printed; returns it as kept (readableOutput). */
  push(stream: Stream, raw: string): string {
    const text = readableOutput(raw);
    this.totalBytes += Buffer.byteLength(raw);
    this.appendLog(text);
    this.all.push(text);
    if (stream === 'stderr') this.errors.push(text);
    if (text.trim()) this.freshSinceNote = true;
    return text;
  }

  /** A line the runner itself adds to the log (start, guidance given, exit); it may quote room text. */
  mark(line: string): void {
    this.pendingLog += `[huddle] ${terminalSafe(line)}\n`;
  }

  private appendLog(text: string): void {
    const max = this.options.maxLogChars ?? 20_000_000;
    if (this.loggedChars >= max) return;
    this.loggedChars += text.length;
    if (this.loggedChars < max) this.pendingLog += text;
    else this.pendingLog += `${text.slice(0, text.length - (this.loggedChars - max))}\n[huddle] the log passed ${max} characters; the rest is not stored\n`;
  }

  /**
   * The log text not yet stored, at most `maxChars` of it; empty when nothing is waiting. 64K characters
   * stay under the hub's 1 MB frame bound even when every one is escaped in JSON.
   */
  takeLog(maxChars = 64 * 1024): string {
    const chunk = this.pendingLog.slice(0, maxChars);
    this.pendingLog = this.pendingLog.slice(chunk.length);
    return chunk;
  }

  get hasLog(): boolean {
    return this.pendingLog.length > 0;
  }

  /** The latest printed line as a short note, when one is due; null otherwise. */
  takeNote(): string | null {
    const now = this.clock.now();
    if (!this.freshSinceNote || now - this.lastNoteAt < this.options.noteEveryMs) return null;
    const line = this.all.last(1)[0];
    if (!line) return null;
    this.freshSinceNote = false;
    this.lastNoteAt = now;
    return trimTo(line.trim(), this.options.noteChars ?? 200);
  }

  lastLines(n: number): string[] {
    return this.all.last(n);
  }

  lastErrorLines(n: number): string[] {
    return this.errors.last(n);
  }
}

export function trimTo(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
