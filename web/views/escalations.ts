/**
 * The questions waiting for the product owner, each answerable here: a button per option and a note.
 * The answer goes over the page's WebSocket as the same `escalation_answer` frame a terminal's
 * `/answer` sends, from the product owner's own identity, so the room records it the same way.
 */
import type { Decision, Escalation } from '../../collaboration-server/protocol.js';
import { flag, html, PageLink, type SafeHtml } from '../html.js';
import type { PageState } from '../page-state.js';
import { when } from './format.js';

/** Answers being sent, and the last refusal per escalation, kept by the page while it waits. */
export interface AnswerProgress {
  sending: ReadonlySet<string>;
  errors: ReadonlyMap<string, string>;
}

function openCard(e: Escalation, mayAnswer: boolean, progress: AnswerProgress): SafeHtml {
  const sending = progress.sending.has(e.id);
  const disabled = !mayAnswer || sending;
  const error = progress.errors.get(e.id);
  return html`<article class="escalation" id="escalation-${e.id}" data-escalation="${e.id}">
  <header><span class="eid">${e.id}</span> <h3>${e.title}</h3>${e.taskId ? html` <a class="tid" href="${PageLink.to('task', e.taskId)}">${e.taskId}</a>` : ''}</header>
  <dl>${e.blocker ? html`<dt>Blocker</dt><dd>${e.blocker}</dd>` : ''}${e.impact ? html`<dt>Impact</dt><dd>${e.impact}</dd>` : ''}${e.reason ? html`<dt>Why you</dt><dd>${e.reason}</dd>` : ''}</dl>
  <textarea id="note-${e.id}" class="note" rows="2" maxlength="4000" placeholder="A note with your answer (optional)" ${flag('disabled', disabled)}></textarea>
  <div class="options">${e.options.map(
    (o) => html`<button type="button" class="answer" data-escalation="${e.id}" data-option="${o.key}" title="${o.effect}" ${flag('disabled', disabled)}><b>${o.key}</b> ${o.label}</button>`,
  )}<button type="button" class="answer note-only" data-escalation="${e.id}" data-option="" ${flag('disabled', disabled)}>Send the note only</button></div>
  ${sending ? html`<p class="sending">Sending…</p>` : ''}${error ? html`<p class="error">${error}</p>` : ''}
</article>`;
}

function answeredCard(e: Escalation, decision: Decision | undefined): SafeHtml {
  return html`<article class="escalation answered" id="escalation-${e.id}" data-escalation="${e.id}">
  <header><span class="eid">${e.id}</span> <h3>${e.title}</h3>${e.taskId ? html` <a class="tid" href="${PageLink.to('task', e.taskId)}">${e.taskId}</a>` : ''}</header>
  ${decision ? html`<p class="decision">Decided by <b>${decision.by}</b> on ${when(decision.createdAt)}: ${decision.text}</p>` : html`<p class="decision">Answered.</p>`}
</article>`;
}

export function escalationsView(state: PageState, progress: AnswerProgress): SafeHtml {
  const open = state.escalations.filter((e) => e.status === 'open');
  const answered = state.escalations.filter((e) => e.status === 'answered').reverse();
  const mayAnswer = state.me.role === 'human';
  return html`${mayAnswer ? '' : html`<p class="hint">Signed in as ${state.me.name} (${state.me.role}): only the product owner answers escalations.</p>`}
<h2>Waiting for the product owner <span class="count">${open.length}</span></h2>
${open.length ? open.map((e) => openCard(e, mayAnswer, progress)) : html`<p class="empty">Nothing is waiting for the product owner.</p>`}
<h2>Answered <span class="count">${answered.length}</span></h2>
${answered.map((e) => answeredCard(e, state.decisions.find((d) => d.escalationId === e.id)))}`;
}
