// Search snippets as DOM nodes: the server's <mark>…</mark> becomes <mark>, everything else text.
//
// Safety: snippets are parsed by splitting on those exact markers, never assigned to innerHTML.
import { h } from './dom.js';

// Decodes the entities the server's HTML escaping produces (and numeric references).
function decodeEntities(text) {
  return text.replace(/&(amp|lt|gt|quot|apos|#39|#x[0-9a-fA-F]+|#\d+);/g, (m, e) => {
    switch (e) {
      case 'amp': return '&';
      case 'lt': return '<';
      case 'gt': return '>';
      case 'quot': return '"';
      case 'apos': case '#39': return "'";
      default: {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
    }
  });
}

// Snippet "a <mark>b</mark> c" -> nodes [text, <mark>, text]. Anything else that looks like a
// tag stays literal text.
export function snippetNodes(snippet) {
  const out = [];
  const parts = String(snippet || '').split('<mark>');
  parts.forEach((part, i) => {
    if (i === 0) {
      if (part) out.push(document.createTextNode(decodeEntities(part)));
      return;
    }
    const end = part.indexOf('</mark>');
    if (end < 0) {
      out.push(document.createTextNode(decodeEntities('<mark>' + part)));
      return;
    }
    out.push(h('mark', null, decodeEntities(part.slice(0, end).split('</mark>').join(''))));
    const rest = part.slice(end + 7).split('</mark>').join('');
    if (rest) out.push(document.createTextNode(decodeEntities(rest)));
  });
  return out;
}
