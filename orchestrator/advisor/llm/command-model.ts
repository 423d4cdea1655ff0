/**
 * The `command` provider: a local CLI (Claude Code, Codex, a script) as a language model. It gets the
 * prompt on stdin and prints its answer on stdout; it is stopped (its whole process group, SIGTERM
 * then SIGKILL) when the lead's time limit passes. Implemented as an AI SDK model, so every provider
 * goes through the same call site. `claude -p --output-format json` prints an envelope
 * (`{"type":"result","result":"..."}`): its `result` is the answer, and its usage is counted.
 */
import type { LanguageModelV3, LanguageModelV3CallOptions, LanguageModelV3GenerateResult, LanguageModelV3Prompt } from '@ai-sdk/provider';
import { ChildCommand } from '../../../agents/child-command.js';

/** Output past this is not an answer: the command is stopped. */
export const MAX_COMMAND_OUTPUT = 1_000_000;
const KILL_GRACE_MS = 2000;

/** The command failed (exit status, signal, too much output); the message says how, in a few words. */
export class CommandFailed extends Error {
  override readonly name = 'CommandFailed';
}

/** The conversation as one text: the system prompt, then each turn, labelled. */
export function promptText(prompt: LanguageModelV3Prompt): string {
  return prompt
    .map((m) => {
      if (m.role === 'system') return m.content;
      const text = m.content.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('\n');
      return m.role === 'assistant' ? `Your previous answer was:\n${text}` : text;
    })
    .join('\n\n');
}

interface ClaudeEnvelope {
  type: 'result';
  result: string;
  usage?: { input_tokens?: number; output_tokens?: number };
}

function envelope(stdout: string): ClaudeEnvelope | null {
  try {
    const value = JSON.parse(stdout) as Partial<ClaudeEnvelope> | null;
    return value && value.type === 'result' && typeof value.result === 'string' ? (value as ClaudeEnvelope) : null;
  } catch {
    return null;
  }
}

/** Tokens of a text the command did not count: about four characters each. */
const estimateTokens = (text: string) => Math.ceil(text.length / 4);

export class CommandModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'command';
  readonly supportedUrls = {};

  constructor(
    readonly modelId: string,
    private readonly spawnOptions: { cwd: string; env: NodeJS.ProcessEnv } = { cwd: process.cwd(), env: process.env },
  ) {}

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const input = promptText(options.prompt);
    const { stdout, stderr } = await this.run(input, options.abortSignal);
    const wrapped = envelope(stdout.trim());
    const text = wrapped ? wrapped.result : stdout;
    const inputTokens = wrapped?.usage?.input_tokens ?? estimateTokens(input);
    const outputTokens = wrapped?.usage?.output_tokens ?? estimateTokens(text);
    return {
      content: [{ type: 'text', text }],
      finishReason: { unified: 'stop', raw: undefined },
      usage: {
        inputTokens: { total: inputTokens, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: outputTokens, text: undefined, reasoning: undefined },
      },
      warnings: stderr.trim() ? [{ type: 'other', message: 'the command wrote to stderr' }] : [],
    };
  }

  doStream(): never {
    throw new CommandFailed('the command provider does not stream');
  }

  private async run(input: string, signal: AbortSignal | undefined): Promise<{ stdout: string; stderr: string }> {
    signal?.throwIfAborted();
    let stdout = '';
    let stderr = '';
    let overflow = false;
    const child = new ChildCommand({ command: this.modelId, ...this.spawnOptions, input, keepStdinOpen: false, killGraceMs: KILL_GRACE_MS }, (stream, text) => {
      if (stream === 'stderr') {
        stderr = (stderr + text).slice(-4000);
        return;
      }
      stdout += text;
      if (stdout.length > MAX_COMMAND_OUTPUT && !overflow) {
        overflow = true;
        child.stop('too much output', KILL_GRACE_MS);
      }
    });
    const abort = () => child.stop('time limit', KILL_GRACE_MS);
    signal?.addEventListener('abort', abort, { once: true });
    try {
      const exit = await child.exited;
      signal?.throwIfAborted();
      if (overflow) throw new CommandFailed(`the command printed more than ${MAX_COMMAND_OUTPUT} characters`);
      if (exit.code !== 0) throw new CommandFailed(exit.code === null ? `the command was killed by ${exit.signal}` : `the command exited with status ${exit.code}`);
      return { stdout, stderr };
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }
}
