/**
 * Several real `huddle server` processes on one PostgreSQL database, each on port 0 with its own
 * data folder, and a client data folder that reaches them through a round-robin TCP proxy: what a
 * deployment of docs/scale-out.md looks like on one machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adoptTokens, prepareDataDir, readTokens, writeHubUrl, type Tokens } from '../../collaboration-server/data-dir.js';
import { startHubProcess, type Spawned } from './cli.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

export interface HubNode {
  index: number;
  proc: Spawned & { url: string };
  port: number;
  dataDir: string;
}

export interface HubNodes {
  nodes: HubNode[];
  proxy: TcpProxy;
  tokens: Tokens;
  /** a data folder whose hub is the proxy, with the room's tokens: clients and leads run from it */
  clientData: string;
  /** the node whose log says it seated the lead at `epoch` */
  seatedAt(epoch: number): HubNode | undefined;
  /** kills a node (SIGKILL) and starts it again on its folder; the proxy sends to its new port */
  replace(node: HubNode): Promise<HubNode>;
  close(): Promise<void>;
}

const portOf = (url: string) => Number(new URL(url).port);

export async function startHubNodes(storeUrl: string, count: number, extra: string[] = []): Promise<HubNodes> {
  const root = mkdtempSync(join(tmpdir(), 'huddle-nodes-'));
  const start = async (index: number, dataDir = join(root, `node-${index}`)): Promise<HubNode> => {
    const proc = await startHubProcess(dataDir, 'server', ['--store', storeUrl, '--log-format', 'text', ...extra]);
    return { index, proc, port: portOf(proc.url), dataDir };
  };
  const nodes: HubNode[] = [];
  for (let i = 0; i < count; i++) nodes.push(await start(i));
  const tokens = readTokens(nodes[0]!.dataDir)!;
  const proxy = await startTcpProxy(nodes.map((n) => ({ host: '127.0.0.1', port: n.port })));
  const clientData = join(root, 'client');
  prepareDataDir(clientData);
  adoptTokens(clientData, tokens);
  writeHubUrl(clientData, proxy.url);

  const stopHard = async (node: HubNode) => {
    node.proc.proc.kill('SIGCONT');
    await node.proc.kill('SIGKILL');
  };
  return {
    nodes,
    proxy,
    tokens,
    clientData,
    seatedAt: (epoch) => nodes.find((n) => n.proc.err().includes(`holds the lead's seat, epoch ${epoch}\n`)),
    async replace(node) {
      await stopHard(node);
      const fresh = await start(node.index, node.dataDir);
      nodes[node.index] = fresh;
      proxy.backends[node.index] = { host: '127.0.0.1', port: fresh.port };
      return fresh;
    },
    async close() {
      await proxy.close();
      for (const node of nodes) await stopHard(node);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
