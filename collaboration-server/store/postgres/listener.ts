/**
 * The wake-up channel: one plain `pg` connection on the hub's thread that LISTENs on the events
 * channel. A notification only says "look at the log"; so does a reconnect after the channel was
 * lost (PostgreSQL restarted), since notifications sent meanwhile are gone.
 */
import pg from 'pg';
import { EVENTS_CHANNEL } from './schema.js';

const RETRY_MS = 1000;

export function listenForEvents(url: string, wake: () => void, log: (line: string) => void): () => void {
  let current: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let reported = false;

  function connect(): void {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true });
    current = client;
    let gone = false;
    const lost = (err?: Error) => {
      if (gone) return;
      gone = true;
      client.removeAllListeners('notification');
      client.end().catch(() => {});
      if (current === client) current = null;
      if (stopped) return;
      if (!reported) log(`the wake-up channel to PostgreSQL was lost (${err?.message ?? 'closed'}); reading the log every second until it is back`);
      reported = true;
      retry = setTimeout(connect, RETRY_MS);
    };
    client.on('notification', () => wake());
    client.on('error', lost);
    client.on('end', () => lost());
    client
      .connect()
      .then(() => client.query(`LISTEN ${EVENTS_CHANNEL}`))
      .then(() => {
        if (stopped) return client.end();
        if (reported) log('the wake-up channel to PostgreSQL is back');
        reported = false;
        wake();
      })
      .catch((err: Error) => lost(err));
  }

  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = null;
    client?.removeAllListeners('notification');
    client?.end().catch(() => {});
  };
}
