import { Command } from 'commander';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';
import type { ChatReading } from '../../orchestrator/monitoring/chat-reading.js';
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

function explainLine(text: string, json: boolean): void {
  const r = offlineAdvisor.readChat(text);
  if (json) return printJson({ text, reading: r.reading, confidence: r.confidence, kind: r.kind, category: r.category, heard: r.heard });
  const why = r.category ? ` [${r.category}${r.heard ? `: "${short(r.heard)}"` : ''}]` : '';
  printLines([`${r.reading} ${r.confidence.toFixed(2)}${r.kind ? ` ${r.kind}` : ''}${why} ${short(text) || '(empty)'} → ${whatTheLeadDoes(r)}`]);
}

export function registerExplain(program: Command): void {
  program.addCommand(
    new Command('explain')
      .description('how the lead reads a chat line, without a hub: blocker (it acts), unsure (it asks), or none')
      .argument('[text...]', 'the line to read; without it, one line per line of stdin')
      .option('--json', 'one object per line: {text, reading, confidence, kind, category, heard}')
      .addHelpText('after', '\nExamples:\n  huddle explain "the notifications need 1000+ concurrent connections but our infrastructure handles 100"\n  huddle explain --json < standup.txt')
      .action(async (words: string[], opts: { json?: boolean }) => {
        const json = !!opts.json;
        if (words.length) return explainLine(words.join(' '), json);
        await readInputLines(process.stdin, (line) => explainLine(line, json));
      }),
  );
}
