import { Command } from 'commander';
import { withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';

export function registerEscalations(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('escalations'))
      .description('list the questions waiting for the product owner (answer with: huddle answer E-1 A)')
      .option('--all', 'answered ones too, with their decisions')
      .option('--json', 'one JSON object per escalation')
      .action(async (opts: IdentityOptions & { all?: boolean; json?: boolean }) => {
        const reply = await withClient(opts, (client) => client.request({ type: 'escalations', status: opts.all ? 'all' : 'open' }));
        if (!opts.json && reply.escalations.length === 0) return printLines(['Nothing is waiting for the product owner.']);
        for (const e of reply.escalations) {
          const decision = reply.decisions.find((d) => d.escalationId === e.id);
          if (opts.json) {
            printJson({ ...e, decision: decision ?? null });
            continue;
          }
          const lines = [
            `${e.id} [${e.status}] ${e.title}`,
            `  blocker: ${e.blocker}`,
            `  impact: ${e.impact}`,
            `  why: ${e.reason}`,
            ...e.options.map((o) => `  ${o.key}) ${o.label}  [${o.effect}]`),
            decision ? `  decided by ${decision.by}: ${decision.text}` : `  answer with: huddle answer ${e.id} ${e.options[0]?.key ?? 'A'}`,
          ];
          printLines(lines, '    ');
        }
      }),
  );
}
