/** The layout: chat and side panel, the product owner's prompt, the input line and the status bar. Render only. */
import { Box } from 'ink';
import { myTasks, openEscalations, sprintProgress, teamList } from '../room.js';
import { promptEscalation, type UiState } from './state.js';
import { ChatPane } from './components/ChatPane.js';
import { SidePanel } from './components/SidePanel.js';
import { StatusBar } from './components/StatusBar.js';
import { InputLine } from './components/InputLine.js';
import { EscalationPrompt } from './components/EscalationPrompt.js';

export function App({ state, spinnerFrame, rows }: { state: UiState; spinnerFrame: number; rows: number }) {
  const { room } = state;
  const escalation = promptEscalation(state);
  const progress = sprintProgress(room);
  // the product owner and the lead take no tasks: they watch the whole sprint instead
  const watchesAll = room.roles.find((r) => r.role === state.me.role)?.takesTasks === false;
  return (
    <Box flexDirection="column" height={rows}>
      <Box flexGrow={1} overflow="hidden">
        <ChatPane lines={state.lines} scroll={state.scroll} />
        <SidePanel roster={teamList(room)} tasks={watchesAll ? room.tasks : myTasks(room)} title={watchesAll ? 'Sprint tasks' : 'My tasks'} />
      </Box>
      {/* the bottom stays whole; only the chat gives up rows */}
      <Box flexDirection="column" flexShrink={0}>
        {escalation ? <EscalationPrompt escalation={escalation} selected={state.selected} focused={state.focus === 'escalation'} more={openEscalations(room).length - 1} /> : null}
        <InputLine
          value={state.input}
          completions={state.completions}
          placeholder={state.focus === 'escalation' ? 'your answer (or Enter to pick the option)' : 'type a message, or /help'}
        />
        <StatusBar
          connection={state.connection}
          queued={state.queued}
          spinnerFrame={spinnerFrame}
          me={state.me}
          away={room.roster.some((p) => p.name === state.me.name && p.status === 'away')}
          sprint={progress && room.sprint ? { name: room.sprint.name, done: progress.done, total: progress.total, percent: progress.percent, closed: room.sprint.status !== 'active' } : null}
        />
      </Box>
    </Box>
  );
}
