/**
 * Someone's words in quotes, once: words that hold quotes already (a blocker recorded as `Ann said:
 * "…"`) are not put in quotes again, so a sentence never reads `("Ann said: "stuck"")`.
 */
export const quote = (text: string): string => (/["“”]/.test(text) ? text : `"${text}"`);
