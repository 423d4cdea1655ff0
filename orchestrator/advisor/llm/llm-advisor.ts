/**
 * The LLM advisor: the advisor seam answered by a model, checked by the offline engine. Every call
 * returns at once: the model's answer if one is cached (parsed, validated, checked), else the offline
 * answer while the question goes to the model in the background. `thinking` tells a behaviour that
 * can wait that an answer is on its way; when it lands (or fails, or its time is up) the advisor
 * wakes the lead, which ticks, and the behaviour asks again.
 *
 * Each question is asked once: its outcome, an answer or the reason it fell back, is kept under a hash
 * of its input (the loop guard), and a minute's questions are capped besides. A fallback is said in
 * the room, in one line, by the advisor's behaviour (llm-behaviour.ts).
 */
import { createHash } from 'node:crypto';
import type { LanguageModel } from 'ai';
import type { RoleSpec } from '../../../agents/roles.js';
import { systemClock, type Clock } from '../../../collaboration-server/clock.js';
import { calendarDays } from '../../../collaboration-server/figures.js';
import type { Task } from '../../../collaboration-server/protocol.js';
import type { LeadView } from '../../lead-view.js';
import type { PlannedTask } from '../../planning/breakdown.js';
import { DEFAULT_SPRINT_DAYS, teamCapacity } from '../../planning/capacity.js';
import type { TeamHistory } from '../../planning/history.js';
import type { Objective, ObjectiveAnalysis } from '../../planning/objectives.js';
import type { BlockerKind } from '../../monitoring/blocker-kind.js';
import type { ChatReading } from '../../monitoring/chat-reading.js';
import type { CostedOption, EscalationRequest } from '../../monitoring/escalation-options.js';
import type { Guidance } from '../../monitoring/knowledge-base.js';
import type { QuietJudgement, QuietTaskRequest } from '../../monitoring/quiet-task.js';
import type { Advisor, JudgementInput } from '../advisor.js';
import { offlineAdvisor } from '../offline.js';
import { BlockerAnswerSchema, ChatAnswerSchema, PlanAnswerSchema, QuietAnswerSchema, type BlockerAnswer, type ChatAnswer, type PlanAnswer, type QuietAnswer } from './answers.js';
import { askModel, type AskContext, type Outcome } from './ask.js';
import { checkBlocker, checkChat, checkPlan, checkQuiet } from './checks.js';
import type { LlmConfig, Use } from './config.js';
import { Limiter } from './limiter.js';
import { DOMAIN_IDS, mapChat, mapGuidance, mapKind, mapOptions, mapPlan, mapQuiet } from './map-answers.js';
import { parseAnswer, type Parsed } from './parse-answer.js';
import { blockerPrompt, chatPrompt, planPrompt, PROMPT_VERSION, quietPrompt, type Prompt } from './prompts.js';
import { forSprint, freshUsage, type LlmUsage } from './usage.js';
import { restoreLlmState, type LlmState, type SavedPlan } from './llm-state.js';

type Entry<T> = { state: 'asking'; done: Promise<void> } | { state: 'answered'; value: T } | { state: 'failed'; reason: string };

/** A fallback, said in the room in one line. */
export interface Notice {
  use: Use;
  text: string;
}

export type TeamView = Pick<LeadView, 'roles' | 'roster' | 'tasks' | 'now'> & Partial<Pick<LeadView, 'sprint'>>;

export interface LlmAdvisorOptions {
  config: LlmConfig;
  model: LanguageModel;
  roles: readonly RoleSpec[];
  offline?: Advisor;
  clock?: Clock;
  log?: (line: string) => void;
  sleep?: AskContext['sleep'];
}

const MAX_ENTRIES = 2000;
const SAVED_PLANS = 20;
/** A fallback other than a plan's is said at most once per use in this window (it is always logged). */
export const NOTICE_WINDOW_MS = 10 * 60_000;
const MINUTE = 60_000;

const WHAT: Record<Use, string> = { plan: 'plan', chat: 'reading of a chat line', blocker: 'advice on a blocker', quiet: 'judgement on a quiet task' };
const INSTEAD: Record<Use, string> = {
  plan: 'this is the offline plan',
  chat: 'I went by the offline reading',
  blocker: 'the guidance and options are the offline ones',
  quiet: 'I asked the usual questions',
};

const normal = (s: string) => s.trim().replace(/\s+/g, ' ');

