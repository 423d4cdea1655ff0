/**
 * Notices when a running command stops making progress: it printed nothing for `stallAfterMs`, or
 * its last line is an interactive question (a permission prompt, a y/n question, a password prompt)
 * that nothing has answered for `questionSettleMs`. Pure: it is fed output and asked with a time.
 */
import type { Clock } from '../collaboration-server/clock.js';
import { HOUR, MINUTE, SECOND } from '../collaboration-server/units.js';

export type StallKind = 'silent' | 'question';

export interface Stall {
  kind: StallKind;
  /** one sentence for the blocker note */
  reason: string;
  /** the last lines the command printed, oldest first */
  lastLines: string[];
  /** for a question: the line that asks it */
  question: string | null;
}

export interface StallOptions {
  stallAfterMs: number;
  /** how long a question must stay unanswered before it counts (a line ending in "?" mid-stream does not) */
  questionSettleMs?: number;
  keepLines?: number;
}

/** Last lines that wait for an answer. Matched against the final line, trimmed. */
export const QUESTION_PATTERNS: readonly RegExp[] = [
  /[[(]\s*y(es)?\s*\/\s*n(o)?\s*[\])]\s*[:?]?$/i, // [y/N]  (yes/no)
  /\by\/n\b.*$/i,
  /\b(password|passphrase|pin|token)\b[^:]*:\s*$/i, // Password:  Enter passphrase for key:
  /\b(allow|approve|permit|grant|proceed|continue|overwrite|confirm|trust)\b.*\?\s*$/i, // Allow this command?
  /\bdo you want to\b.*\?\s*$/i,
  /\b(press|hit) (enter|return|any key)\b/i,
  /\b(select|choose) (an option|one)\b.*[:?]\s*$/i,
  /^\s*[>?]\s*$/, // a bare prompt
];

export function looksLikeQuestion(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && QUESTION_PATTERNS.some((p) => p.test(trimmed));
}

export class StallDetector {
  private lastOutputAt: number;
  private lines: string[] = [];
  private partial = '';
  private reported = false;

  constructor(
    private readonly clock: Clock,
    private readonly options: StallOptions,
  ) {
    this.lastOutputAt = clock.now();
  }

  /** Records output; any output ends a stall that was reported. */
  observe(text: string): void {
    if (!text) return;
    this.lastOutputAt = this.clock.now();
    this.reported = false;
    const parts = (this.partial + text).split(/\r?\n|\r/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.pushLine(line);
  }

  /** The command was given input (an answer): it is no longer considered waiting. */
  answered(): void {
    this.lastOutputAt = this.clock.now();
    this.reported = false;
  }

  get stalled(): boolean {
    return this.reported;
  }

  /** The stall to report now, once per quiet spell; null when the command is making progress. */
  check(): Stall | null {
    if (this.reported) return null;
    const quietFor = this.clock.now() - this.lastOutputAt;
    const last = this.lastLine();
    const settle = this.options.questionSettleMs ?? Math.min(2000, this.options.stallAfterMs);
    if (last !== null && quietFor >= settle && looksLikeQuestion(last)) {
      this.reported = true;
      return { kind: 'question', reason: `It is waiting at a question: "${last.trim()}"`, lastLines: this.tail(), question: last.trim() };
    }
    if (quietFor >= this.options.stallAfterMs) {
      this.reported = true;
      return { kind: 'silent', reason: `It has printed nothing for ${describeMs(quietFor)}.`, lastLines: this.tail(), question: null };
    }
    return null;
  }

  /** The last non-empty lines printed, including an unfinished one. */
  tail(): string[] {
    const all = this.partial.trim() ? [...this.lines, this.partial] : [...this.lines];
    return all.slice(-(this.options.keepLines ?? 10));
  }

  private lastLine(): string | null {
    if (this.partial.trim()) return this.partial;
    return this.lines.at(-1) ?? null;
  }

  private pushLine(line: string): void {
    if (!line.trim()) return;
    this.lines.push(line);
    const keep = this.options.keepLines ?? 10;
    if (this.lines.length > keep) this.lines.splice(0, this.lines.length - keep);
  }
}

export function describeMs(ms: number): string {
  if (ms < SECOND) return `${Math.round(ms)}ms`;
  if (ms < MINUTE) return `${Math.round(ms / SECOND)}s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  return `${(ms / HOUR).toFixed(1)} h`;
}
