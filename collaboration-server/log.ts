/** How the hub's parts log: one line, with a level the CLI writes as text or as a JSON record. */
export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (line: string, level?: LogLevel) => void;
