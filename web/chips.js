// The chips above the results: how the query was read, and the filters; each × removes its part.
import { $, h } from './dom.js';
import { plural, rangeLabel } from './format.js';
import { sideOf, topicLabel } from './labels.js';
import { actions, page } from './page_state.js';
import { rebuildQuery } from './query_text.js';
import { filterList, searchUrl, withChanges } from './search_state.js';

function chip(kind, label, onRemove, removeLabel, extraClass) {
  return h('span', { class: `chip chip-${kind}${extraClass ? ' ' + extraClass : ''}` },
    h('span', { class: 'chip-kind' }, kind + ':'), ' ',
    h('span', { class: 'chip-value' }, label),
    h('button', { type: 'button', class: 'chip-x', 'aria-label': removeLabel, title: removeLabel,
      onclick: (evt) => {
        const keyboard = evt.detail === 0;  // Enter or Space, not a pointer
        onRemove();
        if (keyboard) $('q').focus();
      } }, '×'));
}

export function renderChips(st, inter) {
  const box = $('chips');
  box.replaceChildren();
  const items = [];
  inter = inter || { speakers: [], topics: [], from: null, to: null, text: '', literal: false };
  if (st.q.trim()) {
    if (st.literal) {
      items.push(chip('literal', st.q, () => actions.go(withChanges(st, { q: '', literal: false })),
        'Clear the query', 'chip-text'));
    } else {
      for (const sp of inter.speakers || []) {
        items.push(chip('speaker', sp,
          () => actions.go(withChanges(st, { q: rebuildQuery(inter, { speaker: sp }) })),
          `Remove speaker ${sp} from the query`, `side-${sideOf(sp)}`));
      }
      if (inter.from || inter.to) {
        items.push(chip('date', rangeLabel(inter.from, inter.to),
          () => actions.go(withChanges(st, { q: rebuildQuery(inter, { date: true }) })),
          'Remove the date from the query'));
      }
      for (const [field, values] of Object.entries(inter.filters || {})) {
        for (const v of values) {
          const label = field === 'topic' ? topicLabel(v) : v;
          items.push(chip(field, label,
            () => actions.go(withChanges(st, { q: rebuildQuery(inter, { field: [field, v] }) })),
            `Remove ${field}:${label} from the query`,
            field === 'speaker' ? `side-${sideOf(v)}` : undefined));
        }
      }
      for (const t of inter.topics || []) {
        items.push(chip('topic', topicLabel(t),
          () => actions.go(withChanges(st, { q: rebuildQuery(inter, { topic: t }) })),
          `Remove the topic ${topicLabel(t)} from the query`));
      }
      if ((inter.text || '').trim()) {
        items.push(chip('text', inter.text,
          () => actions.go(withChanges(st, { q: rebuildQuery(inter, { text: true }) })),
          'Remove the words from the query', 'chip-text'));
      }
    }
  }
  if (st.pasted) {
    items.push(chip('pasted', wordCount(st.pasted),
      () => { page.paste.close(); actions.go(withChanges(st, { pasted: '' })); },
      'Stop searching the pasted text', 'chip-text'));
  }
  // Explicit filters (from the sidebar, the timeline or the URL).
  const filterChips = filterList(st).map((f) =>
    chip(f.kind, f.label, () => actions.go(f.drop()), `Remove the filter ${f.kind} ${f.label}`,
      'chip-filter' + (f.kind === 'speaker' ? ` side-${sideOf(f.value)}` : '')));
  if (items.length) box.appendChild(h('div', { class: 'chip-group', role: 'group',
    'aria-label': 'The query, as read' }, h('span', { class: 'chip-legend' }, 'Read as'), items));
  if (filterChips.length) box.appendChild(h('div', { class: 'chip-group', role: 'group',
    'aria-label': 'Filters' }, h('span', { class: 'chip-legend' }, 'Filters'), filterChips));
  const recognised = inter && ((inter.speakers || []).length || (inter.topics || []).length ||
    inter.from || inter.to);
  if (st.q.trim() && !st.literal && recognised) {
    box.appendChild(h('a', { class: 'literal-link', href: searchUrl(withChanges(st, { literal: true })),
      'data-nav': '' }, 'search these words literally'));
  } else if (st.literal && st.q.trim()) {
    box.appendChild(h('a', { class: 'literal-link', href: searchUrl(withChanges(st, { literal: false })),
      'data-nav': '' }, 'recognise people, dates and topics again'));
  }
  if (filterChips.length > 1) {
    box.appendChild(h('button', { type: 'button', class: 'link-button clear-all',
      onclick: () => actions.go(withChanges(st, { from: '', to: '', speaker: [], topic: [], source: [], lang: [] })),
    }, 'clear all filters'));
  }
}

function wordCount(text) {
  const n = (text.match(/[^\s]+/g) || []).length;
  return plural(n, 'word', 'words');
}
