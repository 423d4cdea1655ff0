/**
 * The log of a long-running command (the hub's): readable lines on a terminal, JSON lines (one object
 * each: time, level, component, msg) for a log collector when stderr is not a terminal or with
 * --log-format json.
 */
import { HuddleError } from '../collaboration-server/errors.js';
import type { Log, LogLevel } from '../collaboration-server/log.js';
import { logJson, logLine } from './output.js';

export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export function resolveLogFormat(flag: string | undefined, stderrIsTty = !!process.stderr.isTTY): LogFormat {
  if (flag === undefined) return stderrIsTty ? 'text' : 'json';
  if (!(LOG_FORMATS as readonly string[]).includes(flag)) throw new HuddleError('BAD_FRAME', `--log-format takes text or json, not "${flag}".`);
  return flag as LogFormat;
}

/** What one log line becomes in each format; `now` is injectable for tests. */
export function logRecord(component: string, line: string, level: LogLevel, now: Date = new Date()): { time: string; level: LogLevel; component: string; msg: string } {
  return { time: now.toISOString(), level, component, msg: line };
}

export function textLine(line: string, level: LogLevel): string {
  return level === 'info' ? line : `${level}: ${line}`;
}

export function logger(format: LogFormat, component: string): Log {
  if (format === 'json') return (line, level = 'info') => logJson(logRecord(component, line, level));
  return (line, level = 'info') => logLine(`${component}: `, textLine(line, level));
}
