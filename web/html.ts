/**
 * The page's one way to build markup: the `html` template. Every value put into it goes through
 * `htmlSafe` (collaboration-server/html-text.ts) unless it is markup the template made itself, so
 * participant text can only ever be text. Where a value lands decides what it may be:
 *  - element content and ordinary quoted attributes: any text (escaped), numbers, nested `html`;
 *  - `href`/`src`/`action` attributes: only a `PageLink`, a path inside this page (`#/task/T-3`), never
 *    participant text, so a `javascript:` URL cannot become a link;
 *  - `style` and `on…` attributes: nothing at all (the page's Content-Security-Policy forbids both);
 *  - inside a tag, outside any attribute: only a `flag` (a boolean attribute such as `disabled`);
 *  - an unquoted attribute value, or one in single quotes: refused, as the template cannot tell its end.
 * A mistake in a template throws when it is first rendered (the tests render every view).
 * No DOM here: the hub's tests import it.
 */
import { htmlSafe } from '../collaboration-server/html-text.js';

/** Markup made by `html`: safe to give to innerHTML. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** A link inside the page, built only from path segments that are escaped one by one. */
export class PageLink {
  private constructor(readonly href: string) {}
  /** `#/task/T-3` from `('task', 'T-3')`. */
  static to(...segments: (string | number)[]): PageLink {
    return new PageLink(`#/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`);
  }
}

/** A boolean attribute, present or not: `<button${flag('disabled', busy)}>`. */
export class Flag {
  private constructor(readonly markup: string) {}
  static of(name: 'disabled' | 'selected' | 'checked' | 'hidden' | 'open' | 'readonly', on: boolean): Flag {
    return new Flag(on ? ` ${name}` : '');
  }
}
export const flag = Flag.of;

export type HtmlValue = SafeHtml | PageLink | Flag | string | number | boolean | null | undefined | readonly HtmlValue[];

type Slot = { kind: 'text' } | { kind: 'tag' } | { kind: 'attribute'; name: string };

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset']);

/** Where each value of a template lands, read from the template's own strings (values cannot change it). */
function slotsOf(strings: TemplateStringsArray): Slot[] {
  const slots: Slot[] = [];
  let state: 'text' | 'tag' | 'value' = 'text';
  let word = '';
  let name = '';
  let inWord = false;
  for (let i = 0; i < strings.length - 1; i++) {
    for (const ch of strings[i]!) {
      if (state === 'text') {
        if (ch === '<') state = 'tag';
      } else if (state === 'value') {
        if (ch === '"') state = 'tag';
      } else if (ch === '>') {
        state = 'text';
      } else if (ch === '"') {
        state = 'value';
        name = word.toLowerCase();
      } else if (ch === "'") {
        throw new Error(`html: use double quotes for attributes (near ${JSON.stringify(strings[i]!.slice(-40))})`);
      }
      const wordChar = state === 'tag' && /[\w:-]/.test(ch);
      word = wordChar ? (inWord ? word + ch : ch) : word;
      inWord = wordChar;
    }
    if (state === 'tag' && !/\s$/.test(strings[i]!)) throw new Error(`html: a value inside a tag must be a quoted attribute value or a flag after a space (near ${JSON.stringify(strings[i]!.slice(-40))})`);
    slots.push(state === 'value' ? { kind: 'attribute', name } : state === 'tag' ? { kind: 'tag' } : { kind: 'text' });
  }
  return slots;
}

const slotCache = new WeakMap<TemplateStringsArray, Slot[]>();

function renderValue(value: HtmlValue, slot: Slot): string {
  if (slot.kind === 'tag') {
    if (value instanceof Flag) return value.markup;
    throw new Error('html: only a flag goes inside a tag outside an attribute');
  }
  if (value instanceof Flag) throw new Error('html: a flag goes inside a tag, after a space');
  if (slot.kind === 'attribute') {
    if (slot.name.startsWith('on')) throw new Error(`html: no value may go into the event handler attribute ${slot.name}`);
    if (slot.name === 'style') throw new Error('html: no value may go into a style attribute (use a class, <progress> or <meter>)');
    if (URL_ATTRIBUTES.has(slot.name)) {
      if (value instanceof PageLink) return htmlSafe(value.href);
      throw new Error(`html: ${slot.name} takes a PageLink, never text`);
    }
  }
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) {
    if (slot.kind === 'attribute') throw new Error(`html: markup cannot go into the attribute ${slot.name}`);
    return value.markup;
  }
  if (value instanceof PageLink) return htmlSafe(value.href);
  if (Array.isArray(value)) return value.map((v: HtmlValue) => renderValue(v, slot)).join('');
  return htmlSafe(String(value));
}

/** Markup from a template; each value escaped for where it lands (see the top of this file). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let slots = slotCache.get(strings);
  if (!slots) {
    slots = slotsOf(strings);
    slotCache.set(strings, slots);
  }
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += renderValue(values[i], slots[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}
