/**
 * `huddle agent --role R --name N` (alias `join`): a terminal for a person or an AI agent.
 * The mode is decided here: the ink UI on a TTY (ink is imported only then), the plain line mode with
 * --plain/--json or when stdin or stdout is not a TTY, the automated agent with --exec.
 */
import { Command } from 'commander';
import { resolveDataDir } from '../../collaboration-server/data-dir.js';
import { loadRoles } from '../../agents/roles.js';
import { connectAs, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { logLine, parseDuration } from '../output.js';
import { runExecAgent, withExecFlags, type ExecFlags } from './agent-exec.js';

export type AgentOptions = IdentityOptions & ExecFlags & { plain?: boolean; json?: boolean; cards?: boolean; awayAfter: string };

/** A terminal waits for the hub and reconnects forever: typed input is queued meanwhile. */
export const TERMINAL_CLIENT = { waitForHub: true, historyLimit: 30 } as const;

export function registerAgent(program: Command): void {
  const cmd = withExecFlags(withIdentityFlags(new Command('agent')))
    .alias('join')
    .description('join the room as a role: an ink UI on a terminal, plain lines otherwise')
    .option('--plain', 'plain line mode: one line in is one input, events come out as lines')
    .option('--json', 'plain line mode with one JSON object per line')
    .option('--cards', "plain line mode: print every card's details under the lead's message (by default only where they add to its text)")
    .option('--away-after <duration>', 'show me as away after this long without a key (ink UI only; 0: never)', '10m')
    .action(async (opts: AgentOptions) => {
      const me = { name: opts.name ?? '', role: opts.role ?? '' };
      const awayAfterMs = parseDuration(opts.awayAfter);
      const roles = loadRoles(resolveDataDir(opts.data));
      if (opts.exec) {
        const client = await connectAs(opts, TERMINAL_CLIENT);
        await runExecAgent(client, opts);
        return;
      }
      const plain = opts.plain || opts.json || opts.cards || !process.stdin.isTTY || !process.stdout.isTTY;
      if (plain) {
        // loaded before connecting: an event the hub sends while a module loads would have no listener and be lost
        const { runPlain } = await import('../plain/run-plain.js');
        // stdout stays for the room; a slow start is explained on stderr
        const waiting = setTimeout(() => logLine('', '~ waiting for the hub… (start it with `huddle up`)'), 2000);
        const client = await connectAs(opts, TERMINAL_CLIENT).finally(() => clearTimeout(waiting));
        await runPlain({ client, me, roles, json: !!opts.json, cards: !!opts.cards, input: process.stdin, output: process.stdout });
        return;
      }
      const { runInk } = await importInkOnTerminal();
      await runInk({ connect: () => connectAs(opts, TERMINAL_CLIENT), me, roles, awayAfterMs });
    });
  program.addCommand(cmd);
}

/**
 * Ink renders nothing until exit when it believes it runs in CI (the `CI` or `CONTINUOUS_INTEGRATION`
 * variable, read once when ink loads). We only get here on a real TTY, so hide those variables while ink
 * loads and put them back at once: commands started later still see them.
 * React picks its build by NODE_ENV when it loads, too: without one it takes the development build,
 * whose checks make each frame cost about 1.6 times the CPU (a resize at 160×50: ~145 ms, ~90 ms in
 * production). So unless NODE_ENV is set, React loads as production.
 */
async function importInkOnTerminal(): Promise<typeof import('../ui/run-ink.js')> {
  const saved = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION, NODE_ENV: process.env.NODE_ENV };
  for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) delete process.env[key];
  process.env.NODE_ENV = saved.NODE_ENV ?? 'production';
  try {
    return await import('../ui/run-ink.js');
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
