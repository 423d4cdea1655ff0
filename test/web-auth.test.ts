/**
 * The web page's sign-in and the checks on every request, without a browser: real sockets on port 0,
 * a real SQLite file. No cookie → 401; a wrong Host or Origin → 403 (HTTP and upgrade); a reused login
 * token → 401; a write without the CSRF header → 403; scripts' Bearer credentials, and who a page may
 * act as on the room's per-participant identity.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FakeClock } from '../collaboration-server/clock.js';
import { PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import { SqliteStore } from '../collaboration-server/store/index.js';
import { LOGIN_TTL_MS, WebSessions } from '../collaboration-server/web/sessions.js';
import { runHuddle, startHubProcess } from './helpers/cli.js';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { credentialOf, seedSprint, signIn, upgradeStatus, webRequest } from './helpers/web.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let hub: TestHub;
afterEach(async () => hub?.close());

describe('signing in with a login link', () => {
  it('answers the API with 401 without a cookie, and serves it with the cookie the link gives', async () => {
    hub = await startTestHub();
    const { port } = hub.running;
    expect((await webRequest(port, '/api/sprint')).status).toBe(401);
    expect((await webRequest(port, '/api/sprint', { headers: { cookie: `huddle_session_${port}=made-up` } })).status).toBe(401);
    const { cookie, setCookie } = await signIn(hub.running);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const res = await webRequest(port, '/api/sprint', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ sprint: null });
  });

  it('takes a login token once: the second use gets 401', async () => {
    hub = await startTestHub();
    const { token } = await signIn(hub.running);
    const again = await webRequest(hub.running.port, '/api/session', { method: 'POST', body: { token } });
    expect(again.status).toBe(401);
    expect(again.json.error.message).toMatch(/used already or has expired: run `huddle web`/);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('binds the session to the product owner by default, or to the participant whose credential asks', async () => {
    hub = await startTestHub();
    const owner = await signIn(hub.running);
    expect((await webRequest(hub.running.port, '/api/session', { headers: { cookie: owner.cookie } })).json).toMatchObject({ participant: { name: 'Product Owner', role: 'human' }, via: 'session', csrf: owner.csrf });
    (await hub.client('Ada', 'backend-dev')).close();
    const ada = await signIn(hub.running, { name: 'Ada', credential: credentialOf(hub.dataDir, 'Ada') });
    expect((await webRequest(hub.running.port, '/api/session', { headers: { cookie: ada.cookie } })).json.participant).toEqual({ name: 'Ada', role: 'backend-dev' });
    // no token alone makes a page act as someone who has joined, nor as someone who has not
    expect(() => hub.running.web.loginLink({ name: 'Ada' })).toThrow(/"Ada" has joined this room before, and joining as it needs its credential/);
    expect(() => hub.running.web.loginLink({ name: 'Nobody' })).toThrow(/Nobody called "Nobody" has joined/);
    expect(() => hub.running.web.loginLink({ name: 'Product Owner', credential: credentialOf(hub.dataDir, 'Ada') })).toThrow(/signs in only its own participant \("Ada"\)/);
  });

  it('ends a session whose credential no longer stands: the product owner joined since, or the participant was revoked', async () => {
    hub = await startTestHub();
    const { port } = hub.running;
    const before = await signIn(hub.running); // the product owner, before their first join
    const owner = await hub.client('Product Owner', 'human');
    expect(() => hub.running.web.loginLink()).toThrow(/needs its credential/);
    const refused = await webRequest(port, '/api/sprint', { headers: { cookie: before.cookie } });
    expect(refused.status).toBe(401);
    expect(refused.json.error.message).toMatch(/has joined, been reset or been revoked since this page signed in/);
    const after = await signIn(hub.running, { credential: credentialOf(hub.dataDir, 'Product Owner') });
    expect((await webRequest(port, '/api/sprint', { headers: { cookie: after.cookie } })).status).toBe(200);
    (await hub.client('Ada', 'backend-dev')).close();
    const ada = await signIn(hub.running, { credential: credentialOf(hub.dataDir, 'Ada') });
    expect((await webRequest(port, '/api/sprint', { headers: { cookie: ada.cookie } })).status).toBe(200);
    await owner.send({ type: 'participant_credential', name: 'Ada', action: 'revoke' });
    expect((await webRequest(port, '/api/sprint', { headers: { cookie: ada.cookie } })).json.error.message).toMatch(/revoked "Ada"/);
  });

  it('keeps the session across a hub restart (only its hash is stored), and signs out for good', async () => {
    hub = await startTestHub();
    const { cookie, csrf } = await signIn(hub.running);
    const secret = cookie.split('=')[1]!;
    const rows = hub.db.prepare("SELECT key, value FROM state WHERE key LIKE 'web-session:%'").all() as { key: string; value: string }[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secret);
    await hub.restart();
    const port = hub.running.port;
    expect((await webRequest(port, '/api/sprint', { headers: { cookie } })).status).toBe(200);
    expect((await webRequest(port, '/api/session', { method: 'DELETE', headers: { cookie } })).status).toBe(403);
    expect((await webRequest(port, '/api/session', { method: 'DELETE', headers: { cookie, 'x-huddle-csrf': csrf } })).status).toBe(200);
    expect((await webRequest(port, '/api/sprint', { headers: { cookie } })).status).toBe(401);
  });

  it('lets a login token expire after ten minutes', async () => {
    const clock = new FakeClock();
    const store = SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'huddle-web-')), 'huddle.db'));
    const sessions = new WebSessions(store, clock);
    const late = sessions.issueLogin({ name: 'Product Owner', role: 'human', credentialHash: null });
    const inTime = sessions.issueLogin({ name: 'Product Owner', role: 'human', credentialHash: null });
    expect(sessions.redeem(inTime)).not.toBeNull();
    clock.advance(LOGIN_TTL_MS);
    expect(sessions.redeem(late)).toBeNull();
    await store.close();
  });
});

describe('Host and Origin on every request', () => {
  it('refuses a Host that is not the hub’s own with 403: the API, the page and the upgrade', async () => {
    hub = await startTestHub();
    const { port, tokens } = hub.running;
    const { cookie } = await signIn(hub.running);
    for (const host of [`evil.example:${port}`, 'attacker.test', `127.0.0.1.nip.io:${port}`, 'localhost@evil.example']) {
      expect((await webRequest(port, '/api/sprint', { headers: { host, cookie } })).status, host).toBe(403);
      expect((await webRequest(port, '/', { headers: { host } })).status, host).toBe(403);
      expect(await upgradeStatus(`ws://127.0.0.1:${port}`, { host, authorization: `Bearer ${tokens.member}` }), host).toBe(403);
      expect(await upgradeStatus(`ws://127.0.0.1:${port}`, { host, cookie }), host).toBe(403);
    }
    // the hub's own names are answered
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await webRequest(port, '/api/sprint', { headers: { host, cookie } })).status, host).toBe(200);
    }
  });

  it('answers to another name only when --allow-host names it', async () => {
    hub = await startTestHub({ allowHosts: ['huddle.lan'] });
    const { port } = hub.running;
    expect((await webRequest(port, '/', { headers: { host: `huddle.lan:${port}` } })).status).toBe(200);
  });

  it('refuses another site’s Origin with 403: the API and the upgrade', async () => {
    hub = await startTestHub();
    const { port, pageUrl } = hub.running;
    const { cookie } = await signIn(hub.running);
    for (const origin of ['http://evil.example', 'null', `http://localhost:${port}`, `https://127.0.0.1:${port}`]) {
      expect((await webRequest(port, '/api/sprint', { headers: { cookie, origin } })).status, origin).toBe(403);
      expect(await upgradeStatus(`ws://127.0.0.1:${port}`, { cookie, origin }), origin).toBe(403);
    }
    expect((await webRequest(port, '/api/sprint', { headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    // the hub's own page is let in
    expect((await webRequest(port, '/api/sprint', { headers: { cookie, origin: pageUrl, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    expect(await upgradeStatus(`ws://127.0.0.1:${port}`, { cookie, origin: pageUrl })).toBe(101);
  });
});

describe('the page’s WebSocket', () => {
  /** The first frame the hub answers a page's hello with. */
  const pageHello = async (port: number, origin: string, cookie: string, name: string, role: string) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, { headers: { cookie, origin } });
    const first = new Promise<any>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name, role, transient: true }));
    const frame = await first;
    ws.close();
    return frame;
  };

  it('opens with the session cookie, without it answers 401, and joins only as the bound participant', async () => {
    hub = await startTestHub();
    const { port, pageUrl } = hub.running;
    expect(await upgradeStatus(`ws://127.0.0.1:${port}`, { origin: pageUrl })).toBe(401);
    const { cookie } = await signIn(hub.running);
    expect(await pageHello(port, pageUrl, cookie, 'Tech Lead', 'orchestrator')).toMatchObject({ type: 'error', code: 'FORBIDDEN', message: expect.stringMatching(/signed in as "Product Owner"/) });
    expect(await pageHello(port, pageUrl, cookie, 'Product Owner', 'human')).toMatchObject({ type: 'welcome', participant: { name: 'Product Owner', role: 'human' } });
  });

  it('is admitted by identity like any join: the session stands in for the credential only while that credential stands', async () => {
    hub = await startTestHub();
    const { port, pageUrl } = hub.running;
    const early = await signIn(hub.running);
    const owner = await hub.client('Product Owner', 'human');
    expect(await pageHello(port, pageUrl, early.cookie, 'Product Owner', 'human')).toMatchObject({ type: 'error', code: 'CREDENTIAL_WRONG' });
    const page = await signIn(hub.running, { credential: credentialOf(hub.dataDir, 'Product Owner') });
    expect(await pageHello(port, pageUrl, page.cookie, 'Product Owner', 'human')).toMatchObject({ type: 'welcome', participant: { name: 'Product Owner' } });
    (await hub.client('Ada', 'backend-dev')).close();
    const ada = await signIn(hub.running, { credential: credentialOf(hub.dataDir, 'Ada') });
    expect(await pageHello(port, pageUrl, ada.cookie, 'Ada', 'backend-dev')).toMatchObject({ type: 'welcome' });
    await owner.send({ type: 'participant_credential', name: 'Ada', action: 'revoke' });
    expect(await pageHello(port, pageUrl, ada.cookie, 'Ada', 'backend-dev')).toMatchObject({ type: 'error', code: 'REVOKED' });
  });
});

