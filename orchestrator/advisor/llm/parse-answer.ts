/**
 * A model's text as a value of the use's schema: the JSON object in it (bare, in a code fence, or
 * after a sentence of prose), parsed, then validated. What goes wrong is said in words the repair
 * round can hand back to the model and the room can read.
 */
import type { z } from 'zod';

/** An answer this long is not an answer. */
export const MAX_ANSWER_CHARS = 100_000;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string; errors: string[] };

const fail = <T>(problem: string, errors: string[] = [problem]): Parsed<T> => ({ ok: false, problem, errors });

/** The JSON object a text holds: a fenced block if there is one, else from the first `{` to the last `}`. */
export function jsonText(text: string): string | null {
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(text);
  const body = (fenced ? fenced[1]! : text).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return start >= 0 && end > start ? body.slice(start, end + 1) : null;
}

export function parseAnswer<S extends z.ZodType>(text: string, schema: S): Parsed<z.infer<S>> {
  if (!text.trim()) return fail('was empty');
  if (text.length > MAX_ANSWER_CHARS) return fail(`was too long (${text.length} characters)`);
  const json = jsonText(text);
  if (json === null) return fail('was not JSON', ['the answer holds no JSON object']);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return fail('was not valid JSON', [`the JSON does not parse: ${(err as Error).message}`]);
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = parsed.error.issues.slice(0, 12).map((i) => `${i.path.join('.') || 'the answer'}: ${i.message}`);
  return fail(`did not have the expected shape (${errors[0]})`, errors);
}
