import { describe, expect, it } from 'vitest';
import { FakeClock } from '../collaboration-server/clock.js';
import { StallDetector, looksLikeQuestion } from '../agents/stall-detector.js';
import { RunOutput } from '../agents/run-output.js';

describe('stall detector', () => {
  it('reports a command silent for stall-after once, with its last lines, and forgets it on new output', () => {
    const clock = new FakeClock();
    const d = new StallDetector(clock, { stallAfterMs: 60_000 });
    d.observe('compiling\nrunning tests\n');
    clock.advance(59_999);
    expect(d.check()).toBeNull();
    clock.advance(1);
    expect(d.check()).toMatchObject({ kind: 'silent', lastLines: ['compiling', 'running tests'], question: null });
    expect(d.check()).toBeNull();
    d.observe('still here\n');
    clock.advance(60_000);
    expect(d.check()?.lastLines.at(-1)).toBe('still here');
  });

  it('reports a question on the last line once it stays unanswered for the settle time', () => {
    const clock = new FakeClock();
    const d = new StallDetector(clock, { stallAfterMs: 600_000, questionSettleMs: 2000 });
    d.observe('About to rewrite 3 files\nOverwrite config.json? [y/N] ');
    clock.advance(1999);
    expect(d.check()).toBeNull();
    clock.advance(1);
    expect(d.check()).toMatchObject({ kind: 'question', question: 'Overwrite config.json? [y/N]' });
  });

  it('does not take an ordinary line ending in a question mark mid-stream for a prompt once output moves on', () => {
    const clock = new FakeClock();
    const d = new StallDetector(clock, { stallAfterMs: 600_000, questionSettleMs: 2000 });
    d.observe('Do you want to know why? Because the cache was cold.\n');
    clock.advance(1000);
    d.observe('done\n');
    clock.advance(5000);
    expect(d.check()).toBeNull();
  });

  it('an answer written to the command restarts the clock', () => {
    const clock = new FakeClock();
    const d = new StallDetector(clock, { stallAfterMs: 1000 });
    clock.advance(1000);
    expect(d.check()?.kind).toBe('silent');
    d.answered();
    clock.advance(999);
    expect(d.check()).toBeNull();
    clock.advance(1);
    expect(d.check()?.kind).toBe('silent');
  });

  it.each([
    ['Continue? [y/N] ', true],
    ['Proceed (yes/no)?', true],
    ['[sudo] password for dev: ', true],
    ['Enter passphrase for key /home/dev/.ssh/id_ed25519: ', true],
    ['Allow Claude to run `rm -rf build`?', true],
    ['Do you want to make this edit to app.ts?', true],
    ['Press Enter to continue', true],
    ['> ', true],
    ['Tests: 12 passed', false],
    ['Why did this fail? See the log above.', false],
    ['', false],
  ])('looksLikeQuestion(%j) is %s', (line, expected) => {
    expect(looksLikeQuestion(line)).toBe(expected);
  });
});

describe('run output', () => {
  it('keeps the full log for the artifact, a rate-limited latest line as a note, and the stderr tail', () => {
    const clock = new FakeClock();
    const out = new RunOutput(clock, { noteEveryMs: 10_000, noteChars: 20 });
    out.push('stdout', '\u001B[32mstep 1\u001B[0m\n');
    out.push('stderr', 'warning: slow\n');
    expect(out.takeNote()).toBe('warning: slow');
    out.push('stdout', 'step 2 with a very long line that goes on\n');
    expect(out.takeNote()).toBeNull(); // rate-limited
    clock.advance(10_000);
    expect(out.takeNote()).toBe('step 2 with a very…');
    clock.advance(10_000);
    expect(out.takeNote()).toBeNull(); // nothing new
    expect(out.takeLog()).toBe('step 1\nwarning: slow\nstep 2 with a very long line that goes on\n');
    expect(out.hasLog).toBe(false);
    expect(out.lastErrorLines(5)).toEqual(['warning: slow']);
  });

  it('stops storing the log past its bound, and says so in the log', () => {
    const out = new RunOutput(new FakeClock(), { noteEveryMs: 0, maxLogChars: 10 });
    out.push('stdout', 'abcdefgh\n');
    out.push('stdout', 'ijklmnop\n');
    out.push('stdout', 'qrs\n');
    expect(out.takeLog()).toBe('abcdefgh\ni\n[huddle] the log passed 10 characters; the rest is not stored\n');
    expect(out.lastLines(1)).toEqual(['qrs']); // the summary still sees the latest lines
  });
});
