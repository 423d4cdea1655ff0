/** The screen: the chat (or what is shown over it) and the side panel, then the bottom rows. Render only: screen.ts lays it out. */
import { Box } from 'ink';
import type { UiState } from './state.js';
import { layoutScreen } from './screen.js';
import { RowsView } from './components/RowsView.js';

export function App({ state, spinnerFrame }: { state: UiState; spinnerFrame: number }) {
  const screen = layoutScreen(state, spinnerFrame);
  const { columns, rows } = state.size;
  return (
    <Box flexDirection="column" width={columns} height={rows} overflow="hidden">
      <Box flexDirection="row" flexShrink={0}>
        <RowsView rows={screen.main} width={screen.mainWidth} />
        {screen.side ? <RowsView rows={screen.side} width={screen.sideWidth} /> : null}
      </Box>
      <RowsView rows={screen.bottom} width={columns} />
    </Box>
  );
}
