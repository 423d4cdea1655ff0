/** Lines of a stream to its end (stdin for `huddle plan` and `huddle explain`); one at a time with onLine, each handled before the next. */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { logLine } from './output.js';

export async function readInputLines(input: Readable, onLine?: (line: string) => void | Promise<void>): Promise<string[]> {
  if ((input as { isTTY?: boolean }).isTTY) logLine('', 'Reading lines from the terminal; end with Ctrl-D.');
  const lines: string[] = [];
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (onLine) await onLine(line);
    else lines.push(line);
  }
  return lines;
}
