/**
 * The hubs' group commits as their /metrics count them (huddle_commit_duration_seconds and
 * huddle_commit_batch_frames): how many frames one commit carried and how long it took. That says
 * where an append's time goes: a store that is slower per commit makes bigger batches, not fewer acks.
 */
import type { HuddleRelay } from './relays.js';
import { round } from './stats.js';

/** running totals over every hub */
export interface CommitTotals {
  commits: number;
  frames: number;
  seconds: number;
}

export interface CommitStats {
  commits: number;
  framesPerCommit: number;
  /** mean time of one group commit (the batch's transaction, every statement of it) */
  commitMs: number;
}

export const NO_COMMITS: CommitTotals = { commits: 0, frames: 0, seconds: 0 };

function sample(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

async function totalsOf(hub: HuddleRelay): Promise<CommitTotals> {
  const base = hub.url.replace(/^ws/, 'http');
  const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${hub.adminToken}` } })).text();
  return {
    commits: sample(text, 'huddle_commit_duration_seconds_count'),
    frames: sample(text, 'huddle_commit_batch_frames_sum'),
    seconds: sample(text, 'huddle_commit_duration_seconds_sum'),
  };
}

export const addTotals = (a: CommitTotals, b: CommitTotals): CommitTotals => ({ commits: a.commits + b.commits, frames: a.frames + b.frames, seconds: a.seconds + b.seconds });
export const minusTotals = (a: CommitTotals, b: CommitTotals): CommitTotals => ({ commits: a.commits - b.commits, frames: a.frames - b.frames, seconds: a.seconds - b.seconds });

export async function readCommits(hubs: HuddleRelay[]): Promise<CommitTotals> {
  return (await Promise.all(hubs.map(totalsOf))).reduce(addTotals, NO_COMMITS);
}

export const summariseCommits = (t: CommitTotals): CommitStats => ({
  commits: t.commits,
  framesPerCommit: t.commits ? round(t.frames / t.commits, 1) : 0,
  commitMs: t.commits ? round((t.seconds * 1000) / t.commits, 2) : 0,
});

export const describeCommits = (c: CommitStats): string => `${c.framesPerCommit} frames per group commit, ${c.commitMs} ms each`;
