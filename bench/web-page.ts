/**
 * The web page at a thousand tasks, in Debian's headless Chromium (skipped without /usr/bin/chromium):
 * from opening the login link until every card is drawn (modules, sign-in, the WebSocket's welcome and
 * the start-up queries), a reload with the cookie, a task event until its card has moved, and the
 * board's filter until it shows the one card asked for. The hub runs in this process on a temp folder.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { HuddleClient } from '../collaboration-server/client.js';
import { startHub } from '../collaboration-server/server.js';
import type { BenchResult } from './result.js';
import { median, round } from './stats.js';

// run in the page by Playwright (functions, not strings: the page's CSP forbids eval); no DOM types here
declare const document: { querySelectorAll(selector: string): { length: number } };

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function benchWebPage(tasks = 1000, runs = 5): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM)) return [{ name: 'web page', value: 0, unit: 'skipped', note: `${CHROMIUM} is absent: apt-get install -y chromium` }];
  const dataDir = mkdtempSync(join(tmpdir(), 'huddle-web-bench-'));
  const running = await startHub({ port: 0, dataDir });
  const lead = new HuddleClient({ url: running.url, token: running.tokens.admin, name: 'Tech Lead', role: 'orchestrator' });
  const ada = new HuddleClient({ url: running.url, token: running.tokens.member, name: 'Ada', role: 'backend-dev' });
  await Promise.all([lead.connect(), ada.connect()]);
  const profile = mkdtempSync(join(tmpdir(), 'huddle-web-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1360, height: 820 } });
  try {
    const startsAt = Date.now() - 3 * 86_400_000;
    await lead.send({ type: 'sprint_create', sprint: { name: 'Bench', startsAt, endsAt: startsAt + 14 * 86_400_000 }, tasks: [{ title: 'first', role: 'backend-dev', estimateHours: 1 }] });
    const sprintId = (await lead.request({ type: 'tasks' })).sprint!.id;
    await lead.send({ type: 'tasks_add', sprintId, tasks: Array.from({ length: tasks - 1 }, (_, i) => ({ title: `Task number ${i} of the bench`, role: 'backend-dev', estimateHours: 1 + (i % 8), points: 1 + (i % 5), dependsOn: i > 0 && i % 4 ? [`T-${i}`] : [] })) });
    // a third of them assigned, started and half of those done: about 1,500 task events to fold
    for (let i = 1; i <= tasks; i += 3) {
      await lead.send({ type: 'task_update', taskId: `T-${i}`, action: 'assign', assignee: 'Ada' });
      await ada.send({ type: 'task_update', taskId: `T-${i}`, action: 'start' });
      if (i % 2) await ada.send({ type: 'task_update', taskId: `T-${i}`, action: 'done' });
    }
    const page = context.pages()[0] ?? (await context.newPage());
    const allDrawn = (n: number) => document.querySelectorAll('.card').length === n;
    const first: number[] = [];
    const reload: number[] = [];
    const live: number[] = [];
    const filter: number[] = [];
    for (let run = 0; run < runs; run++) {
      await context.clearCookies();
      const link = running.web.loginLink().url;
      let t = performance.now();
      await page.goto(link);
      await page.waitForFunction(allDrawn, tasks, { timeout: 30_000 });
      first.push(performance.now() - t);
      t = performance.now();
      await page.reload();
      await page.waitForFunction(allDrawn, tasks, { timeout: 30_000 });
      reload.push(performance.now() - t);
      const id = `T-${3 * run + 2}`;
      await lead.send({ type: 'task_update', taskId: id, action: 'assign', assignee: 'Ada' });
      await page.waitForSelector(`.column-assigned #card-${id}`);
      t = performance.now();
      await ada.send({ type: 'task_update', taskId: id, action: 'start' });
      await page.waitForSelector(`.column-in_progress #card-${id}`, { timeout: 30_000 });
      live.push(performance.now() - t);
      t = performance.now();
      await page.fill('#filter-words', `Task number ${500 + run} of`);
      await page.waitForFunction(allDrawn, 1, { timeout: 30_000 });
      filter.push(performance.now() - t);
    }
    const note = `median of ${runs}, ${tasks} tasks`;
    return [
      { name: 'web: login link to every card drawn', value: round(median(first), 0), unit: 'ms', note },
      { name: 'web: reload to every card drawn', value: round(median(reload), 0), unit: 'ms', note },
      { name: 'web: task event to its card moved', value: round(median(live), 0), unit: 'ms', note },
      { name: 'web: board filter to one card', value: round(median(filter), 0), unit: 'ms', note },
    ];
  } finally {
    await context.close();
    lead.close();
    ada.close();
    await running.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
