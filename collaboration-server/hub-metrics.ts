/** What a hub counts for GET /metrics: connections, frames, commits, replays and the lead's actions. */
import { Counter, Gauge, Histogram, Registry } from './prometheus.js';

/** seconds: from a tenth of a millisecond (SQLite in memory) to seconds (a struggling PostgreSQL) */
const COMMIT_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** events in the first page of a replay after a resume */
const REPLAY_BUCKETS = [0, 1, 10, 50, 100, 250, 500, 1000];
/** frames applied in one group commit */
const BATCH_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 1000];

export class HubMetrics {
  readonly registry = new Registry();
  readonly connectionsOpened = this.registry.add(new Counter('huddle_connections_opened_total', 'WebSocket connections the hub accepted'));
  readonly framesIn = this.registry.add(new Counter('huddle_frames_received_total', 'frames received from clients'));
  readonly framesOut = this.registry.add(new Counter('huddle_frames_sent_total', 'frames sent to clients (acks, replies, events, errors)'));
  readonly commitSeconds = this.registry.add(new Histogram('huddle_commit_duration_seconds', 'time one group commit (a batch of frames in one transaction) took', COMMIT_BUCKETS));
  readonly commitFrames = this.registry.add(new Histogram('huddle_commit_batch_frames', 'frames applied in one group commit', BATCH_BUCKETS));
  readonly commitFailures = this.registry.add(new Counter('huddle_commit_failures_total', 'group commits abandoned because the store failed (their frames were then applied one by one)'));
  readonly replayEvents = this.registry.add(new Histogram('huddle_replay_events', 'events in the first page of a replay sent to a client resuming from a sequence number', REPLAY_BUCKETS));
  readonly leadActions = this.registry.add(new Counter('huddle_lead_actions_total', 'commands the technical lead (role orchestrator) had applied, by frame type'));

  /** A value read at each scrape (connections open now, participants online). */
  gauge(name: string, help: string, read: () => number): void {
    this.registry.add(new Gauge(name, help, read));
  }

  render(): string {
    return this.registry.render();
  }
}
