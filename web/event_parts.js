// Parts of events shared by the event, events and article pages: kind and side labels, titles, account items.
import { h } from './dom.js';
import { formatDate } from './format.js';
import { langLabel } from './labels.js';

export const GOVERNMENTS = [
  { side: 'china_government', label: 'China', cls: 'cn', account: 'the Chinese account' },
  { side: 'us_government', label: 'United States', cls: 'us', account: 'the US account' },
];
const SIDE_LABELS = {
  china_government: 'Chinese government',
  us_government: 'US government',
  china_press: 'Chinese press',
  us_press: 'US press',
  other_press: 'Press elsewhere',
};
const KIND_LABELS = {
  call: 'Phone call', 'video-call': 'Video call', meeting: 'Meeting', summit: 'Summit',
  talks: 'Talks', '': 'Exchange',
};

export function sideLabel(side) { return SIDE_LABELS[side] || 'Unknown source'; }
export function kindLabel(kind) { return KIND_LABELS[kind || ''] || 'Exchange'; }

// "Phone call: Xi Jinping – Donald J. Trump": the kind and each side's lead.
export function eventTitle(ev) {
  const people = [...(ev.china || []).slice(0, 1), ...(ev.us || []).slice(0, 1)].join(' – ');
  return `${kindLabel(ev.kind)}: ${people}`;
}

// One account of an event as a list item: its title (linked), source, date and language.
export function accountItem(a) {
  return h('li', { class: 'ev-account' },
    h('a', { href: `/article/${encodeURIComponent(a.id)}`, 'data-nav': '', lang: a.language || null },
      a.title || '(untitled)'),
    h('span', { class: 'muted' },
      ` · ${a.source || 'unknown source'} · ${formatDate(a.date)} · ${langLabel(a.language)}`),
    a.copy_of ? h('span', { class: 'muted copy-note' }, ' · a repost') : null);
}
