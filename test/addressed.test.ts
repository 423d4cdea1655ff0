/**
 * A line that names the lead at its start ("@Lead status", "Lead: bug: …") is read without the name,
 * by every behaviour: the status answers, the work brought in, and the monitor, which then does not
 * take it for a blocker.
 */
import { describe, expect, it } from 'vitest';
import type { LeadAction } from '../orchestrator/lead-view.js';
import { withoutLeadName } from '../orchestrator/addressed.js';
import { createMonitorBehaviour } from '../orchestrator/monitoring/behaviour.js';
import { createPlanningBehaviour } from '../orchestrator/planning/behaviour.js';
import { createStatusBehaviour } from '../orchestrator/status-answers.js';
import { makeTask, makeView, message } from './helpers/monitor-fixtures.js';

const chats = (actions: LeadAction[]) => actions.filter((a): a is Extract<LeadAction, { type: 'chat' }> => a.type === 'chat');

describe('lines that name the lead', () => {
  it('reads the line without the name, however it is written, and only at the start', () => {
    expect(withoutLeadName('@Tech Lead status', 'Tech Lead')).toBe('status');
    expect(withoutLeadName('@tech lead: bug: the export crashes', 'Tech Lead')).toBe('bug: the export crashes');
    expect(withoutLeadName('Tech Lead, report', 'Tech Lead')).toBe('report');
    expect(withoutLeadName('@lead status?', 'Tech Lead')).toBe('status?');
    expect(withoutLeadName('Tech Leadership is hard', 'Tech Lead')).toBeNull();
    expect(withoutLeadName('ask the Tech Lead', 'Tech Lead')).toBeNull();
    expect(withoutLeadName('@Lead (1) status', 'Lead (1)')).toBe('status');
  });

  it('answers "@Lead status" like "status", to whoever asked', () => {
    const [answer] = chats(createStatusBehaviour().onEvent(message('Quinn', 'qa', '@Lead status'), makeView()));
    expect(answer).toMatchObject({ to: { kind: 'participant', name: 'Quinn' } });
    expect(answer!.text).toMatch(/^# Sprint 1/);
  });

  it('takes "@Lead bug: …" said to everyone as work brought in, not as a blocker', () => {
    const view = makeView({ tasks: [makeTask({ id: 'T-1', assignee: 'Quinn', status: 'in_progress' })] });
    const line = message('Quinn', 'qa', '@Lead bug: the export button crashes on Safari');
    const [asked] = chats(createPlanningBehaviour().onEvent(line, view));
    expect(asked!.text).toMatch(/^Quinn brings in work: T-2 "Fix: the export button crashes on Safari"/);
    expect(createMonitorBehaviour().onEvent(line, view)).toEqual([]);
  });
});
