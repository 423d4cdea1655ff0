/** Laid-out rows (cli/ui/rows.ts) as the plain text a terminal would show, one line per row. */
import { rowText, type Row } from '../../cli/ui/rows.js';
import { cardRows } from '../../cli/ui/card-rows.js';
import type { Card } from '../../collaboration-server/cards.js';

export const rowsText = (rows: Row[]): string => rows.map(rowText).join('\n');

/** A card as the ink UI draws it in a chat `width` columns wide. */
export const cardBox = (card: Card, width = 94): string => rowsText(cardRows(card, width));
