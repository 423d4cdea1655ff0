/**
 * The four relays under test, each in its own process, and how a benchmark client talks to each:
 * the Huddle hub (`huddle server`, rate limits raised), a bare `ws` relay that writes each message as
 * it comes, the same relay batched per event-loop turn (the floor), and a Socket.IO relay.
 *
 * Every client does the same work per delivered frame, whatever the relay: one parse of the envelope
 * (for Socket.IO its own decoder's), then `onPayload` with the payload text, which the caller parses.
 * The ws relays carry a Huddle-shaped chat frame, so even the envelope is alike.
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

export type RelayName = 'huddle' | 'ws-batched' | 'ws-framed' | 'ws' | 'socket.io';

export interface BenchPeer {
  send(payload: string): void;
  close(): void;
}

export interface RelayUnderTest {
  name: RelayName;
  /** a connected client; `onPayload` gets the payload of each message another client sent */
  connect(label: string, onPayload: (payload: string) => void): Promise<BenchPeer>;
  /** the relay's process id, for its CPU time */
  pid: number;
  close(): Promise<void>;
}

export interface HuddleRelay extends RelayUnderTest {
  url: string;
  token: string;
}

/** How to start a relay process: a command prefix that pins it to a core (see machine.ts), or none. */
export interface RelayLaunch {
  prefix: string[];
  /** HUDDLE_BENCH_PROFILE=DIR: write a CPU profile of the hub there (node --cpu-prof) */
  profileDir?: string;
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

function spawnNode(launch: RelayLaunch, args: string[], ready: RegExp) {
  const [command, ...prefixArgs] = [...launch.prefix, process.execPath];
  return spawnUntil(command!, [...prefixArgs, ...args], ready);
}

/** The chat frame every client sends, for every relay. */
const chatFrame = (id: number, payload: string) => `{"type":"chat","id":"c${id}","text":${JSON.stringify(payload)}}`;

export async function startHuddleRelay(launch: RelayLaunch): Promise<HuddleRelay> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huddle-bench-'));
  const profile = launch.profileDir ? ['--cpu-prof', '--cpu-prof-dir', launch.profileDir] : [];
  const { child, line } = await spawnNode(
    launch,
    [...profile, huddleBin, 'server', '--port', '0', '--data', dataDir, '--rate', '10000000', '--burst', '10000000', '--heartbeat', '10m'],
    /huddle hub listening on/,
  );
  const url = line.split(' ').at(-1)!;
  const token = readTokens(dataDir)!.member;
  let seq = 0;
  return {
    name: 'huddle',
    pid: child.pid!,
    url,
    token,
    async connect(label, onPayload) {
      const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` }, perMessageDeflate: false });
      ws.on('error', () => {});
      await opened(ws);
      const welcomed = new Promise<void>((resolve, reject) => {
        ws.on('message', (data) => {
          const text = String(data);
          if (text.startsWith('{"type":"ack"')) return;
          const frame = JSON.parse(text) as { type: string; event?: { type: string; text?: string; from?: { name: string } }; message?: string };
          if (frame.type === 'event') {
            if (frame.event!.type === 'message' && frame.event!.from!.name !== label) onPayload(frame.event!.text!);
          } else if (frame.type === 'welcome') resolve();
          else if (frame.type === 'error') reject(new Error(`hub error: ${frame.message}`));
        });
      });
      ws.send(JSON.stringify({ type: 'hello', id: 'hello', protocol: PROTOCOL_VERSION, name: label, role: 'qa' }));
      await welcomed;
      return { send: (payload) => ws.send(chatFrame(++seq, payload)), close: () => ws.terminate() };
    },
    async close() {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startRelayServer(launch: RelayLaunch, kind: 'ws' | 'ws-batched' | 'ws-framed' | 'socketio') {
  const started = await spawnNode(launch, [join(here, 'relay-server.js'), kind], /^listening \d+/);
  return { ...started, port: Number(started.line.split(' ')[1]) };
}

async function startWsRelay(launch: RelayLaunch, name: 'ws' | 'ws-batched' | 'ws-framed'): Promise<RelayUnderTest> {
  const { child, port } = await startRelayServer(launch, name);
  let seq = 0;
  return {
    name,
    pid: child.pid!,
    async connect(_label, onPayload) {
      const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
      ws.on('error', () => {});
      ws.on('message', (data) => onPayload((JSON.parse(String(data)) as { text: string }).text));
      await opened(ws);
      return { send: (payload) => ws.send(chatFrame(++seq, payload)), close: () => ws.terminate() };
    },
    close: () => stop(child),
  };
}

async function startSocketIoRelay(launch: RelayLaunch): Promise<RelayUnderTest> {
  const { child, port } = await startRelayServer(launch, 'socketio');
  let seq = 0;
  return {
    name: 'socket.io',
    pid: child.pid!,
    async connect(_label, onPayload) {
      const socket = socketIo(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
      // Socket.IO's decoder has parsed the envelope already: the same one parse as the other clients
      socket.on('msg', (frame: { text: string }) => onPayload(frame.text));
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return { send: (payload) => socket.emit('msg', { type: 'chat', id: `c${++seq}`, text: payload }), close: () => socket.disconnect() };
    },
    close: () => stop(child),
  };
}

/** Every relay the bench knows; the four compared by default first. */
export const RELAYS: Record<RelayName, (launch: RelayLaunch) => Promise<RelayUnderTest>> = {
  huddle: startHuddleRelay,
  'ws-batched': (launch) => startWsRelay(launch, 'ws-batched'),
  ws: (launch) => startWsRelay(launch, 'ws'),
  'socket.io': startSocketIoRelay,
  'ws-framed': (launch) => startWsRelay(launch, 'ws-framed'),
};
export const DEFAULT_RELAYS: RelayName[] = ['huddle', 'ws-batched', 'ws', 'socket.io'];
