/**
 * The offline engine behind the advisor seam: deterministic rules, no network, no key. It answers
 * every judgement call at once by delegating to the planning and monitoring engines, and it is what
 * checks (and replaces) any other advisor's answer.
 */
import { breakdownObjectives } from '../planning/breakdown.js';
import { analyseObjectives } from '../planning/objectives.js';
import { classifyBlocker } from '../monitoring/blocker-kind.js';
import { readChat } from '../monitoring/chat-reading.js';
import { escalationOptions } from '../monitoring/escalation-options.js';
import { findGuidance } from '../monitoring/knowledge-base.js';
import { judgeQuietTask } from '../monitoring/quiet-task.js';
import type { Advisor } from './advisor.js';

export const offlineAdvisor: Advisor = {
  name: 'offline',
  analyseObjectives,
  breakDown: (objectives) => breakdownObjectives(objectives),
  readChat,
  classifyBlocker,
  guidance: (task, blocker) => findGuidance(task.domain, blocker, task.title),
  escalationOptions,
  judgeQuietTask,
};
