/**
 * A throw-away PostgreSQL cluster for tests: initdb into a temporary folder, the server on a free port
 * on 127.0.0.1 with its Unix socket in that folder, stopped and removed by stop(). As root it runs as
 * the `postgres` user (which Debian's package creates). Where the binaries are missing, `postgresSkip`
 * says why and how to install them (.ci/run does).
 */
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  /** a URL for a new, empty database on the cluster */
  newDatabase(): Promise<string>;
  /** stops the server (fast: the way a restart does) and starts it again on the same folder and port */
  restart(): void;
  /** stops the server, keeping its folder: the database has gone away until start() */
  halt(): void;
  start(): void;
  stop(): void;
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

export async function startPostgres(): Promise<TestPostgres> {
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
  // fsync off: a test cluster never outlives the machine; a killed server still keeps every commit.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
  const stopServer = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  let count = 0;
  let stopped = false;
  return {
    port,
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
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        stopServer();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