describe('writes', () => {
  it('refuses an answer without the CSRF header (403), and records one with it as the product owner', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Tech Lead', 'orchestrator');
    await seedSprint(lead);
    await lead.send({ type: 'escalate', title: 'Drop the login form?', options: [{ key: 'A', label: 'Drop it' }, { key: 'B', label: 'Keep it' }] });
    const { port } = hub.running;
    const { cookie, csrf } = await signIn(hub.running);
    const answer = (headers: Record<string, string>) => webRequest(port, '/api/escalations/E-1/answer', { method: 'POST', headers: { cookie, ...headers }, body: { option: 'B', text: 'keep it simple' } });
    expect((await answer({})).status).toBe(403);
    expect((await answer({ 'x-huddle-csrf': 'wrong' })).status).toBe(403);
    expect((await answer({ 'x-huddle-csrf': csrf.slice(0, -1) })).status).toBe(403);
    expect((await lead.request({ type: 'escalations', status: 'open' })).escalations).toHaveLength(1);
    const ok = await answer({ 'x-huddle-csrf': csrf });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ escalationId: 'E-1', by: 'Product Owner', decisionId: 'D-1' });
    const { decisions } = await lead.request({ type: 'escalations', status: 'all' });
    expect(decisions).toEqual([expect.objectContaining({ escalationId: 'E-1', option: 'B', by: 'Product Owner', text: 'Keep it — keep it simple' })]);
    // answered already: the hub's own refusal, as a terminal would see it
    expect((await answer({ 'x-huddle-csrf': csrf })).json).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('takes a participant’s own credential from scripts; the member token stands for nobody, the admin token only makes the product owner’s first link', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Tech Lead', 'orchestrator');
    await seedSprint(lead);
    await lead.send({ type: 'escalate', title: 'More budget?', options: [{ key: 'A', label: 'Yes' }, { key: 'B', label: 'No' }] });
    const { port, tokens } = hub.running;
    const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
    const answer = (secret: string) => webRequest(port, '/api/escalations/E-1/answer', { method: 'POST', headers: bearer(secret), body: { option: 'A' } });
    const link = (secret: string, body: object = {}) => webRequest(port, '/api/login-links', { method: 'POST', headers: bearer(secret), body });
    expect((await webRequest(port, '/api/tasks', { headers: bearer('nope') })).status).toBe(401);
    for (const token of [tokens.member, tokens.admin]) {
      expect((await webRequest(port, '/api/tasks', { headers: bearer(token) })).status).toBe(401);
      expect((await answer(token)).status).toBe(401);
    }
    expect((await webRequest(port, '/api/tasks', { headers: bearer(tokens.member) })).json.error.message).toMatch(/member token says who may enter the room, not who you are/);
    expect((await link(tokens.member)).status).toBe(401);
    // before the product owner's first join, the admin token makes their link
    expect((await link(tokens.admin)).json).toMatchObject({ url: expect.stringMatching(new RegExp(`^http://127\\.0\\.0\\.1:${port}/login#[\\w-]{40,}$`)), participant: { name: 'Product Owner', role: 'human' } });
    (await hub.client('Product Owner', 'human')).close();
    expect((await link(tokens.admin)).json.error.message).toMatch(/needs its credential/);
    // a participant's credential reads, and acts, as that participant
    const owner = credentialOf(hub.dataDir, 'Product Owner');
    expect((await webRequest(port, '/api/tasks', { headers: bearer(owner) })).json.tasks).toHaveLength(4);
    expect((await link(owner)).json).toMatchObject({ participant: { name: 'Product Owner', role: 'human' } });
    expect((await link(owner, { name: 'Ada' })).status).toBe(403);
    (await hub.client('Ada', 'backend-dev')).close();
    const ada = credentialOf(hub.dataDir, 'Ada');
    expect((await answer(ada)).json).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await answer(owner)).json).toMatchObject({ escalationId: 'E-1', by: 'Product Owner' });
  });

  it('answers a body that is not JSON, too big, or of the wrong shape with a clear 4xx', async () => {
    hub = await startTestHub();
    const { port } = hub.running;
    (await hub.client('Product Owner', 'human')).close();
    const auth = { authorization: `Bearer ${credentialOf(hub.dataDir, 'Product Owner')}` };
    expect((await webRequest(port, '/api/escalations/E-9/answer', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: {} })).status).toBe(415);
    expect((await webRequest(port, '/api/escalations/E-9/answer', { method: 'POST', headers: auth, body: 'x'.repeat(20_000) })).status).toBe(413);
    expect((await webRequest(port, '/api/escalations/E-9/answer', { method: 'POST', headers: auth, body: { option: 7 } })).status).toBe(400);
    expect((await webRequest(port, '/api/escalations/E-9/answer', { method: 'POST', headers: auth, body: { option: 'A' } })).json).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await webRequest(port, '/api/nothing', { headers: auth })).status).toBe(404);
    expect((await webRequest(port, '/api/sprint', { method: 'PUT', headers: auth })).status).toBe(405);
  });
});

