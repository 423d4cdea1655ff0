/**
 * Two charts in hand-written SVG. The burndown draws the figures computeMetrics gives (the same as
 * `huddle report`): remaining work after each working day against the ideal line. The velocity chart
 * draws the points done in each sprint, the current one live.
 */
import type { SprintMetrics } from '../../collaboration-server/metrics.js';
import type { SprintSummary } from '../../collaboration-server/sprint-summary.js';
import { workdayStarts } from '../../collaboration-server/workdays.js';
import { html, type SafeHtml } from '../html.js';
import { weekday } from './format.js';

const W = 640;
const H = 280;
const M = { top: 20, right: 20, bottom: 44, left: 48 };
const plotW = W - M.left - M.right;
const plotH = H - M.top - M.bottom;
const r1 = (x: number): number => Math.round(x * 10) / 10;

/** Round steps for an axis up to `max`: 1, 2, 5 × 10^n. */
function ticks(max: number, count = 5): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(r1(v));
  return out;
}

export function burndownChart(m: SprintMetrics): SafeHtml {
  const usePoints = m.pointsTotal > 0;
  const total = usePoints ? m.pointsTotal : m.hoursTotal;
  const unit = usePoints ? 'points' : 'hours';
  const starts = workdayStarts(m.startsAt, m.endsAt);
  const days = Math.max(1, starts.length);
  const yMax = Math.max(1, total);
  const x = (d: number): number => r1(M.left + (Math.min(d, days) / days) * plotW);
  const y = (v: number): number => r1(M.top + plotH - (v / yMax) * plotH);
  const actual = m.burndown.map((p) => `${x(p.day)},${y(usePoints ? p.remainingPoints : p.remainingHours)}`).join(' ');
  const dots = m.burndown.map((p) => {
    const left = usePoints ? p.remainingPoints : p.remainingHours;
    return html`<circle class="actual-dot" cx="${x(p.day)}" cy="${y(left)}" r="3" data-day="${p.day}" data-remaining="${left}"><title>working day ${p.day}: ${left} ${unit} left</title></circle>`;
  });
  const xTicks = Array.from({ length: days + 1 }, (_, d) => d).filter((d) => days <= 15 || d % Math.ceil(days / 15) === 0);
  // each working day's date under its own span, as many as fit
  const labelEvery = Math.ceil(days / 12);
  return html`<figure class="chart burndown">
<figcaption>Burndown: ${unit} left after each working day</figcaption>
<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Burndown chart">
${ticks(yMax).map((v) => html`<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y(v)}" y2="${y(v)}"></line><text class="tick" x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`)}
${xTicks.map((d) => html`<text class="tick" x="${x(d)}" y="${H - M.bottom + 16}" text-anchor="middle">${d}</text>`)}
${starts.map((start, i) => (i % labelEvery === 0 ? html`<text class="tick date" x="${x(i + 0.5)}" y="${H - M.bottom + 30}" text-anchor="middle">${weekday(start)}</text>` : ''))}
<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${y(0)}" y2="${y(0)}"></line>
<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${y(0)}"></line>
<polyline class="ideal" points="${x(0)},${y(total)} ${x(days)},${y(0)}"></polyline>
<polyline class="actual" points="${actual}"></polyline>
${dots}
<text class="legend" x="${W - M.right}" y="${M.top + 4}" text-anchor="end"><tspan class="legend-actual">— actual</tspan>  <tspan class="legend-ideal">- - ideal</tspan></text>
</svg>
<p class="hint">Point 0 is the sprint's start, point n the end of its n-th working day (Monday to Friday), the last point now. ${days} working day(s).</p>
</figure>`;
}

export function velocityChart(sprints: readonly SprintSummary[], currentId: string | null): SafeHtml {
  if (sprints.length === 0) return html`<p class="empty">No sprint yet.</p>`;
  const shown = sprints.slice(-12);
  // points where the plans gave them, else estimated hours
  const usePoints = shown.some((s) => s.pointsTotal > 0);
  const done = (s: SprintSummary): number => (usePoints ? s.pointsDone : s.hoursDone);
  const planned = (s: SprintSummary): number => (usePoints ? s.pointsTotal : s.hoursTotal);
  const perDay = (s: SprintSummary): number => (usePoints ? s.velocityPointsPerDay : s.velocityHoursPerDay);
  const yMax = Math.max(1, ...shown.map((s) => Math.max(done(s), planned(s))));
  const slot = plotW / shown.length;
  const barW = Math.min(48, slot * 0.6);
  const y = (v: number): number => r1(M.top + plotH - (v / yMax) * plotH);
  const bars = shown.map((s, i) => {
    const cx = M.left + slot * i + slot / 2;
    const current = s.sprint.id === currentId;
    return html`<g class="bar${current ? ' current' : ''}" data-sprint="${s.sprint.id}">
<rect class="planned" x="${r1(cx - barW / 2)}" y="${y(planned(s))}" width="${r1(barW)}" height="${r1(y(0) - y(planned(s)))}"></rect>
<rect class="done" x="${r1(cx - barW / 2)}" y="${y(done(s))}" width="${r1(barW)}" height="${r1(y(0) - y(done(s)))}"></rect>
<text class="value" x="${r1(cx)}" y="${y(done(s)) - 4}" text-anchor="middle">${r1(done(s))}</text>
<text class="tick" x="${r1(cx)}" y="${H - M.bottom + 16}" text-anchor="middle">${s.sprint.name.length > 14 ? `${s.sprint.name.slice(0, 13)}…` : s.sprint.name}</text>
<text class="tick date" x="${r1(cx)}" y="${H - M.bottom + 30}" text-anchor="middle">${perDay(s)}/day</text>
</g>`;
  });
  return html`<figure class="chart velocity">
<figcaption>Velocity: ${usePoints ? 'points' : 'estimated hours'} done per sprint (outline: planned)</figcaption>
<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Velocity chart">
${ticks(yMax).map((v) => html`<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y(v)}" y2="${y(v)}"></line><text class="tick" x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`)}
<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${y(0)}" y2="${y(0)}"></line>
${bars}
</svg></figure>`;
}