export class LlmAdvisor implements Advisor {
  readonly name: string;
  private readonly offline: Advisor;
  private readonly clock: Clock;
  private readonly log: (line: string) => void;
  private readonly ctx: AskContext;
  private readonly entries = new Map<string, Entry<unknown>>();
  /** the plan keys whose outcome is saved in the hub, newest last */
  private readonly planKeys: string[] = [];
  /** planned tasks of the model's objectives, by the objectives they were planned for */
  private readonly tasksFor = new Map<string, PlannedTask[]>();
  /** blocker answers by the blocker's words, for `classifyBlocker` (which gets only those) */
  private readonly blockers = new Map<string, BlockerAnswer>();
  private readonly asked: number[] = [];
  private readonly noticed = new Map<Use, number>();
  private notices: Notice[] = [];
  /** questions whose fallback notice has not been taken yet */
  private readonly unsaid = new Set<string>();
  private team: TeamView;
  private usage: LlmUsage;
  private wake: () => void = () => {};
  private version = 0;

  constructor(private readonly options: LlmAdvisorOptions) {
    const { config } = options;
    this.name = config.label;
    this.offline = options.offline ?? offlineAdvisor;
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? (() => {});
    this.team = { roles: [...options.roles], roster: [], tasks: [], now: this.clock.now() };
    this.usage = freshUsage(config.label, config.limits.budgetTokens);
    const secret = config.apiKey?.reveal();
    this.ctx = {
      model: options.model,
      limits: config.limits,
      limiter: new Limiter(config.limits.concurrency),
      budget: {
        left: () => this.usage.budget - this.usage.tokens,
        spend: (tokens) => {
          this.usage = { ...this.usage, tokens: this.usage.tokens + tokens };
          this.version++;
        },
      },
      redact: (text) => (secret ? text.split(secret).join('[secret]') : text),
      ...(options.sleep ? { sleep: options.sleep } : {}),
    };
  }

  /** Called when an answer lands or a question falls back: the lead ticks. */
  onWake(wake: () => void): void {
    this.wake = wake;
  }

  /** The room as the behaviours see it: the team for the prompts and the checks, the sprint for the budget. */
  observe(view: TeamView): void {
    this.team = view;
    const usage = forSprint(this.usage, view.sprint?.id ?? null);
    if (usage !== this.usage) {
      this.usage = usage;
      this.version++;
    }
  }

  // ------------------------------------------------------------------------------ the seam

  analyseObjectives(messages: readonly string[], history?: TeamHistory, capacityHours?: number): ObjectiveAnalysis {
    const plan = this.answer<PlanAnswer>(this.askPlan(messages, capacityHours));
    if (!plan) return this.offline.analyseObjectives(messages, history);
    const mapped = mapPlan(plan, this.offline, this.name, history);
    this.tasksFor.set(fingerprint(mapped.analysis.objectives), mapped.tasks);
    if (this.tasksFor.size > SAVED_PLANS) this.tasksFor.delete(this.tasksFor.keys().next().value!);
    return mapped.analysis;
  }

  breakDown(objectives: readonly Objective[]): PlannedTask[] {
    return this.tasksFor.get(fingerprint(objectives)) ?? this.offline.breakDown(objectives);
  }

  readChat(text: string): ChatReading {
    const key = this.askChat(text);
    const answer = key ? this.answer<ChatAnswer>(key) : null;
    const offline = this.offline.readChat(text);
    return answer ? mapChat(answer, offline) : offline;
  }

  classifyBlocker(blocker: string): BlockerKind {
    const answer = this.blockers.get(normal(blocker));
    return answer ? mapKind(answer) : this.offline.classifyBlocker(blocker);
  }

  guidance(task: Task, blocker: string): Guidance {
    const answer = this.answer<BlockerAnswer>(this.askBlocker(task, blocker));
    return answer ? mapGuidance(answer, task) : this.offline.guidance(task, blocker);
  }

  escalationOptions(request: EscalationRequest): CostedOption[] {
    // Repeated failures are the lead's own call (retry elsewhere, defer, drop); the model is asked about blockers.
    const answer = request.cause.kind === 'failures' ? null : this.answer<BlockerAnswer>(this.askBlocker(request.task, request.blocker));
    return answer ? mapOptions(answer) : this.offline.escalationOptions(request);
  }

  judgeQuietTask(request: QuietTaskRequest): QuietJudgement {
    const offline = this.offline.judgeQuietTask(request);
    const answer = offline.check ? this.answer<QuietAnswer>(this.askQuiet(request)) : null;
    return answer ? mapQuiet(answer, request.task, offline) : offline;
  }

  /**
   * True while the question is in flight, and after it fell back until its notice was taken: the
   * behaviour that waits then acts only once the room has been told why (the notice goes first).
   */
  thinking(about: JudgementInput): boolean {
    const key = this.keyOf(about);
    return this.isAsking(key) || (key !== null && this.unsaid.has(key));
  }

