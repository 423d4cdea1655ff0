/**
 * A sprint's end. When its last day is over the lead closes it (the product owner may close it earlier:
 * `close sprint`, or by approving the next plan); a sprint that closed, or completed with every task
 * finished, gets its report once, with the figures every other view shows. What was reported and what
 * close was asked for go to the hub (`state_put`, key `closing`), so a lead restarted mid-close (or a hub
 * killed during it) finishes the job once.
 */
import { z } from 'zod';
import type { Behaviour, LeadAction, LeadView } from './lead-view.js';
import { buildReport, reportCard, reportText } from './sprint-report.js';
import { utcDateTime } from '../collaboration-server/units.js';

export const CLOSING_KEY = 'closing';

const MemorySchema = z.object({ version: z.literal(1), reported: z.array(z.string()), closing: z.array(z.string()) });
type ClosingMemory = z.infer<typeof MemorySchema>;
const empty = (): ClosingMemory => ({ version: 1, reported: [], closing: [] });

export function createSprintClosingBehaviour(): Behaviour {
  let memory = empty();

  /** The report of the view's sprint once it is over, posted once. */
  function report(view: LeadView): LeadAction[] {
    const sprint = view.sprint;
    if (!sprint || sprint.status === 'active' || sprint.status === 'cancelled' || memory.reported.includes(sprint.id)) return [];
    memory = { ...memory, reported: [...memory.reported, sprint.id].slice(-200) };
    const r = buildReport(
      { sprint, tasks: view.tasks.filter((t) => t.sprintId === sprint.id), events: view.taskEvents ?? [], escalations: view.escalations, decisions: view.decisions ?? [] },
      view.now,
    );
    // the memory saved after it may be lost with the hub: the next lead's report is the same frame
    return [{ type: 'chat', text: reportText(r), card: reportCard(r), once: `report:${sprint.id}` }];
  }

  /** A sprint past its end is closed: its open work goes to the backlog and the next plan. */
  function closeWhenOver(view: LeadView): LeadAction[] {
    const sprint = view.sprint;
    if (!sprint || sprint.status !== 'active' || view.now < sprint.endsAt || memory.closing.includes(sprint.id)) return [];
    memory = { ...memory, closing: [...memory.closing, sprint.id].slice(-200) };
    return [
      { type: 'chat', text: `${sprint.name} ended at ${utcDateTime(sprint.endsAt)} UTC: I am closing it. Its open tasks go to the backlog with their progress, and the next plan proposes them as carried over.`, once: `closing:${sprint.id}` },
      { type: 'sprint_close', sprintId: sprint.id },
    ];
  }

  const remembering = (actions: LeadAction[], before: ClosingMemory): LeadAction[] => (memory === before ? actions : [...actions, { type: 'state_put', key: CLOSING_KEY, value: memory }]);

  return {
    name: CLOSING_KEY,
    restore(saved) {
      const parsed = MemorySchema.safeParse(saved);
      memory = parsed.success ? parsed.data : empty();
    },
    onEvent(event, view) {
      if (event.type !== 'sprint') return [];
      const before = memory;
      return remembering(report(view), before);
    },
    onTick(view) {
      const before = memory;
      return remembering([...report(view), ...closeWhenOver(view)], before);
    },
  };
}
