/** The room's own questions to the lead, `status` and `report`: answered by status-answers.ts, never read as planning input. */

export const STATUS_QUESTION = /^\/?(?:status|sprint status|what(?:'s| is) the status(?: of the sprint)?|where (?:are|do) we stand)[?.!]*$/i;
export const REPORT_QUESTION = /^\/?(?:report|sprint report)[?.!]*$/i;

export const isRoomQuestion = (text: string): boolean => STATUS_QUESTION.test(text.trim()) || REPORT_QUESTION.test(text.trim());