  /** Starts the question `about` asks, if any; its key. */
  private keyOf(about: JudgementInput): string | null {
    switch (about.call) {
      case 'analyseObjectives':
        return this.askPlan(about.input[0], about.input[2]);
      case 'readChat':
        return this.askChat(about.input[0]);
      case 'guidance':
        return this.askBlocker(...about.input);
      case 'judgeQuietTask':
        return this.offline.judgeQuietTask(...about.input).check ? this.askQuiet(about.input[0]) : null;
      default:
        // breakDown, classifyBlocker and escalationOptions are answered by the questions above.
        return null;
    }
  }

  // ------------------------------------------------------------------------------ for the behaviour and the CLI

  /** The fallbacks not yet said, oldest first. */
  takeNotices(): Notice[] {
    const taken = this.notices;
    this.notices = [];
    this.unsaid.clear();
    return taken;
  }

  /** Bumps whenever what `snapshot` returns changed. */
  get stateVersion(): number {
    return this.version;
  }

  snapshot(): LlmState {
    const plans = this.planKeys.flatMap((key): SavedPlan[] => {
      const e = this.entries.get(key);
      if (e?.state === 'answered') return [{ key, answer: e.value as PlanAnswer }];
      if (e?.state === 'failed') return [{ key, failed: e.reason }];
      return [];
    });
    return { version: 1, usage: this.usage, plans };
  }

  /** What a previous run saved: the sprint's usage, and the plans it showed (so an approval after a restart approves the same plan). */
  restore(saved: unknown): void {
    const state = restoreLlmState(saved);
    if (!state) return;
    this.usage = { ...state.usage, model: this.name, budget: this.options.config.limits.budgetTokens };
    for (const p of state.plans) {
      this.remember(p.key, p.answer ? { state: 'answered', value: p.answer } : { state: 'failed', reason: p.failed ?? 'was lost' });
      this.planKeys.push(p.key);
    }
  }

  currentUsage(): LlmUsage {
    return this.usage;
  }

  /** Resolves once no question is in flight. */
  async settled(): Promise<void> {
    for (;;) {
      const asking = [...this.entries.values()].flatMap((e) => (e.state === 'asking' ? [e.done] : []));
      if (asking.length === 0) return;
      await Promise.all(asking);
    }
  }

  /**
   * Asks about this call and resolves once the answer is in or has fallen back, with the fallbacks'
   * notices (taken: the caller prints them). For commands with no lead runtime to tick (`huddle plan`,
   * `huddle explain`), which then call the advisor as the lead would and get the answer at once.
   */
  async waitFor(about: JudgementInput): Promise<Notice[]> {
    while (this.isAsking(this.keyOf(about))) await this.settled();
    return this.takeNotices();
  }

  // ------------------------------------------------------------------------------ questions

  /** `planned`: the hours of the sprint being planned; a plan for a week is not checked against a fortnight. */
  private askPlan(said: readonly string[], planned?: number): string | null {
    const messages = said.map((m) => m.trim()).filter(Boolean);
    if (messages.length === 0) return null;
    const roles = this.team.roles.filter((r) => r.takesTasks).map((r) => ({ role: r.role, title: r.title, expertise: r.expertise }));
    const capacityHours = planned ?? this.capacityHours();
    const key = this.key('plan', { messages, roles, capacityHours: Math.round(capacityHours) });
    if (!this.entries.has(key)) {
      this.planKeys.push(key);
      if (this.planKeys.length > SAVED_PLANS) this.planKeys.shift();
    }
    const prompt = () => planPrompt({ messages, roles: this.rolesInRoom(), capacityHours, domains: DOMAIN_IDS });
    return this.ask(key, prompt, (text) => parseAnswer(text, PlanAnswerSchema), (plan) => checkPlan(plan, { roles: this.team.roles, capacityHours }));
  }

  private askChat(text: string): string | null {
    const line = normal(text);
    if (!line) return null;
    if (this.options.config.chat !== 'all' && this.offline.readChat(text).reading !== 'unsure') return null;
    return this.ask(this.key('chat', line), () => chatPrompt(line), (text) => parseAnswer(text, ChatAnswerSchema), (a) => checkChat(a, line));
  }

  private askBlocker(task: Task, blocker: string): string {
    const words = normal(blocker);
    const key = this.key('blocker', { task: task.id, title: task.title, blocker: words });
    return this.ask(
      key,
      () => blockerPrompt({ task, blocker: words, openHours: this.openHours(), capacityHours: this.capacityHours() }),
      (text) => parseAnswer(text, BlockerAnswerSchema),
      (a) => checkBlocker(a, task.estimateHours),
      (a) => this.blockers.set(words, a),
    );
  }

