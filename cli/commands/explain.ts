import { Command } from 'commander';
import { BUILT_IN_ROLES } from '../../agents/roles.js';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';
import type { ChatReading } from '../../orchestrator/monitoring/chat-reading.js';
import { teamFromRoles } from '../../orchestrator/planning/dry-run.js';
import { llmConfigFromFlags, withLlmFlags, type LlmFlags } from '../llm-flags.js';
import { modelJudge } from '../llm-judge.js';
import { printJson, printLines } from '../output.js';
import { readInputLines } from '../read-lines.js';

/** What the lead does with a line it read this way, in a few words. */
function whatTheLeadDoes(r: ChatReading): string {
  switch (r.reading) {
    case 'blocker':
      return r.kind === 'business' ? "records a blocker on the sender's task and escalates it to the product owner" : "records a blocker on the sender's task and answers with guidance";
    case 'unsure':
      return r.about === 'other' ? 'asks the sender whether to record it on that person’s task (yes/no)' : 'asks the sender once: shall I record it as a blocker? (yes/no)';
    case 'none':
      return 'lets it be';
  }
}

const short = (text: string) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 100 ? `${one.slice(0, 99)}…` : one;
};

function explainLine(r: ChatReading, text: string, json: boolean): void {
  if (json) return printJson({ text, reading: r.reading, confidence: r.confidence, kind: r.kind, category: r.category, heard: r.heard });
  const why = r.category ? ` [${r.category}${r.heard ? `: "${short(r.heard)}"` : ''}]` : '';
  printLines([`${r.reading} ${r.confidence.toFixed(2)}${r.kind ? ` ${r.kind}` : ''}${why} ${short(text) || '(empty)'} → ${whatTheLeadDoes(r)}`]);
}

export function registerExplain(program: Command): void {
  program.addCommand(
    withLlmFlags(new Command('explain'))
      .description('how the lead reads a chat line, without a hub: blocker (it acts), unsure (it asks), or none')
      .argument('[text...]', 'the line to read; without it, one line per line of stdin')
      .option('--json', 'one object per line: {text, reading, confidence, kind, category, heard}')
      .addHelpText('after', '\nExamples:\n  huddle explain "the notifications need 1000+ concurrent connections but our infrastructure handles 100"\n  huddle explain --json < standup.txt\n  huddle explain --llm ollama:llama3.2 --json < standup.txt   (the model reads every line, checked; see docs/llm.md)')
      .action(async (words: string[], opts: LlmFlags & { json?: boolean }) => {
        const json = !!opts.json;
        // Comparing is the point: with a model, it reads every line, not only those the offline reader is unsure of.
        const llm = llmConfigFromFlags(opts);
        const model = llm ? await modelJudge({ ...llm, chat: 'all' }, BUILT_IN_ROLES, teamFromRoles(BUILT_IN_ROLES, Date.now())) : null;
        const read = async (text: string) => explainLine(model ? await model.run((advisor) => advisor.readChat(text)) : offlineAdvisor.readChat(text), text, json);
        if (words.length) return read(words.join(' '));
        await readInputLines(process.stdin, read);
      }),
  );
}
