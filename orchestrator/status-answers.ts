/**
 * Status inside the room: anyone who says `status` or `report` (to everyone or to the lead) gets the
 * sprint's figures from the lead, the same ones `huddle status` and `huddle report` print (figures.ts,
 * metrics.ts, sprint-report.ts). The answer goes to whoever asked.
 */
import type { MessageEvent } from '../collaboration-server/protocol.js';
import type { Behaviour, LeadAction, LeadView } from './lead-view.js';
import { sayTo } from './monitoring/actions.js';
import { lineForLead, reachesLead } from './addressed.js';
import { isRoomQuestion, REPORT_QUESTION } from './room-questions.js';
import { buildReport, reportCard, reportText, statusLines } from './sprint-report.js';

export function answerStatus(event: MessageEvent, view: LeadView): LeadAction[] {
  const who = event.from.name;
  const sprint = view.sprint;
  if (!sprint) return [sayTo(who, 'No sprint yet. The product owner starts one by typing: plan sprint')];
  const report = buildReport(
    { sprint, tasks: view.tasks.filter((t) => t.sprintId === sprint.id), events: view.taskEvents ?? [], escalations: view.escalations, decisions: view.decisions ?? [] },
    view.now,
  );
  if (REPORT_QUESTION.test(lineForLead(event, view))) return [sayTo(who, reportText(report), reportCard(report))];
  const open = view.escalations.filter((e) => e.status === 'open').length;
  return [sayTo(who, [...statusLines(report, open), '`report` gives the whole report; `/task T-n` one task.'].join('\n'))];
}

export function createStatusBehaviour(): Behaviour {
  return {
    name: 'status',
    onEvent(event, view) {
      if (event.type !== 'message' || !reachesLead(event, view) || !isRoomQuestion(lineForLead(event, view))) return [];
      return answerStatus(event, view);
    },
  };
}
