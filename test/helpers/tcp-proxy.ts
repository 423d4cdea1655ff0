/**
 * A small round-robin TCP load balancer for tests of several hubs: each new connection goes to the
 * next backend, skipping one that refuses it; no sticky sessions, no health checks (a stopped hub
 * still accepts connections, as behind a real balancer). `cut()` drops every open connection.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  url: string;
  /** host:port of each backend, in turn; change it at will */
  backends: { host: string; port: number }[];
  /** which backend each connection went to, by its index in `backends` at the time */
  picks: number[];
  cut(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(backends: { host: string; port: number }[]): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let next = 0;
  const proxy: TcpProxy = {
    url: '',
    backends,
    picks: [],
    cut() {
      for (const s of open) s.destroy();
      open.clear();
    },
    close: () => new Promise((resolve) => {
      proxy.cut();
      server.close(() => resolve());
    }),
  };

  function connect(client: Socket, tries: number): void {
    if (tries >= proxy.backends.length) return void client.destroy();
    const index = next++ % proxy.backends.length;
    const target = proxy.backends[index]!;
    const upstream = createConnection(target);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      proxy.picks.push(index);
      open.add(upstream);
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      client.resume();
    });
    upstream.on('error', () => {
      if (!connected) connect(client, tries + 1);
      else client.destroy();
    });
    upstream.on('close', () => {
      open.delete(upstream);
      if (connected) client.destroy();
    });
  }

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on('error', () => {});
    client.on('close', () => open.delete(client));
    connect(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  proxy.url = `ws://127.0.0.1:${address.port}`;
  return proxy;
}
