/**
 * What the coding CLIs' hooks expect on stdout, so the inbox's news reaches the model:
 * - `stop`: `{"decision":"block","reason":…}` — at the end of a turn the agent carries on with the
 *   reason as its next instruction (Claude Code `Stop`, Codex `Stop` in hooks.json, Gemini CLI
 *   `AfterAgent`, where "block" is an alias of "deny");
 * - `context`: `{"hookSpecificOutput":{"hookEventName":…,"additionalContext":…}}` — added to the prompt
 *   of the turn that starts (Claude Code `UserPromptSubmit`/`SessionStart`, Gemini CLI `BeforeAgent`/`SessionStart`).
 * With nothing new, a hook prints nothing at all: every one of them reads empty stdout as "carry on".
 */
export const HOOK_PROTOCOLS = ['stop', 'context'] as const;
export type HookProtocol = (typeof HOOK_PROTOCOLS)[number];

export function hookOutput(protocol: HookProtocol, lines: string[], eventName: string): unknown {
  switch (protocol) {
    case 'stop':
      return { decision: 'block', reason: [...lines, 'Read them, act on what concerns you, then carry on with your task.'].join('\n') };
    case 'context':
      return { hookSpecificOutput: { hookEventName: eventName, additionalContext: lines.join('\n') } };
  }
}

/** The event name from the JSON a hook gets on stdin (`hook_event_name`), when there is such input. */
export async function hookEventName(stdin: NodeJS.ReadStream, fallback: string, waitMs = 1000): Promise<string> {
  if (stdin.isTTY) return fallback;
  const text = await new Promise<string>((resolve) => {
    let input = '';
    const done = () => {
      clearTimeout(timer);
      stdin.pause();
      resolve(input);
    };
    const timer = setTimeout(done, waitMs);
    stdin.setEncoding('utf8');
    stdin.on('data', (chunk: string) => {
      input += chunk;
      if (input.length > 1_000_000) done();
    });
    stdin.once('end', done);
    stdin.once('error', done);
  });
  try {
    const name = (JSON.parse(text) as { hook_event_name?: unknown }).hook_event_name;
    return typeof name === 'string' && /^[A-Za-z]{1,40}$/.test(name) ? name : fallback;
  } catch {
    return fallback;
  }
}
