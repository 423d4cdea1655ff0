/**
 * Hostile text for a web page, and what a reader sees instead: shared by the test of htmlSafe and the
 * browser test that puts each of them into a task, a note, a chat line and a name.
 */
export interface HostileHtml {
  name: string;
  text: string;
  /** the text the page shows */
  shows: string;
}

export const HOSTILE_HTML: HostileHtml[] = [
  { name: 'a script tag', text: '<script>window.__pwned = 1</script>', shows: '<script>window.__pwned = 1</script>' },
  { name: 'an image whose error runs code', text: '<img src=x onerror="window.__pwned = 2">', shows: '<img src=x onerror="window.__pwned = 2">' },
  { name: 'a double-quote attribute breakout', text: '" autofocus onfocus="window.__pwned = 3', shows: '" autofocus onfocus="window.__pwned = 3' },
  { name: 'a single-quote attribute breakout', text: "' onmouseover='window.__pwned = 4", shows: "' onmouseover='window.__pwned = 4" },
  { name: 'a javascript: URL', text: 'javascript:window.__pwned=5', shows: 'javascript:window.__pwned=5' },
  { name: 'an SVG with a script', text: '<svg><script>window.__pwned = 6</script></svg>', shows: '<svg><script>window.__pwned = 6</script></svg>' },
  { name: 'a closing textarea and an iframe', text: '</textarea><iframe src="javascript:parent.__pwned=7">', shows: '</textarea><iframe src="javascript:parent.__pwned=7">' },
  { name: 'an ampersand entity that would decode', text: '&lt;b&gt; &amp; &#x3C;', shows: '&lt;b&gt; &amp; &#x3C;' },
  { name: 'a bidi override reorders a title', text: 'invoice\u202Egpj.exe', shows: 'invoice<U+202E>gpj.exe' },
  { name: 'a bidi isolate', text: 'a\u2067b\u2069c', shows: 'a<U+2067>b<U+2069>c' },
  { name: 'zero-width space and BOM in a name', text: 'Tech\u200BLe\uFEFFad', shows: 'Tech<U+200B>Le<U+FEFF>ad' },
  { name: 'an escape sequence and a carriage return', text: 'ok\u001b[2J\rfake line', shows: 'ok␛[2J␍fake line' },
  { name: 'a C1 control', text: 'p\u009b2Jq', shows: 'p<U+009B>2Jq' },
  { name: 'a lone surrogate', text: 'broken\uD800half', shows: 'broken<U+D800>half' },
];
