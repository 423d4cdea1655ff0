/** The flags `huddle server` and `huddle up` share, and the hub they start. */
import { Option, type Command } from 'commander';
import { resolveDataDir } from '../../collaboration-server/data-dir.js';
import { HuddleError } from '../../collaboration-server/errors.js';
import { startHub, type RunningHub } from '../../collaboration-server/server.js';
import { loadRoles } from '../../agents/roles.js';
import { logger, resolveLogFormat } from '../log-format.js';
import { parseDuration, printLines } from '../output.js';

export interface HubFlags {
  host: string;
  port: string;
  data?: string;
  store?: string;
  allowOrigin: string[];
  allowHost: string[];
  heartbeat: string;
  rate: string;
  burst: string;
  metricsOpen?: boolean;
  logFormat?: string;
}

export function withHubFlags(cmd: Command): Command {
  return cmd
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '4747')
    .addOption(new Option('--data <dir>', 'data folder (default: the nearest .huddle/, else ./.huddle)').env('HUDDLE_DATA'))
    .addOption(new Option('--store <url>', 'keep the room in PostgreSQL (postgres://USER@HOST:PORT/DB) instead of SQLite in the data folder').env('HUDDLE_STORE'))
    .option('--allow-origin <origin...>', 'browser origins allowed to connect besides the hub\'s own page (refused by default)', [])
    .option('--allow-host <name...>', 'host names the hub answers to besides loopback and --host (a name others reach this machine by)', [])
    .option('--heartbeat <duration>', 'ping interval; a client silent for two is dropped', '15s')
    .option('--rate <n>', 'frames per second allowed per connection', '50')
    .option('--burst <n>', 'frames a connection may send at once', '100')
    .addOption(new Option('--log-format <format>', 'the hub log on stderr: text (readable lines) or json (one JSON object a line); default: text on a terminal, json otherwise').env('HUDDLE_LOG_FORMAT'))
    .option('--metrics-open', 'serve GET /metrics to anyone who reaches the port (by default it needs the admin token as a bearer)');
}

function positiveInt(text: string, flag: string, allowZero = false): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new HuddleError('BAD_FRAME', `${flag} takes a whole number${allowZero ? '' : ' above 0'}, not "${text}".`);
  return n;
}

/** Starts the hub and prints the one line scripts wait for. */
export async function startHubFromFlags(flags: HubFlags): Promise<RunningHub> {
  const port = positiveInt(flags.port, '--port', true);
  if (port > 65535) throw new HuddleError('BAD_FRAME', `--port must be at most 65535, not ${port}.`);
  const dataDir = resolveDataDir(flags.data);
  const log = logger(resolveLogFormat(flags.logFormat), 'hub');
  const roles = loadRoles(dataDir);
  const running = await startHub({
    host: flags.host,
    port,
    dataDir,
    storeUrl: flags.store,
    allowOrigins: flags.allowOrigin,
    metricsOpen: flags.metricsOpen,
    allowHosts: flags.allowHost,
    roles: roles.map((r) => r.role),
    teamRoles: roles,
    limits: {
      heartbeatMs: parseDuration(flags.heartbeat),
      framesPerSecond: positiveInt(flags.rate, '--rate'),
      burst: positiveInt(flags.burst, '--burst'),
    },
    log,
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') throw new HuddleError('CONFLICT', `Port ${port} on ${flags.host} is in use: another hub may be running. Pick another with --port.`);
    throw err;
  });
  printLines([`huddle hub listening on ${running.url}`]);
  return running;
}

/** Closes cleanly on Ctrl-C or SIGTERM. */
export function closeOnSignals(close: () => Promise<void>): void {
  const stop = () => {
    void close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
