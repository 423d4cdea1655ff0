import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { upgradeStatus } from './helpers/web.js';
import { statSync } from 'node:fs';
import { join } from 'node:path';

let hub: TestHub;
afterEach(async () => hub?.close());

describe('authentication at the upgrade', () => {
  it('answers a missing or wrong token with 401 before any 101', async () => {
    hub = await startTestHub();
    expect(await upgradeStatus(hub.url, {})).toBe(401);
    expect(await upgradeStatus(hub.url, { authorization: 'Bearer wrong' })).toBe(401);
    expect(await upgradeStatus(hub.url, { authorization: `Bearer ${hub.running.tokens.member}` })).toBe(101);
  });

  it('accepts the token as a query parameter for clients that cannot set headers', async () => {
    hub = await startTestHub();
    expect(await upgradeStatus(`${hub.url}/?token=${hub.running.tokens.member}`, {})).toBe(101);
  });

  it('refuses a browser Origin with 403 unless --allow-origin names it', async () => {
    hub = await startTestHub({ allowOrigins: ['http://localhost:3000'] });
    const auth = { authorization: `Bearer ${hub.running.tokens.member}` };
    expect(await upgradeStatus(hub.url, { ...auth, origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(hub.url, { ...auth, origin: 'http://localhost:3000' })).toBe(101);
  });

  it('does not let a member token claim the product owner or the lead role', async () => {
    hub = await startTestHub();
    for (const role of ['human', 'orchestrator']) {
      const raw = await hub.raw({ token: hub.running.tokens.member });
      raw.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name: `Mallory-${role}`, role });
      const error = await raw.next((f) => f.type === 'error');
      expect(error).toMatchObject({ code: 'FORBIDDEN' });
    }
    const admin = await hub.raw({ token: hub.running.tokens.admin });
    admin.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name: 'PO', role: 'human' });
    expect(await admin.next((f) => f.type === 'welcome' || f.type === 'error')).toMatchObject({ type: 'welcome' });
  });

  it('refuses an upgrade with thousands of headers without harm', async () => {
    hub = await startTestHub();
    const status = await new Promise<number>((resolve) => {
      const headers: Record<string, string> = { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' };
      for (let i = 0; i < 5000; i++) headers[`x-filler-${i}`] = 'y';
      const req = request({ host: '127.0.0.1', port: hub.running.port, headers });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('upgrade', () => resolve(101));
      req.on('error', () => resolve(-1));
      req.end();
    });
    expect(status === 431 || status === 400 || status === -1).toBe(true);
    const alice = await hub.client('Alice', 'qa');
    await expect(alice.send({ type: 'chat', text: 'still up' })).resolves.toMatchObject({ type: 'ack' });
  });

  it('keeps its tokens and database owner-only', async () => {
    hub = await startTestHub();
    for (const file of ['admin.token', 'member.token', 'huddle.db']) {
      expect(statSync(join(hub.dataDir, file)).mode & 0o077).toBe(0);
    }
    expect(statSync(hub.dataDir).mode & 0o077).toBe(0);
  });
});
