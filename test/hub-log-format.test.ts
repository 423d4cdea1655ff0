/** The hub's log: JSON lines off a terminal or with --log-format json, readable lines on one, with levels. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { logRecord, resolveLogFormat, textLine } from '../cli/log-format.js';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { assertBuilt, runHuddle, startHubProcess } from './helpers/cli.js';

const cleanup = cleanupAfterEach();
const tempData = (): string => join(tempDir('huddle-e2e-log-', cleanup), '.huddle');

const joinOnce = (data: string) => runHuddle(['agent', '--plain', '--data', data, '--name', 'Alice', '--role', 'backend-dev'], { input: '' });

describe('the hub log', () => {
  beforeAll(() => assertBuilt());

  it('picks text on a terminal and JSON elsewhere unless told; refuses an unknown format', () => {
    expect(resolveLogFormat(undefined, true)).toBe('text');
    expect(resolveLogFormat(undefined, false)).toBe('json');
    expect(resolveLogFormat('text', false)).toBe('text');
    expect(() => resolveLogFormat('xml', false)).toThrow(/--log-format takes text or json, not "xml"/);
    expect(logRecord('hub', 'Alice joined', 'warn', new Date(0))).toEqual({ time: '1970-01-01T00:00:00.000Z', level: 'warn', component: 'hub', msg: 'Alice joined' });
    expect(textLine('Alice joined', 'info')).toBe('Alice joined');
    expect(textLine('socket error: reset', 'warn')).toBe('warn: socket error: reset');
  });

  it('writes one JSON object a line when stderr is not a terminal', async () => {
    const data = tempData();
    const hub = await startHubProcess(data);
    cleanup(() => hub.kill('SIGKILL'));
    expect((await joinOnce(data)).code).toBe(0);
    await vi.waitFor(() => expect(hub.err()).toMatch(/Alice \(backend-dev\) joined/));
    const records = hub.err().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.find((r) => String(r.msg).includes('joined'))).toMatchObject({ level: 'info', component: 'hub', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('writes readable lines with --log-format text', async () => {
    const data = tempData();
    const hub = await startHubProcess(data, 'server', ['--log-format', 'text']);
    cleanup(() => hub.kill('SIGKILL'));
    expect((await joinOnce(data)).code).toBe(0);
    await vi.waitFor(() => expect(hub.err()).toMatch(/^hub: Alice \(backend-dev\) joined/m));
  });
});
