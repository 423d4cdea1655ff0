import { describe, expect, it } from 'vitest';
import { htmlSafe } from '../collaboration-server/html-text.js';
import { terminalSafe } from '../collaboration-server/terminal-text.js';
import { flag, html, PageLink } from '../web/html.js';
import { HOSTILE_HTML } from './helpers/hostile-html.js';

/** What no escaped text may hold: markup, a quote, or a hidden character (an oracle apart from htmlSafe's own patterns). */
const REACHES_MARKUP = /[<>"'\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f\ufeff]|\p{Cs}/u;

describe('htmlSafe, the HTML twin of terminal-safe text', () => {
  it.each(HOSTILE_HTML)('$name: shown as text, never as markup', ({ text, shows }) => {
    const safe = htmlSafe(text);
    expect(safe).not.toMatch(REACHES_MARKUP);
    expect(decode(safe)).toBe(shows);
  });

  it.each(HOSTILE_HTML)('$name: hidden characters shown exactly as a terminal shows them', ({ text }) => {
    expect(decode(htmlSafe(text))).toBe(terminalSafe(text));
  });

  it('keeps newlines, tabs, emoji joiners and ordinary text as they are', () => {
    expect(htmlSafe('Déjà vu\n\tok 👩‍💻 مرحبا')).toBe('Déjà vu\n\tok 👩‍💻 مرحبا');
  });

  it('is stable: escaping what it already escaped shows the references, not markup', () => {
    expect(htmlSafe(htmlSafe('<b>'))).toBe('&amp;lt;b&amp;gt;');
  });
});

describe('the html template', () => {
  it('escapes every value in element content and attributes', () => {
    const title = '"><img src=x onerror=alert(1)>';
    const out = html`<div class="card" title="${title}">${title}</div>`.markup;
    expect(out).toBe('<div class="card" title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</div>');
  });

  it('nests its own markup, and lists of it, without escaping them twice', () => {
    const items = ['<a>', 'b'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>`.markup).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  });

  it('takes only a page link in href: participant text cannot become a javascript: URL', () => {
    const url = 'javascript:alert(document.cookie)';
    expect(() => html`<a href="${url}">x</a>`).toThrow(/PageLink/);
    expect(html`<a href="${PageLink.to('task', 'T-3')}">x</a>`.markup).toBe('<a href="#/task/T-3">x</a>');
    expect(PageLink.to('task', '"><script>').href).toBe('#/task/%22%3E%3Cscript%3E');
  });

  it('refuses values in event handlers, styles and unquoted attributes', () => {
    expect(() => html`<b onclick="${'alert(1)'}">x</b>`).toThrow(/event handler/);
    expect(() => html`<b style="${'background:url(javascript:x)'}">x</b>`).toThrow(/style/);
    expect(() => html`<b style="width:${42}%">x</b>`).toThrow(/style/);
    expect(() => html`<b class=${'x onmouseover=alert(1)'}>x</b>`).toThrow(/quoted attribute/);
    expect(() => html`<b ${'onmouseover=alert(1)'}>x</b>`).toThrow(/only a flag/);
    expect(html`<button ${flag('disabled', true)}>x</button>`.markup).toBe('<button  disabled>x</button>');
    expect(html`<button ${flag('disabled', false)}>x</button>`.markup).toBe('<button >x</button>');
    expect(() => html`<b class='${'x'}'>x</b>`).toThrow(/double quotes/);
  });

  it('puts no markup into an attribute', () => {
    expect(() => html`<b title="${html`<i>x</i>`}">x</b>`).toThrow(/markup/);
  });
});

/** Reads character references back, as a browser does. */
function decode(markup: string): string {
  return markup.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}
