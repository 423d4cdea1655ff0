/**
 * `huddle agent --exec CMD`: the automated agent. Placeholder contract until the exec runner lands:
 * agent.ts adds these flags with withExecFlags() and hands over to runExecAgent() when --exec is set.
 */
import type { Command } from 'commander';
import type { HuddleClient } from '../../collaboration-server/client.js';
import { HuddleError } from '../../collaboration-server/errors.js';

export interface ExecFlags {
  exec?: string;
}

export function withExecFlags(cmd: Command): Command {
  return cmd.option('--exec <command>', 'run this shell command for each task the lead gives you (an automated agent)');
}

export async function runExecAgent(_client: HuddleClient, _flags: ExecFlags): Promise<void> {
  throw new HuddleError('INTERNAL', '--exec is not available in this build yet.');
}
