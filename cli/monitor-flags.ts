/** The monitor's thresholds as flags on `huddle orchestrator` and `huddle up`. */
import type { Command } from 'commander';
import { HuddleError } from '../collaboration-server/errors.js';
import { DEFAULT_MONITOR_OPTIONS, type MonitorOptions } from '../orchestrator/monitoring/options.js';
import { parseDuration } from './output.js';
import { MINUTE } from '../collaboration-server/units.js';

export interface MonitorFlags {
  staleAfter: string;
  acceptGrace: string;
  offlineGrace: string;
  reassignAfter: string;
  blockerPersist: string;
  alertWindow: string;
  maxFailures: string;
}

const asFlag = (ms: number) => (ms % MINUTE === 0 ? `${ms / MINUTE}m` : `${ms}ms`);
const d = DEFAULT_MONITOR_OPTIONS;

export function withMonitorFlags(cmd: Command): Command {
  return cmd
    .option('--stale-after <duration>', 'silence before a progress check, for a 4h task (scaled by estimate)', asFlag(d.staleAfterMs))
    .option('--accept-grace <duration>', 'a task assigned this long and not accepted: its assignee is nudged', asFlag(d.acceptGraceMs))
    .option('--offline-grace <duration>', 'an assignee offline this long makes their work at risk', asFlag(d.offlineGraceMs))
    .option('--reassign-after <duration>', 'work at risk this long is reassigned', asFlag(d.reassignAfterMs))
    .option('--blocker-persist <duration>', 'blocked this long after guidance: reassign, split or escalate', asFlag(d.blockerPersistMs))
    .option('--alert-window <duration>', 'the same alert is said at most once per window', asFlag(d.alertWindowMs))
    .option('--max-failures <n>', 'failures of one task before the lead escalates', String(d.maxFailures));
}

export function monitorOptionsFromFlags(flags: MonitorFlags): Partial<MonitorOptions> {
  const maxFailures = Number(flags.maxFailures);
  if (!Number.isInteger(maxFailures) || maxFailures < 1) throw new HuddleError('BAD_FRAME', `--max-failures takes a whole number above 0, not "${flags.maxFailures}".`);
  return {
    staleAfterMs: parseDuration(flags.staleAfter),
    acceptGraceMs: parseDuration(flags.acceptGrace),
    offlineGraceMs: parseDuration(flags.offlineGrace),
    reassignAfterMs: parseDuration(flags.reassignAfter),
    blockerPersistMs: parseDuration(flags.blockerPersist),
    alertWindowMs: parseDuration(flags.alertWindow),
    maxFailures,
  };
}
