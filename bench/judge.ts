/**
 * Scores the lead's judgement on labelled sets: `npm run judge -- FILE...` (JSON Lines, one object a line).
 *   chat:       {"text": "...", "expect": "blocker" | "none", "kind": "technical" | "business" | null}
 *   objectives: {"text": "...", "roles": ["security", ...], "absurd": ["docs", ...]}
 * It runs the advisor the lead runs (the offline engine) and prints, for a chat set, the precision of
 * the lines acted on as blockers, the recall of blockers acted on or asked about, the share of ordinary
 * lines asked about and the business/technical agreement; for an objectives set, the share of objectives
 * that get every needed role, the number given an absurd role, and every generated title. `--summary`
 * leaves out the per-line listings.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Advisor } from '../orchestrator/advisor/advisor.js';
import { offlineAdvisor } from '../orchestrator/advisor/offline.js';

const ChatLine = z.object({ text: z.string(), expect: z.enum(['blocker', 'none']), kind: z.enum(['technical', 'business']).nullable().optional() });
const ObjectiveLine = z.object({ text: z.string(), roles: z.array(z.string()), absurd: z.array(z.string()).default([]) });
type ChatLine = z.infer<typeof ChatLine>;
type ObjectiveLine = z.infer<typeof ObjectiveLine>;

export const TARGETS = { precision: 0.95, recall: 0.9, ordinaryAsked: 0.1, kindAgreement: 0.9, allRoles: 0.9 } as const;

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
const mark = (ok: boolean) => (ok ? 'meets' : 'MISSES');

export interface ChatScore {
  lines: number;
  blockers: number;
  ordinary: number;
  acted: number;
  actedRight: number;
  caught: number;
  askedOrdinary: number;
  actedOrdinary: number;
  kindChecked: number;
  kindAgreed: number;
  report: string[];
}

export function scoreChat(lines: readonly ChatLine[], advisor: Advisor = offlineAdvisor, listing = true): ChatScore {
  const s: ChatScore = { lines: lines.length, blockers: 0, ordinary: 0, acted: 0, actedRight: 0, caught: 0, askedOrdinary: 0, actedOrdinary: 0, kindChecked: 0, kindAgreed: 0, report: [] };
  const misses: string[] = [];
  for (const line of lines) {
    const r = advisor.readChat(line.text);
    const isBlocker = line.expect === 'blocker';
    const said = `${r.reading} ${r.confidence.toFixed(2)}${r.kind ? ` ${r.kind}` : ''}${r.heard ? ` [${r.heard}]` : ''}`;
    if (r.reading === 'blocker') s.acted++;
    if (isBlocker) {
      s.blockers++;
      if (r.reading === 'blocker') s.actedRight++;
      if (r.reading !== 'none') {
        s.caught++;
        if (line.kind) {
          s.kindChecked++;
          if (r.kind === line.kind) s.kindAgreed++;
          else misses.push(`  wrong kind (${line.kind} expected): ${said} — ${line.text}`);
        }
      } else misses.push(`  missed blocker: ${said} — ${line.text}`);
    } else {
      s.ordinary++;
      if (r.reading === 'unsure') {
        s.askedOrdinary++;
        misses.push(`  asked about an ordinary line: ${said} — ${line.text}`);
      }
      if (r.reading === 'blocker') {
        s.actedOrdinary++;
        misses.push(`  acted on an ordinary line: ${said} — ${line.text}`);
      }
    }
  }
  const precisionOk = s.acted === 0 || s.actedRight / s.acted >= TARGETS.precision;
  s.report = [
    `  ${s.lines} lines: ${s.blockers} blockers, ${s.ordinary} ordinary`,
    `  precision of the lines acted on as blockers: ${pct(s.actedRight, s.acted)} (${s.actedRight}/${s.acted}; target ≥ 95%: ${mark(precisionOk)})`,
    `  recall, blockers acted on or asked about:   ${pct(s.caught, s.blockers)} (${s.caught}/${s.blockers}; acted on ${s.actedRight}; target ≥ 90%: ${mark(s.blockers === 0 || s.caught / s.blockers >= TARGETS.recall)})`,
    `  ordinary lines asked about:                 ${pct(s.askedOrdinary, s.ordinary)} (${s.askedOrdinary}/${s.ordinary}; acted on ${s.actedOrdinary}; target ≤ 10%: ${mark(s.ordinary === 0 || s.askedOrdinary / s.ordinary <= TARGETS.ordinaryAsked)})`,
    `  business/technical agreement:               ${pct(s.kindAgreed, s.kindChecked)} (${s.kindAgreed}/${s.kindChecked} of the blockers caught; target ≥ 90%: ${mark(s.kindChecked === 0 || s.kindAgreed / s.kindChecked >= TARGETS.kindAgreement)})`,
    ...(listing && misses.length ? ['  where it differs:', ...misses] : []),
  ];
  return s;
}

export interface ObjectiveScore {
  objectives: number;
  allRoles: number;
  absurd: number;
  titles: number;
  report: string[];
}

export function scoreObjectives(lines: readonly ObjectiveLine[], advisor: Advisor = offlineAdvisor, listing = true): ObjectiveScore {
  const s: ObjectiveScore = { objectives: lines.length, allRoles: 0, absurd: 0, titles: 0, report: [] };
  const listed: string[] = [];
  for (const line of lines) {
    const analysis = advisor.analyseObjectives([line.text]);
    const tasks = advisor.breakDown(analysis.objectives);
    const roles = new Set(tasks.map((t) => t.role));
    const missing = line.roles.filter((r) => !roles.has(r));
    const absurd = line.absurd.filter((r) => roles.has(r));
    if (missing.length === 0) s.allRoles++;
    if (absurd.length) s.absurd++;
    s.titles += tasks.length;
    const verdict = [missing.length ? `missing ${missing.join(', ')}` : 'every role', ...(absurd.length ? [`ABSURD ${absurd.join(', ')}`] : [])].join('; ');
    listed.push(`  ${missing.length || absurd.length ? '✗' : '✓'} ${line.text} — ${verdict}`);
    for (const u of analysis.unreadable) listed.push(`      not read: "${u.text.slice(0, 80)}" (${u.why})`);
    for (const t of tasks) listed.push(`      ${t.key} ${t.title} — ${t.role}, ${t.hours}h`);
  }
  s.report = [
    `  ${s.objectives} objectives, ${s.titles} tasks`,
    `  objectives with every needed role: ${pct(s.allRoles, s.objectives)} (${s.allRoles}/${s.objectives}; target ≥ 90%: ${mark(s.objectives === 0 || s.allRoles / s.objectives >= TARGETS.allRoles)})`,
    `  objectives given an absurd role:   ${s.absurd} (target: none: ${mark(s.absurd === 0)})`,
    ...(listing ? ['  every objective and its task titles (check none is garbled):', ...listed] : []),
  ];
  return s;
}

/** Reads one JSON Lines set: chat lines, objective lines, and the lines it could not read (with why). */
export function readSet(text: string): { chat: ChatLine[]; objectives: ObjectiveLine[]; bad: string[] } {
  const chat: ChatLine[] = [];
  const objectives: ObjectiveLine[] = [];
  const bad: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      bad.push(`line ${i + 1}: not JSON`);
      return;
    }
    const asChat = ChatLine.safeParse(value);
    if (asChat.success) return void chat.push(asChat.data);
    const asObjective = ObjectiveLine.safeParse(value);
    if (asObjective.success) return void objectives.push(asObjective.data);
    bad.push(`line ${i + 1}: neither a chat line {text, expect, kind} nor an objective {text, roles, absurd}`);
  });
  return { chat, objectives, bad };
}

function main(args: string[]): number {
  const listing = !args.includes('--summary');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write('usage: npm run judge -- FILE.jsonl... [--summary]\n');
    return 2;
  }
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      process.stderr.write(`judge: cannot read ${file}: ${(err as Error).message}\n`);
      failed = true;
      continue;
    }
    const set = readSet(text);
    const out = [`${file} (advisor: ${offlineAdvisor.name})`];
    if (set.bad.length) out.push(`  skipped ${set.bad.length} line(s): ${set.bad.slice(0, 5).join('; ')}`);
    if (set.chat.length) out.push('chat', ...scoreChat(set.chat, offlineAdvisor, listing).report);
    if (set.objectives.length) out.push('objectives', ...scoreObjectives(set.objectives, offlineAdvisor, listing).report);
    process.stdout.write(out.join('\n') + '\n\n');
  }
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
