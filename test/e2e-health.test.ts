/** `huddle status --health` against the real binary: the line a shell reads and the exit status it tests. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { assertBuilt, runHuddle, startHubProcess } from './helpers/cli.js';
import { parsePrometheusText } from './helpers/prometheus-text.js';

const cleanup = cleanupAfterEach();
const tempData = (): string => join(tempDir('huddle-e2e-health-', cleanup), '.huddle');

describe('huddle status --health', () => {
  beforeAll(() => assertBuilt());

  it('exits 1 with the failing check when no lead is connected, 0 under huddle up, 1 when the hub is gone', async () => {
    const data = tempData();
    const server = await startHubProcess(data, 'server');
    cleanup(() => server.kill('SIGKILL'));
    const alone = await runHuddle(['status', '--health', '--data', data]);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toMatch(/^unhealthy: store ok \(reachable, last sequence \d+\); lead FAILING \(no technical lead is connected/);
    await server.kill('SIGTERM');

    const up = await startHubProcess(data, 'up');
    cleanup(() => up.kill('SIGKILL'));
    const healthy = await vi.waitFor(async () => {
      const result = await runHuddle(['status', '--health', '--data', data]);
      expect(result.code).toBe(0);
      return result;
    }, { timeout: 15_000, interval: 200 });
    expect(healthy.stdout).toMatch(/^healthy: store ok .*; lead ok \(.* is connected\)\n$/);
    const json = await runHuddle(['status', '--health', '--json', '--data', data]);
    expect(JSON.parse(json.stdout)).toMatchObject({ healthy: true });
    await up.kill('SIGKILL');

    const gone = await runHuddle(['status', '--health', '--data', data]);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toMatch(/^unhealthy: the hub is not reachable: no answer from http:\/\/127\.0\.0\.1:\d+\/healthz/);
  }, 60_000);

  it('huddle server --metrics-open serves /metrics without a token', async () => {
    const data = tempData();
    const server = await startHubProcess(data, 'server', ['--metrics-open']);
    cleanup(() => server.kill('SIGKILL'));
    const res = await fetch(`${server.url.replace(/^ws:/, 'http:')}/metrics`);
    expect(res.status).toBe(200);
    expect(parsePrometheusText(await res.text()).types.get('huddle_commit_duration_seconds')).toBe('histogram');
  });
});