describe('huddle up and huddle web', () => {
  it('print a one-time login link to the page on the hub’s own port', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'huddle-web-up-'));
    const up = await startHubProcess(dataDir, 'up');
    try {
      const line = await up.line(/^huddle web: open /);
      const url = /open (\S+) /.exec(line)![1]!;
      const port = Number(new URL(up.url).port);
      expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/login#[\\w-]{40,}$`));
      expect(line).toContain('as Product Owner');
      const token = new URL(url).hash.slice(1);
      expect((await webRequest(port, '/api/session', { method: 'POST', body: { token } })).status).toBe(200);
      expect((await webRequest(port, '/api/session', { method: 'POST', body: { token } })).status).toBe(401);
    } finally {
      await up.kill();
    }
  });

  it('huddle web --name proves the participant with their credential from the data folder; huddle token --name prints it for scripts', async () => {
    hub = await startTestHub();
    const { port } = hub.running;
    (await hub.client('Ada', 'backend-dev')).close();
    const web = await runHuddle(['web', '--name', 'Ada', '--data', hub.dataDir]);
    expect(web.code, web.stderr).toBe(0);
    expect(web.stdout).toMatch(/^huddle web: open http:\/\/127\.0\.0\.1:\d+\/login#[\w-]{40,} to see the board as Ada /);
    const elsewhere = mkdtempSync(join(tmpdir(), 'huddle-web-elsewhere-'));
    const tokens = hub.running.tokens;
    const refused = await runHuddle(['web', '--name', 'Ada', '--data', elsewhere, '--url', hub.url, '--token', tokens.admin]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/"Ada" has joined this room before, and joining as it needs its credential/);
    const printed = await runHuddle(['token', '--name', 'Ada', '--data', hub.dataDir]);
    expect(printed.stdout.trim()).toBe(credentialOf(hub.dataDir, 'Ada'));
    expect((await webRequest(port, '/api/session', { headers: { authorization: `Bearer ${printed.stdout.trim()}` } })).json).toMatchObject({ participant: { name: 'Ada', role: 'backend-dev' }, via: 'bearer' });
    expect((await runHuddle(['token', '--name', 'Nobody', '--data', hub.dataDir])).stderr).toMatch(/No credential for "Nobody"/);
  });
});
