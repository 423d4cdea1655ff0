/**
 * The CLI's manners as pure rules: names matched as people type them, errors that name the command
 * for where they were typed, columns measured as a terminal does, planned assignees, NO_COLOR.
 */
import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { matchName } from '../collaboration-server/name-match.js';
import { forShell, forTerminal } from '../cli/command-hints.js';
import { addressOf } from '../cli/input/address.js';
import { describeSprints, describeTasks } from '../cli/describe-event.js';
import { honourNoColor } from '../cli/output.js';
import { columns, NARROW, textWidth, truncateWidth } from '../cli/text-width.js';
import { makeSprint, makeTask } from './helpers/monitor-fixtures.js';
import stringWidth from 'string-width';

const people = [
  { name: 'Zoë 🚀 前端', role: 'frontend-dev' },
  { name: 'Backend Developer', role: 'backend-dev' },
  { name: 'QA Engineer', role: 'qa' },
  { name: 'Quinn', role: 'qa' },
];

describe('names matched as people type them', () => {
  it('take any case, no accents, the start of the name or of one of its words', () => {
    for (const typed of ['zoë', 'ZOE', 'zo', '前端', 'Zoë 🚀 前端']) expect(matchName(typed, people)).toEqual({ kind: 'one', name: 'Zoë 🚀 前端' });
    expect(matchName('backend', people)).toEqual({ kind: 'one', name: 'Backend Developer' });
    expect(matchName('engineer', people)).toEqual({ kind: 'one', name: 'QA Engineer' });
  });

  it('take @role when one person has it, and say so when a name or a role fits several', () => {
    expect(matchName('@frontend-dev', people)).toEqual({ kind: 'one', name: 'Zoë 🚀 前端' });
    expect(matchName('@qa', people)).toEqual({ kind: 'many', names: ['QA Engineer', 'Quinn'] });
    expect(matchName('q', people)).toEqual({ kind: 'many', names: ['QA Engineer', 'Quinn'] });
    expect(matchName('xavier', people)).toEqual({ kind: 'none' });
  });

  it('address /dm and `huddle say --to`: a role to its people, a name to one, a near miss with what to do', () => {
    expect(addressOf('zoe', people, ['qa'])).toEqual({ audience: { kind: 'participant', name: 'Zoë 🚀 前端' } });
    expect(addressOf('@qa', people, ['qa'])).toEqual({ audience: { kind: 'role', role: 'qa' } });
    expect(addressOf('q', people, ['qa'])).toEqual({ problem: '"q" could be QA Engineer or Quinn: type more of the name.' });
    expect(addressOf('xavier', people, ['qa'])).toEqual({ problem: expect.stringMatching(/^Nobody called "xavier" is here\. Here are: Zoë/) });
  });
});

describe('errors point to the command that fits where they were typed', () => {
  it('in a terminal, the slash command', () => {
    expect(forTerminal("No task T-99. `huddle tasks` lists the sprint's tasks.")).toBe("No task T-99. /tasks all lists the sprint's tasks.");
    expect(forTerminal('Answer with `huddle answer E-1 B`.')).toBe('Answer with /answer E-1 B.');
  });

  it('in a shell, the huddle command', () => {
    expect(forShell('/answer is for the Product Owner (role human); you joined as qa.')).toBe('huddle answer is for the Product Owner (role human); you joined as qa.');
    expect(forShell('"x" is not a task id. Usage: /done ID [summary]')).toBe('"x" is not a task id. Usage: huddle task done ID [summary]');
    expect(forShell('Nobody called "Al" has joined. /who lists the participants.')).toBe('Nobody called "Al" has joined. huddle who lists the participants.');
    // a path is not a command
    expect(forShell('see /tmp/who/done.log')).toBe('see /tmp/who/done.log');
  });
});

describe('columns measured as a terminal does', () => {
  it('align after wide characters and after an estimate of 18.5h', () => {
    const lines = describeTasks([
      makeTask({ id: 'T-1', title: 'Design', estimateHours: 18.5, assignee: 'Zoë 🚀 前端', status: 'assigned' }),
      makeTask({ id: 'T-10', title: 'Build', estimateHours: 6, assignee: null, plannedAssignee: 'Zoë 🚀 前端', status: 'pending' }),
      makeTask({ id: 'T-11', title: 'Test', estimateHours: 2, assignee: null, role: 'qa', status: 'pending' }),
    ]);
    expect(lines).toEqual([
      'T-1   assigned    0%  18.5h  Design → Zoë 🚀 前端',
      'T-10  pending     0%     6h  Build → Zoë 🚀 前端 (planned)',
      'T-11  pending     0%     2h  Test (qa, unassigned)',
    ]);
    expect(columns([['前端', 'x'], ['ab', 'y']])).toEqual(['前端  x', 'ab    y']);
  });

  it('align the sprints, the name last, and count one point and one task in the singular', () => {
    const day = 86_400_000;
    const at = (n: number) => ({ startsAt: Date.UTC(2026, 0, 5) + n * 14 * day, endsAt: Date.UTC(2026, 0, 19) + n * 14 * day });
    const lines = describeSprints([
      { sprint: makeSprint({ id: 'S-1', number: 9, name: 'Sprint 9 · Zoë 🚀 前端', status: 'closed', ...at(0) }), tasks: [makeTask({ points: 1, status: 'cancelled' }), makeTask({ id: 'T-2', points: 1 })] },
      { sprint: makeSprint({ id: 'S-2', number: 10, name: 'Sprint 10', status: 'closed', ...at(1) }), tasks: [makeTask({ points: 3, status: 'done' }), makeTask({ id: 'T-2', points: 10 }), makeTask({ id: 'T-3', points: 0 })] },
      { sprint: makeSprint({ id: 'S-3', number: 11, name: 'Sprint 11', ...at(2) }), tasks: [] },
    ]);
    expect(lines).toEqual([
      ' 9  closed  2026-01-05 → 2026-01-19  0/1 task done (0%)    0/1 point    1 to the backlog  Sprint 9 · Zoë 🚀 前端',
      '10  closed  2026-01-19 → 2026-02-02  1/3 tasks done (33%)  3/13 points  2 to the backlog  Sprint 10',
      '11  active  2026-02-02 → 2026-02-16  0/0 tasks done (0%)   0/0 points                     Sprint 11',
    ]);
  });

  it('cut with an ellipsis between graphemes, never past the width', () => {
    expect(truncateWidth('Zoë 🚀 前端', 8)).toBe('Zoë 🚀…');
    expect(textWidth(truncateWidth('前端前端', 5))).toBeLessThanOrEqual(5);
  });

  it('measure the narrow characters quickly, in agreement with string-width', () => {
    const disagree: string[] = [];
    for (let c = 0x20; c < 0x3000; c++) {
      const ch = String.fromCodePoint(c);
      if (NARROW.test(ch) && stringWidth(ch) !== 1) disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
  });
});

describe('NO_COLOR', () => {
  const level = chalk.level;
  afterEach(() => void (chalk.level = level));
  it('turns colour off when set to anything, and leaves it when empty', () => {
    chalk.level = 3;
    honourNoColor({ NO_COLOR: '' });
    expect(chalk.level).toBe(3);
    honourNoColor({ NO_COLOR: '1' });
    expect(chalk.level).toBe(0);
  });
});
