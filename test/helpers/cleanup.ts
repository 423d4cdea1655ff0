/** One place per test file to undo what a test started: processes, clients, temp folders. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

export type OnCleanup = (fn: () => unknown) => void;

/** Call at the top of a test file: after each test, runs what was registered, last first (and awaits each). */
export function cleanupAfterEach(): OnCleanup {
  const fns: (() => unknown)[] = [];
  afterEach(async () => {
    for (const fn of fns.splice(0).reverse()) await fn();
  });
  return (fn) => {
    fns.push(fn);
  };
}

/** A fresh folder under the system temp dir, removed at cleanup. */
export function tempDir(prefix: string, onCleanup: OnCleanup): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
