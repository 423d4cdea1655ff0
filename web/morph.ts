/**
 * Draws new markup into an element by changing only what differs: children with the same id are kept
 * and moved, others are matched by position and tag, and a subtree that is equal is left alone. When
 * one task of a thousand moves, the browser lays out one card again, not the board; an input keeps
 * its typed text and its focus because it is the same element.
 */

/** Brings `target`'s children to what `markup` describes (markup made by html``: its values escaped). */
export function morph(target: Element, markup: string): void {
  const template = document.createElement('template');
  template.innerHTML = markup;
  morphChildren(target, template.content);
}

function morphChildren(parent: Element, next: ParentNode): void {
  const byId = new Map<string, Element>();
  for (const child of parent.children) if (child.id) byId.set(child.id, child);
  let cursor: ChildNode | null = parent.firstChild;
  for (const wanted of [...next.childNodes]) {
    const kept = wanted instanceof Element && wanted.id ? byId.get(wanted.id) : undefined;
    let old: ChildNode | null = kept ?? (cursor && sameKind(cursor, wanted) && !(cursor instanceof Element && cursor.id) ? cursor : null);
    if (old) {
      if (old !== cursor) parent.insertBefore(old, cursor);
      else cursor = cursor.nextSibling;
      update(old, wanted);
    } else {
      parent.insertBefore(wanted, cursor);
      old = wanted;
    }
    if (kept) byId.delete(kept.id);
  }
  // what is left after the last wanted node is gone from the new markup
  while (cursor) {
    const gone = cursor;
    cursor = cursor.nextSibling;
    gone.remove();
  }
}

const sameKind = (a: Node, b: Node): boolean => a.nodeType === b.nodeType && a.nodeName === b.nodeName;

function update(old: ChildNode, wanted: ChildNode): void {
  if (old.isEqualNode(wanted)) return;
  if (!(old instanceof Element) || !(wanted instanceof Element) || old.nodeName !== wanted.nodeName) {
    if (old.nodeType === Node.TEXT_NODE && wanted.nodeType === Node.TEXT_NODE) old.nodeValue = wanted.nodeValue;
    else old.replaceWith(wanted);
    return;
  }
  for (const { name } of [...old.attributes]) if (!wanted.hasAttribute(name)) old.removeAttribute(name);
  for (const { name, value } of [...wanted.attributes]) if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  morphChildren(old, wanted);
}
