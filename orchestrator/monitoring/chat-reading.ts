/** How the lead reads one chat line: act on it as a blocker, ask the person, or let it be. */
import { readAsBlocker } from './blocker-detector.js';
import { classifyBlocker } from './blocker-kind.js';

export type Reading = 'blocker' | 'unsure' | 'none';

export interface ChatReading {
  reading: Reading;
  /** 0..1: how sure the lead is that the line reports something in the way of the work */
  confidence: number;
  /** for a blocker or unsure line: whether the team can solve it or the product owner must decide */
  kind: 'technical' | 'business' | null;
  /** what kind of trouble it sounds like (stuck, error, waiting...), or null */
  category: string | null;
  /** the words that decided it, or null */
  heard: string | null;
}

export function readChat(text: string): ChatReading {
  const old = readAsBlocker(text);
  if (!old.blocker) return { reading: 'none', confidence: 0.1, kind: null, category: null, heard: null };
  return { reading: 'blocker', confidence: 0.9, kind: classifyBlocker(text).kind, category: old.category, heard: old.cue };
}
