/** Every key the terminal reacts to, mapped to a named action in one place. */
import type { Key } from 'ink';
import type { Focus } from './state.js';

export type KeyAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'clear-line' }
  | { type: 'submit' }
  | { type: 'complete' }
  | { type: 'history-older' }
  | { type: 'history-newer' }
  | { type: 'page-up' }
  | { type: 'page-down' }
  | { type: 'option-prev' }
  | { type: 'option-next' }
  | { type: 'focus-input' }
  | { type: 'focus-escalation' }
  | { type: 'toggle-panel' }
  | { type: 'close-overlay' }
  | { type: 'redraw' }
  | { type: 'quit' };

/**
 * The actions for one keypress. A pasted chunk (or a fast terminal) can carry several keys at once,
 * like `hello\r` or `/acc\t`: each line break in it is an Enter, each tab a Tab.
 */
export function keyActions(input: string, key: Key, focus: Focus): KeyAction[] {
  if (!key.ctrl && !key.meta && input.length > 1 && /[\r\n\t]/.test(input)) {
    return (input.match(/\r\n|[\r\n\t]|[^\r\n\t]+/g) ?? []).map((part): KeyAction =>
      part === '\t' ? { type: 'complete' } : /^[\r\n]/.test(part) ? { type: 'submit' } : { type: 'insert', text: part },
    );
  }
  const action = keyAction(input, key, focus);
  return action ? [action] : [];
}

export function keyAction(input: string, key: Key, focus: Focus): KeyAction | null {
  if (key.ctrl && input === 'c') return { type: 'quit' };
  if (key.ctrl && input === 'u') return { type: 'clear-line' };
  if (key.ctrl && input === 'e') return { type: 'focus-escalation' };
  if (key.ctrl && input === 't') return { type: 'toggle-panel' };
  if (key.ctrl && input === 'l') return { type: 'redraw' };
  if (key.pageUp) return { type: 'page-up' };
  if (key.pageDown) return { type: 'page-down' };
  if (key.return) return { type: 'submit' };
  if (key.tab) return { type: 'complete' };
  if (key.backspace || key.delete) return { type: 'backspace' };
  if (focus === 'escalation') {
    if (key.escape) return { type: 'focus-input' };
    if (key.upArrow) return { type: 'option-prev' };
    if (key.downArrow) return { type: 'option-next' };
  } else {
    if (key.escape) return { type: 'close-overlay' };
    if (key.upArrow) return { type: 'history-older' };
    if (key.downArrow) return { type: 'history-newer' };
  }
  if (key.ctrl || key.meta || key.escape || !input) return null;
  return { type: 'insert', text: input.replace(/[\r\n]+/g, ' ') };
}