  private askQuiet({ task, silentMinutes }: QuietTaskRequest): string {
    const key = this.key('quiet', { task: task.id, updatedAt: task.updatedAt, percent: task.percent, notes: task.notes.length });
    return this.ask(key, () => quietPrompt({ task, silentMinutes }), (text) => parseAnswer(text, QuietAnswerSchema), checkQuiet);
  }

  /** Starts the question unless its outcome is known or on its way; returns its key. */
  private ask<T>(key: string, prompt: () => Prompt, read: (text: string) => Parsed<T>, check: (value: T) => string[], onAnswer?: (value: T) => void): string {
    if (this.entries.has(key)) return key;
    const p = prompt();
    const refused = this.refusal();
    if (refused) {
      this.usage = { ...this.usage, refused: this.usage.refused + 1 };
      this.settle(key, p.use, { ok: false, problem: refused });
      return key;
    }
    this.asked.push(this.clock.now());
    this.usage = { ...this.usage, asks: this.usage.asks + 1 };
    const done = askModel(this.ctx, p, read, check).then((outcome) => {
      if (outcome.ok) onAnswer?.(outcome.value);
      this.settle(key, p.use, outcome);
    });
    this.entries.set(key, { state: 'asking', done });
    return key;
  }

  /** The loop guard and the budget: why a question must not be asked now, or null. */
  private refusal(): string | null {
    const now = this.clock.now();
    while (this.asked.length && this.asked[0]! <= now - MINUTE) this.asked.shift();
    if (this.asked.length >= this.options.config.limits.asksPerMinute) return `was not asked: the lead already asked ${this.asked.length} questions this minute`;
    if (this.usage.tokens >= this.usage.budget) return `was not asked: this sprint's budget of ${this.usage.budget.toLocaleString('en')} tokens is spent`;
    return null;
  }

  private settle<T>(key: string, use: Use, outcome: Outcome<T>): void {
    if (outcome.ok) {
      this.remember(key, { state: 'answered', value: outcome.value });
      this.usage = { ...this.usage, answers: this.usage.answers + 1 };
      this.log(`llm: ${use} answered by ${this.name}${outcome.repaired ? ' after one repair round' : ''}`);
    } else {
      this.remember(key, { state: 'failed', reason: outcome.problem });
      this.usage = { ...this.usage, fallbacks: this.usage.fallbacks + 1 };
      const text = `The model's ${WHAT[use]} ${outcome.problem}; ${INSTEAD[use]}.`;
      this.log(`llm: ${text}`);
      const now = this.clock.now();
      const last = this.noticed.get(use);
      if (use === 'plan' || last === undefined || now - last >= NOTICE_WINDOW_MS) {
        this.noticed.set(use, now);
        this.notices.push({ use, text });
        this.unsaid.add(key);
      }
    }
    this.version++;
    queueMicrotask(() => this.wake());
  }

  private remember(key: string, entry: Entry<unknown>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size <= MAX_ENTRIES) return;
    for (const [k, e] of this.entries) {
      if (e.state === 'asking' || this.planKeys.includes(k)) continue;
      this.entries.delete(k);
      break;
    }
  }

  private answer<T>(key: string | null): T | null {
    const e = key ? this.entries.get(key) : undefined;
    return e?.state === 'answered' ? (e.value as T) : null;
  }

  private isAsking(key: string | null): boolean {
    return !!key && this.entries.get(key)?.state === 'asking';
  }

  private key(use: Use, input: unknown): string {
    return createHash('sha256').update(JSON.stringify([PROMPT_VERSION, this.name, use, input])).digest('hex').slice(0, 32);
  }

  /** The running sprint's hours from now to its end, else a default sprint's from now: for questions asked without a plan's own. */
  private capacityHours(): number {
    const sprint = this.team.sprint;
    const days = sprint?.status === 'active' ? Math.max(1, calendarDays(this.team.now, sprint.endsAt)) : DEFAULT_SPRINT_DAYS;
    return teamCapacity(this.team, this.team.now, days).totalHours;
  }

  private rolesInRoom() {
    return this.team.roles
      .filter((r) => r.takesTasks)
      .map((r) => ({ role: r.role, title: r.title, expertise: r.expertise, members: this.team.roster.filter((p) => p.role === r.role).length }));
  }

  private openHours(): number {
    return this.team.tasks.filter((t) => t.status !== 'done' && t.status !== 'cancelled').reduce((sum, t) => sum + t.estimateHours * (1 - t.percent / 100), 0);
  }
}

/** The objectives a breakdown is for, as one string. */
const fingerprint = (objectives: readonly Objective[]) => JSON.stringify(objectives.map((o) => [o.index, o.text, o.priority]));
