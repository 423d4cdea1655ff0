/** The hub's Prometheus registry writes what a strict reader of the text format accepts; the reader refuses what Prometheus would. */
import { describe, expect, it } from 'vitest';
import { Counter, Gauge, Histogram, Registry } from '../collaboration-server/prometheus.js';
import { parsePrometheusText } from './helpers/prometheus-text.js';

describe('the Prometheus text format', () => {
  it('writes counters, gauges and histograms with escaped labels that read back as written', () => {
    const registry = new Registry();
    const frames = registry.add(new Counter('x_frames_total', 'frames\nby type'));
    const latency = registry.add(new Histogram('x_seconds', 'latency', [0.01, 0.1]));
    registry.add(new Gauge('x_open', 'open now', () => 4));
    frames.inc({ type: 'chat' });
    frames.inc({ type: 'chat' });
    frames.inc({ type: 'a "quoted"\\ new\nline' });
    latency.observe(0.005);
    latency.observe(0.05);
    latency.observe(3);
    const text = parsePrometheusText(registry.render());
    expect(text.value('x_frames_total', { type: 'chat' })).toBe(2);
    expect(text.value('x_frames_total', { type: 'a "quoted"\\ new\nline' })).toBe(1);
    expect(text.value('x_open')).toBe(4);
    expect(text.value('x_seconds_bucket', { le: '0.01' })).toBe(1);
    expect(text.value('x_seconds_bucket', { le: '0.1' })).toBe(2);
    expect(text.value('x_seconds_bucket', { le: '+Inf' })).toBe(3);
    expect(text.value('x_seconds_count')).toBe(3);
    expect(text.value('x_seconds_sum')).toBeCloseTo(3.055);
  });

  it('the reader refuses malformed expositions', () => {
    const bad = [
      'x 1', // no final newline
      'x{a="1} 1\n',
      'x{a=1} 1\n',
      'x one\n',
      '# TYPE x counter\n# TYPE x counter\nx 1\n',
      '# TYPE x wibble\nx 1\n',
      'x 1\nx 2\n',
      'x 1\ny 1\nx{a="b"} 1\n',
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n',
      '# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n',
      '1x 1\n',
    ];
    for (const text of bad) expect(() => parsePrometheusText(text), JSON.stringify(text)).toThrow();
  });
});
