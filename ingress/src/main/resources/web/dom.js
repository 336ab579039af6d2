// DOM helpers. Every piece of data reaches the page through textContent or an attribute value,
// never through innerHTML, so a message like "<script>" is shown as its characters.

/**
 * Builds an element. attrs: "class", "text" (textContent), "on<event>" handlers, anything else
 * becomes an attribute (false/null/undefined skip it). children: nodes or strings (as text).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** A short local time for a message's ISO-8601 sentAt; the full timestamp goes in the title. */
export function shortTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** CSS.escape is what makes an id from the server safe inside an attribute selector. */
export const byData = (name, value) => `[data-${name}="${CSS.escape(String(value))}"]`;
