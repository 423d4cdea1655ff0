/**
 * `huddle inbox [--unread] [--quiet] [--hook stop|context] [--peek]`: what was said to me, my role or everyone.
 * The hook that wakes an agent between turns: with --unread it prints only what the agent has not
 * seen yet (here or through huddle_inbox; the cursor is kept per participant in the data folder),
 * with --quiet nothing at all when there is nothing new. See docs/mcp.md for each client's set-up.
 */
import { Command, Option } from 'commander';
import { resolveDataDir } from '../../collaboration-server/data-dir.js';
import { HuddleError } from '../../collaboration-server/errors.js';
import { oneShotIdentity, withClient, withIdentityFlags, type IdentityOptions } from '../connect.js';
import { printJson, printLines } from '../output.js';
import { eventsSince } from '../mcp/events-since.js';
import { belongsInInbox, itemLines, toInboxItem } from '../mcp/inbox-item.js';
import { SeenCursor } from '../mcp/seen-cursor.js';
import { HOOK_PROTOCOLS, hookEventName, hookOutput, type HookProtocol } from '../mcp/hook-output.js';

type Opts = IdentityOptions & { unread?: boolean; quiet?: boolean; peek?: boolean; limit: string; hook?: HookProtocol; json?: boolean };

/** Without --unread (or before anything was ever shown): this many of the latest items. */
const DEFAULT_LIMIT = 20;

export function registerInbox(program: Command): void {
  program.addCommand(
    withIdentityFlags(new Command('inbox'))
      .description('what was said to you, your role or everyone; with --unread --quiet, the hook that wakes an agent between turns')
      // Codex's `notify` appends a JSON description of the turn: accepted and not needed
      .argument('[notification]', 'ignored: lets the command run as a Codex `notify` program')
      .option('--unread', 'only what you have not been shown yet, and remember that it was shown')
      .option('--quiet', 'print nothing when there is nothing to show')
      .option('--peek', 'with --unread: show, but leave it unread')
      .option('--limit <n>', 'at most this many items (the newest)', String(DEFAULT_LIMIT))
      .addOption(
        new Option('--hook <protocol>', 'print JSON for a hook: stop (Claude Code/Codex Stop, Gemini AfterAgent) or context (UserPromptSubmit, BeforeAgent, SessionStart)').choices(HOOK_PROTOCOLS),
      )
      .option('--json', 'one JSON object per item')
      .action(async (_notification: string | undefined, opts: Opts) => {
        // an inbox is someone's: a name is needed (its role, when not given, is the one it joined with)
        if (!opts.name) throw new HuddleError('BAD_FRAME', 'Say whose inbox: --name "Your Name" (or HUDDLE_NAME).');
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new HuddleError('BAD_FRAME', `--limit takes 1 to 200, not "${opts.limit}".`);
        const me = await oneShotIdentity(opts);
        const cursor = new SeenCursor(resolveDataDir(opts.data), me.name);
        const after = opts.unread ? (cursor.read() ?? 0) : 0;
        const { events } = await withClient({ ...opts, ...me }, (client) => eventsSince(client, after, opts.unread ? 4 : 1));
        const items = events.filter((e) => belongsInInbox(e, me)).map((e) => toInboxItem(e, me));
        const shown = items.slice(-limit);
        const left = items.length - shown.length;
        const last = events[events.length - 1];
        // everything read counts as seen, also what was not for me: the next run starts after it
        if (opts.unread && !opts.peek && last) cursor.advance(last.seq);
        if (!shown.length) {
          if (!opts.quiet && !opts.json) printLines([`Nothing ${opts.unread ? 'new ' : ''}for ${me.name}.`]);
          return;
        }
        if (opts.json) {
          for (const item of shown) printJson(item);
          return;
        }
        const lines = [
          `Huddle: ${shown.length} ${opts.unread ? 'new ' : ''}item(s) for ${me.name} (${me.role})${left ? `, ${left} older not shown (huddle history has them)` : ''}:`,
          ...shown.flatMap(itemLines),
        ];
        if (opts.hook) printJson(hookOutput(opts.hook, lines, opts.hook === 'context' ? await hookEventName(process.stdin, 'UserPromptSubmit') : 'Stop'));
        else printLines(lines);
      }),
  );
}
