/**
 * What one named key action means for the terminal, decided from the state as it is now: a state
 * change, a line to run, or leaving. Pure; the container carries it out.
 */
import { commandsFor } from '../input/commands.js';
import { complete } from '../input/complete.js';
import type { KeyAction } from './keys.js';
import { pageRows, type UiAction, type UiState } from './state.js';

export type KeyOutcome = { type: 'state'; action: UiAction } | { type: 'submit'; line: string } | { type: 'redraw' } | { type: 'quit' };

const change = (action: UiAction): KeyOutcome => ({ type: 'state', action });

export function keyOutcome(key: KeyAction, state: UiState): KeyOutcome {
  const line = state.input;
  switch (key.type) {
    case 'insert':
      return change({ type: 'input', text: line + key.text });
    case 'backspace':
      return change({ type: 'input', text: line.slice(0, -1) });
    case 'clear-line':
      return change({ type: 'input', text: '' });
    case 'submit':
      return { type: 'submit', line };
    case 'complete': {
      const result = complete(line, state.room.roster.map((p) => p.name), commandsFor(state.me.role));
      return change({ type: 'input', text: result.line, completions: result.options });
    }
    case 'history-older':
      return change({ type: 'history', direction: 'older' });
    case 'history-newer':
      return change({ type: 'history', direction: 'newer' });
    case 'page-up':
      return change({ type: 'scroll', by: pageRows(state) });
    case 'page-down':
      return change({ type: 'scroll', by: -pageRows(state) });
    case 'option-prev':
      return change({ type: 'select', by: -1 });
    case 'option-next':
      return change({ type: 'select', by: 1 });
    case 'focus-input':
      return change({ type: 'focus', focus: 'input' });
    case 'focus-escalation':
      return change({ type: 'focus', focus: 'escalation' });
    case 'toggle-panel':
      return change({ type: 'toggle-panel' });
    case 'close-overlay':
      return change({ type: 'close-overlay' });
    case 'redraw':
      return { type: 'redraw' };
    case 'quit':
      return { type: 'quit' };
  }
}
