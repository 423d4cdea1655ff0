import { Command, Option } from 'commander';
import { HuddleError } from '../../collaboration-server/errors.js';
import { BUILT_IN_ROLES, loadRolesFile } from '../../agents/roles.js';
import { isStrategy, STRATEGIES, type Strategy } from '../../orchestrator/planning/assignment.js';
import { DEFAULT_SPRINT_DAYS } from '../../orchestrator/planning/capacity.js';
import { planWithoutHub, teamFromRoles, type DryRun } from '../../orchestrator/planning/dry-run.js';
import { llmConfigFromFlags, withLlmFlags, type LlmFlags } from '../llm-flags.js';
import { modelJudge } from '../llm-judge.js';
import { printJson, printText } from '../output.js';
import { readInputLines } from '../read-lines.js';

interface PlanFlags extends LlmFlags {
  team?: string;
  days: string;
  strategy: string;
  json?: boolean;
}

/** The `--json` object: the analysis of each objective and the tasks, as the lead would propose them. */
function asJson({ proposal }: DryRun) {
  if (!proposal) return { objectives: [], tasks: [], unreadable: [] };
  return {
    objectives: proposal.objectives.map((o) => ({ text: o.text, priority: o.priority, points: o.points, hours: o.hours, domains: o.domains, reasons: o.adjustments })),
    tasks: proposal.tasks.map((t) => {
      const a = proposal.assignments.get(t.key);
      return { key: t.key, title: t.title, role: t.role, hours: t.hours, dependsOn: t.dependsOn, assignee: a?.name ?? null, rationale: a?.rationale ?? '', acceptance: t.acceptance };
    }),
    unreadable: proposal.unreadable,
    totalHours: proposal.feasibility.totalHours,
    capacityHours: proposal.feasibility.capacityHours,
    fits: proposal.feasibility.fits,
  };
}

export function registerPlan(program: Command): void {
  program.addCommand(
    withLlmFlags(new Command('plan'))
      .description('the sprint plan the lead would propose for these objectives, without a hub (one argument per objective, or one per line of stdin)')
      .argument('[objectives...]', 'objectives, as the product owner would say them')
      .option('--team <file>', 'a team file (JSON, like .huddle/team.json); default: the built-in roles, one person each')
      .option('--days <n>', 'sprint length in days (1-60)', String(DEFAULT_SPRINT_DAYS))
      .addOption(new Option('--strategy <strategy>', `how tasks are assigned: ${STRATEGIES.join(', ')}`).default('expertise'))
      .option('--json', 'one JSON object: objectives (text, priority, points, hours, domains, reasons) and tasks')
      .addHelpText('after', '\nExamples:\n  huddle plan "Let users sign in with Google" "Cut our AWS bill by 30%"\n  huddle plan --days 10 --json < backlog.txt\n  huddle plan --llm ollama:llama3.2 "Let users sign in with Google"   (the model\'s plan, checked; see docs/llm.md)')
      .action(async (objectives: string[], opts: PlanFlags) => {
        const days = Number(opts.days);
        if (!Number.isInteger(days) || days < 1 || days > 60) throw new HuddleError('BAD_FRAME', `--days takes a whole number of days from 1 to 60, not "${opts.days}".`);
        if (!isStrategy(opts.strategy)) throw new HuddleError('BAD_FRAME', `--strategy takes one of ${STRATEGIES.join(', ')}, not "${opts.strategy}".`);
        const roles = opts.team ? loadRolesFile(opts.team) : [...BUILT_IN_ROLES];
        const messages = objectives.length ? objectives : await readInputLines(process.stdin);
        if (messages.every((m) => !m.trim())) throw new HuddleError('BAD_FRAME', 'No objectives given: pass them as arguments, or one per line on stdin. Try: huddle plan "Let users sign in with Google"');
        const llm = llmConfigFromFlags(opts);
        const now = Date.now();
        const input = { messages, roles, days, strategy: opts.strategy as Strategy, now };
        const run = llm ? await (await modelJudge(llm, roles, teamFromRoles(roles, now))).run((advisor) => planWithoutHub({ ...input, advisor })) : planWithoutHub(input);
        if (opts.json) return printJson(asJson(run));
        printText(`${run.replies.join('\n\n')}\n`);
      }),
  );
}
