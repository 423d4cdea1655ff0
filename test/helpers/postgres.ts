/**
 * A throw-away PostgreSQL cluster for the tests and the bench (`npm run bench` builds this file too):
 * initdb into a temporary folder, the server on a free port on 127.0.0.1 with its Unix socket in that
 * folder, stopped and removed by stop(). As root it runs as the `postgres` user (which Debian's
 * package creates). Where the binaries are missing, `postgresSkip` says why and how to install them
 * (.ci/run does). Vitest suites use it through postgres-suite.ts.
 */
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import pg from 'pg';

function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
}

const binDir = findBinDir();
const asRoot = process.getuid?.() === 0;

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
  } catch {
    return undefined;
  }
}

const user = asRoot ? postgresUser() : undefined;

/** Why the PostgreSQL tests cannot run here, or undefined when they can. */
export const postgresSkip: string | undefined = !binDir
  ? 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql, as .ci/run does'
  : asRoot && !user
    ? 'running as root and there is no postgres user to run PostgreSQL as: apt-get install -y postgresql creates it'
    : undefined;

export interface TestPostgres {
  port: number;
  /** the major version, from the binaries' folder (/usr/lib/postgresql/15/bin → "15") */
  version: string;
  /** a URL for a new, empty database on the cluster */
  newDatabase(): Promise<string>;
  /** stops the server (fast: the way a restart does) and starts it again on the same folder and port */
  restart(): void;
  /** stops the server, keeping its folder: the database has gone away until start() */
  halt(): void;
  start(): void;
  /** SIGSTOPs the server and every process of it: connections stay open and nothing answers, as with a hung host */
  pause(): void;
  /** SIGCONTs what pause() stopped */
  resume(): void;
  /** the server's processes now: the postmaster and its children (for their CPU time) */
  pids(): number[];
  stop(): void;
}

export interface PostgresOptions {
  /** flush the WAL at every commit, as a production server does (the bench); off by default, as tests need no durability beyond the process */
  fsync?: boolean;
}

/** The processes the postmaster (the first line of postmaster.pid) started: backends, the WAL writer, the checkpointer… */
function childrenOf(postmaster: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // the parent pid is the second field after the command name, which is in parentheses
        return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(options: PostgresOptions = {}): Promise<TestPostgres> {
  if (postgresSkip) throw new Error(postgresSkip);
  const dir = mkdtempSync(join(tmpdir(), 'huddle-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const run = (bin: string, args: string[], options: ExecFileSyncOptions = {}): void => {
    const file = join(binDir!, bin);
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    execFileSync(cmd, argv, { stdio: 'pipe', ...options });
  };
  run('initdb', ['-D', data, '-U', 'huddle', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const port = await freePort();
  // fsync off for tests: a test cluster never outlives the machine; a killed server still keeps every commit.
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${options.fsync ? 'on' : 'off'} -c max_connections=50`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', settings, '-w', 'start']);
  const stopServer = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  let count = 0;
  let stopped = false;
  let paused: number[] = [];
  const resume = () => {
    for (const pid of paused.splice(0)) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // it ended meanwhile
      }
    }
  };
  const postmasterPid = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    port,
    version: basename(dirname(binDir!)),
    async newDatabase() {
      const name = `huddle_${process.pid}_${++count}`;
      const admin = new pg.Client({ connectionString: `postgres://huddle@127.0.0.1:${port}/postgres` });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://huddle@127.0.0.1:${port}/${name}`;
    },
    restart() {
      stopServer();
      start();
    },
    halt: stopServer,
    start,
    pids: () => [postmasterPid(), ...childrenOf(postmasterPid())],
    pause() {
      // the postmaster first, so that it forks nothing new while its children are being stopped
      const postmaster = postmasterPid();
      process.kill(postmaster, 'SIGSTOP');
      paused = [postmaster, ...childrenOf(postmaster)];
      for (const pid of paused.slice(1)) process.kill(pid, 'SIGSTOP');
    },
    resume,
    stop() {
      if (stopped) return;
      stopped = true;
      resume();
      try {
        stopServer();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
