/**
 * The status bar as one row that always fits its line: the connection, who I am, the sprint's
 * progress and the keys. When the line is short the keys go first, then the progress bar, and the
 * name is cut with an ellipsis; nothing wraps onto a second line.
 */
import type { ConnectionState } from '../../collaboration-server/client.js';
import { progressSpans } from './progress-spans.js';
import { rowWidth, span, truncateRow, type Row, type Span } from './rows.js';
import { PRESENCE } from './components/theme.js';
import { truncateWidth } from '../text-width.js';

export const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface StatusProps {
  connection: ConnectionState;
  queued: number;
  spinnerFrame: number;
  me: { name: string; role: string };
  /** the room sees me away (no key for a while) */
  away?: boolean;
  sprint: { name: string; done: number; total: number; percent: number } | null;
}

function connectionSpans({ connection, queued, spinnerFrame, away }: StatusProps): Span[] {
  const waiting = queued ? ` · ${queued} message${queued === 1 ? '' : 's'} queued` : '';
  if (connection === 'online') {
    const shown = away ? { ...PRESENCE.away, text: 'away' } : { ...PRESENCE.online, text: 'online' };
    return [span(`${shown.dot} ${shown.text}${queued ? ` · sending ${queued}` : ''}`, { color: shown.color })];
  }
  if (connection === 'closed') return [span(`${PRESENCE.offline.dot} closed`, { color: PRESENCE.offline.color })];
  return [span(`${SPINNER[spinnerFrame % SPINNER.length]} ${connection === 'reconnecting' ? 'reconnecting…' : 'connecting…'}${waiting}`, { color: 'yellow' })];
}

const sep = (): Span => span(' │ ', { dimColor: true });

export function statusRow(props: StatusProps, width: number, keys: string): Row {
  const { me, sprint } = props;
  const who = `${me.name} (${me.role})`;
  const full: Span[] = sprint ? [span(`${sprint.name} ${sprint.done}/${sprint.total} done `), ...progressSpans(sprint.percent)] : [span('no active sprint', { dimColor: true })];
  const short: Span[] = sprint ? [span(`${sprint.name} ${sprint.done}/${sprint.total} · ${sprint.percent}%`)] : [span('no sprint', { dimColor: true })];
  const conn = connectionSpans(props);
  const help = [span(` │ ${keys}`, { dimColor: true })];
  const helpShort = [span(' │ /help', { dimColor: true })];
  const candidates: Row[] = [
    [...conn, sep(), span(who), sep(), ...full, ...help],
    [...conn, sep(), span(who), sep(), ...full, ...helpShort],
    [...conn, sep(), span(who), sep(), ...full],
    [...conn, sep(), span(who), sep(), ...short],
  ];
  const fits = candidates.find((row) => rowWidth(row) <= width);
  if (fits) return fits;
  // the name gives way, inside its own cell
  const fixed = rowWidth([...conn, sep(), sep(), ...short]);
  if (width - fixed >= 6) return [...conn, sep(), span(truncateWidth(span(who).text, width - fixed)), sep(), ...short];
  return truncateRow([...conn, sep(), span(who)], width);
}
