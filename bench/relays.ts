/**
 * The three relays under test, each in its own process, and how a benchmark client talks to each:
 * the Huddle hub (`huddle server`, rate limits raised), a bare `ws` relay and a Socket.IO relay.
 * Every client here is as thin as the relay allows, so the numbers measure the relay, not the client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as socketIo } from 'socket.io-client';
import WebSocket from 'ws';
import { readTokens } from '../collaboration-server/data-dir.js';
import { PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import { spawnUntil, stop } from './spawn.js';

export interface BenchPeer {
  send(payload: string): void;
  close(): void;
}

export interface RelayUnderTest {
  name: string;
  /** a connected client; `onPayload` gets each payload another client sent */
  connect(label: string, onPayload: (payload: string) => void): Promise<BenchPeer>;
  /** the relay's process id, for memory readings */
  pid: number;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
/** dist/bench → the repository root, where bin/huddle.js lives */
export const repoRoot = join(here, '..', '..');
export const huddleBin = join(repoRoot, 'bin', 'huddle.js');

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

export async function startHuddleRelay(): Promise<RelayUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huddle-bench-'));
  // HUDDLE_BENCH_PROFILE=DIR writes a CPU profile of the hub there (node --cpu-prof), to see where the time goes
  const profile = process.env.HUDDLE_BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.HUDDLE_BENCH_PROFILE] : [];
  const { child, line } = await spawnUntil(
    process.execPath,
    [...profile, huddleBin, 'server', '--port', '0', '--data', dataDir, '--rate', '10000000', '--burst', '10000000', '--heartbeat', '10m'],
    /huddle hub listening on/,
  );
  const url = line.split(' ').at(-1)!;
  const token = readTokens(dataDir)!.member;
  let seq = 0;
  return {
    name: 'huddle',
    pid: child.pid!,
    async connect(label, onPayload) {
      const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` }, perMessageDeflate: false });
      ws.on('error', () => {});
      await opened(ws);
      const welcomed = new Promise<void>((resolve, reject) => {
        ws.on('message', (data) => {
          const frame = JSON.parse(String(data)) as { type: string; event?: { type: string; text?: string }; message?: string };
          if (frame.type === 'event' && frame.event!.type === 'message') onPayload(frame.event!.text!);
          else if (frame.type === 'welcome') resolve();
          else if (frame.type === 'error') reject(new Error(`hub error: ${frame.message}`));
        });
      });
      ws.send(JSON.stringify({ type: 'hello', id: 'hello', protocol: PROTOCOL_VERSION, name: label, role: 'qa' }));
      await welcomed;
      return {
        send: (payload) => ws.send(`{"type":"chat","id":"c${++seq}","text":${JSON.stringify(payload)}}`),
        close: () => ws.terminate(),
      };
    },
    async close() {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startRelayServer(kind: 'ws' | 'socketio') {
  const started = await spawnUntil(process.execPath, [join(here, 'relay-server.js'), kind], /^listening \d+/);
  return { ...started, port: Number(started.line.split(' ')[1]) };
}

export async function startWsRelay(): Promise<RelayUnderTest> {
  const { child, port } = await startRelayServer('ws');
  return {
    name: 'ws',
    pid: child.pid!,
    async connect(_label, onPayload) {
      const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
      ws.on('error', () => {});
      ws.on('message', (data) => onPayload(String(data)));
      await opened(ws);
      return { send: (payload) => ws.send(payload), close: () => ws.terminate() };
    },
    close: () => stop(child),
  };
}

export async function startSocketIoRelay(): Promise<RelayUnderTest> {
  const { child, port } = await startRelayServer('socketio');
  return {
    name: 'socket.io',
    pid: child.pid!,
    async connect(_label, onPayload) {
      const socket = socketIo(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
      socket.on('msg', onPayload);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return { send: (payload) => socket.emit('msg', payload), close: () => socket.disconnect() };
    },
    close: () => stop(child),
  };
}

export const RELAYS = [startHuddleRelay, startWsRelay, startSocketIoRelay];
