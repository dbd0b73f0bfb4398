// The events page's list (/events): one entry per event: kind and leads, date, place, participants, accounts by side.
import { $, h } from './dom.js';
import { eventTitle } from './event_parts.js';
import { formatDate, plural } from './format.js';
import { sideOf, speakerTag } from './labels.js';
import { snippetNodes } from './snippet.js';

// Whose accounts an event has, in this order: each government's, then the press's.
const ACCOUNT_GROUPS = [
  { label: 'China gov', cls: 'cn', has: (side) => side === 'china_government' },
  { label: 'US gov', cls: 'us', has: (side) => side === 'us_government' },
  { label: 'press', cls: 'press', has: (side) => /_press$/.test(side || '') },
  { label: 'other', cls: 'other', has: (side) => !/^(china|us)_government$|_press$/.test(side || '') },
];

// Draws the events of an /api/events answer into the results list; `withSnippet`: show the
// passage of the account that matched (when words were searched).
export function renderEventList(events, withSnippet) {
  const list = $('results');
  list.replaceChildren(...events.map((ev) => eventItem(ev, withSnippet)));
  $('pager').hidden = !events.length;
}

function eventItem(ev, withSnippet) {
  const accounts = ev.accounts || [];
  const people = [...(ev.china || []), ...(ev.us || [])];
  const best = ev.best || {};
  const snippet = withSnippet && best.snippet
    ? h('blockquote', { class: `r-snippet side-${best.speaker ? sideOf(best.speaker) : 'none'}`, lang: best.language || null },
      best.speaker ? h('span', { class: `who side-${sideOf(best.speaker)}`, lang: 'en' }, best.speaker + ': ') : null,
      snippetNodes(best.snippet))
    : null;
  return h('li', { class: 'result ev-item' },
    h('h2', { class: 'r-title' },
      h('a', { href: `/event/${encodeURIComponent(ev.id)}`, 'data-nav': '' }, eventTitle(ev))),
    h('p', { class: 'r-meta' },
      h('time', { datetime: ev.date || null }, formatDate(ev.date)),
      ev.place ? [' · ', h('span', { class: 'ev-place' }, ev.place.name)] : null),
    people.length ? h('p', { class: 'r-tags' }, people.map((n) => speakerTag(n))) : null,
    h('p', { class: 'ev-sides' }, `${plural(accounts.length, 'account', 'accounts')}: `,
      ACCOUNT_GROUPS.map((g) => {
        const n = accounts.filter((a) => g.has(a.side)).length;
        return n ? h('span', { class: `ev-side-count side-${g.cls}` }, `${g.label} ${n}`) : null;
      })),
    snippet);
}
