/**
 * A real terminal for the ink UI: the built `huddle` under a private tmux server, driven with
 * send-keys and read with capture-pane, as a person would see it. Skipped where tmux is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { vi } from 'vitest';
import { HUDDLE_BIN } from './cli.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface Terminal {
  /** the visible screen, one string per row (capture-pane drops the trailing spaces) */
  screen(): string;
  /** the same with its colours and styles, as escape sequences */
  styled(): string;
  keys(...keys: string[]): void;
  resize(columns: number, rows: number): void;
  /** writes straight to the terminal, past the program in it: what another process's stray output does */
  scribble(text: string): void;
  /** waits until the screen shows what `predicate` looks for; the error shows the screen */
  until(predicate: (screen: string) => boolean, timeoutMs?: number): Promise<string>;
  kill(): void;
}

/**
 * Starts `huddle ARGS` in a tmux window of `columns` × `rows` on a private server (it never touches
 * anyone's sessions). CI=true as on a CI machine, where ink would otherwise draw nothing until exit.
 */
export function startTerminal(args: string[], { columns = 120, rows = 40, env = {} }: { columns?: number; rows?: number; env?: Record<string, string> } = {}): Terminal {
  const socket = `huddle-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...a: string[]) => execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' });
  const command = [process.execPath, HUDDLE_BIN, ...args].map(quote).join(' ');
  tmux('new-session', '-d', '-s', 'ui', '-x', String(columns), '-y', String(rows), '-c', tmpdir(), '-e', 'CI=true', ...Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]), `${command}; echo "[exited $?]"; sleep 60`);
  const screen = () => tmux('capture-pane', '-p', '-t', 'ui');
  return {
    screen,
    styled: () => tmux('capture-pane', '-p', '-e', '-t', 'ui'),
    keys: (...k) => void tmux('send-keys', '-t', 'ui', ...k),
    resize: (c, r) => void tmux('resize-window', '-t', 'ui', '-x', String(c), '-y', String(r)),
    scribble: (text) => appendFileSync(tmux('display-message', '-p', '-t', 'ui', '#{pane_tty}').trim(), text),
    async until(predicate, timeoutMs = 10_000) {
      let seen = '';
      await vi.waitFor(
        () => {
          seen = screen();
          if (!predicate(seen)) throw new Error(`the screen does not show it yet:\n${seen}`);
        },
        { timeout: timeoutMs, interval: 50 },
      );
      return seen;
    },
    kill: () => void spawnSync('tmux', ['-L', socket, 'kill-server']),
  };
}
