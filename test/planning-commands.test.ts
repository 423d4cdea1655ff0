/** The planning vocabulary is one table: the help the lead and the terminal give is what the lead understands. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../agents/roles.js';
import { findCommand, type CommandContext } from '../cli/input/commands.js';
import { emptyRoom } from '../cli/room.js';
import { PLAN_SPRINT, PLANNING_COMMANDS } from '../orchestrator/planning/commands.js';
import { handleMessage } from '../orchestrator/planning/session.js';
import { initialPlanningState } from '../orchestrator/planning/state.js';
import { person, SEED, seedRoster, seedView } from './helpers/planning-team.js';

const view = seedView();
const proposed = () => {
  const opened = handleMessage(initialPlanningState(), 'plan sprint', view).state;
  return handleMessage(opened, SEED, view).state;
};
/** What a product owner types after reading a usage: a name for NAME, each choice of a|b|c. */
const examplesOf = (usage: string): string[] => {
  const choices = /(\S+\|\S+)/.exec(usage)?.[1];
  const typed = usage.replace('NAME', 'CTO');
  return choices ? choices.split('|').map((c) => typed.replace(choices, c)) : [typed];
};

describe('the planning commands table', () => {
  it('understands every line its help shows', () => {
    for (const command of PLANNING_COMMANDS) {
      for (const example of examplesOf(command.usage)) {
        const reply = handleMessage(proposed(), example, view).replies[0]!.text;
        expect(reply, example).not.toMatch(/did not understand/);
      }
    }
  });

  it('lists every command, with its help, when the lead does not understand', () => {
    const reply = handleMessage(proposed(), 'make it faster please', view).replies[0]!.text;
    const listed = reply.split('\n').slice(2);
    expect(listed).toEqual(PLANNING_COMMANDS.map((c) => `  ${c.usage} — ${c.help}`));
  });

  it('ends the breakdown with every command, in the table’s order', () => {
    const breakdown = handleMessage(handleMessage(initialPlanningState(), 'plan sprint', view).state, SEED, view).replies.at(-1)!.text;
    expect(breakdown.split('\n').at(-1)).toBe(`Reply with: ${PLANNING_COMMANDS.map((c) => c.usage).join(' · ')}`);
  });

  it('is what the terminal’s /help lists as the lead’s words', async () => {
    const me = { name: 'Product Owner', role: 'human' };
    const ctx: CommandContext = { me, hub: { send: () => Promise.reject(new Error('unused')), request: () => Promise.reject(new Error('unused')) }, room: () => emptyRoom(me, [...BUILT_IN_ROLES]) };
    const help = await findCommand('help')!.run(ctx, '');
    if (help.kind !== 'lines') throw new Error(`expected lines, got ${help.kind}`);
    for (const usage of [PLAN_SPRINT.usage, ...PLANNING_COMMANDS.map((c) => c.usage)]) expect(help.lines.join('\n')).toContain(usage);
  });

  it('is what docs/planning.md describes', () => {
    const doc = readFileSync(new URL('../docs/planning.md', import.meta.url), 'utf8');
    for (const command of PLANNING_COMMANDS) expect(doc).toContain(`\`${command.usage}\``);
  });
});

describe('assign T-n to NAME, with the name as people type it', () => {
  const team = seedView({ roster: [...seedRoster(), person('Zoë 🚀 前端', 'frontend-dev'), person('Backend Dev Two', 'backend-dev')] });
  const planned = () => handleMessage(handleMessage(initialPlanningState(), 'plan sprint', team).state, SEED, team).state;
  const assign = (who: string) => handleMessage(planned(), `assign T-5 to ${who}`, team).replies.at(-1)!;
  const assigneeOf = (reply: ReturnType<typeof assign>) => (reply.card?.kind === 'breakdown' ? reply.card.tasks.find((t) => t.key === 'T-5')?.assignee : undefined);

  it.each(['zoë', 'zoe', 'ZOË', 'zo', 'Zoë 🚀 前端', '前端', '@frontend-dev'])('finds Zoë 🚀 前端 from %s', (typed) => {
    expect(assigneeOf(assign(typed))).toBe('Zoë 🚀 前端');
  });

  it('asks which one when the start of a name or a role fits more than one person', () => {
    expect(assign('backend').text).toMatch(/"backend" could be (Backend Developer or Backend Dev Two|Backend Dev Two or Backend Developer)/);
    expect(assign('@backend-dev').text).toMatch(/could be (Backend Developer or Backend Dev Two|Backend Dev Two or Backend Developer)/);
    expect(assign('nobody').text).toMatch(/nobody is not on the team/);
  });
});
