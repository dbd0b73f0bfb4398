// The facets sidebar: speakers, topics, years, sources and languages of the matches, as checkboxes.
import { $, h } from './dom.js';
import { formatNumber } from './format.js';
import { langLabel, learnTopicLabel, sideOf, topicLabel } from './labels.js';
import { actions, page } from './page_state.js';
import { withChanges } from './search_state.js';

const FACET_SHOWN = 8;  // values listed before "show all"
const expandedFacets = new Set();
const FACETS = [
  { key: 'speaker', title: 'Speaker', param: 'speaker' },
  { key: 'topic', title: 'Topic', param: 'topic' },
  { key: 'year', title: 'Year', param: null },
  { key: 'source', title: 'Source', param: 'source' },
  { key: 'language', title: 'Language', param: 'lang' },
];

export function renderFacets(st, facets) {
  const box = $('facets');
  const active = document.activeElement;
  const activeKey = active && active.dataset ? active.dataset.facet : null;
  box.replaceChildren();
  let refocus = null;
  for (const f of FACETS) {
    const values = (facets[f.key] || []).filter((v) => v && v.value !== undefined && v.value !== '');
    if (f.key === 'topic') for (const v of values) if (v.label) learnTopicLabel(v.value, v.label);
    let selected;
    if (f.param) selected = st[f.param];
    else selected = st.from && st.from === st.to && /^\d{4}$/.test(st.from) ? [st.from] : [];
    const byValue = new Map(values.map((v) => [v.value, v]));
    const rows = [];
    for (const v of selected) {
      const known = byValue.get(v);
      rows.push({ value: v, label: facetLabel(f.key, v, known && known.label), count: known ? known.count : null, checked: true });
    }
    for (const v of values) {
      if (selected.includes(v.value)) continue;
      rows.push({ value: v.value, label: facetLabel(f.key, v.value, v.label), count: v.count, checked: false });
    }
    if (!rows.length) continue;
    const expanded = expandedFacets.has(f.key);
    const limit = Math.max(FACET_SHOWN, selected.length);
    const shown = expanded ? rows : rows.slice(0, limit);
    const list = h('ul', { class: 'facet-list' });
    for (const r of shown) {
      const key = `${f.key}\u0000${r.value}`;
      const input = h('input', { type: 'checkbox', checked: r.checked, 'data-facet': key,
        onchange: () => toggleFacet(f, r.value, !r.checked) });
      if (activeKey === key) refocus = key;
      const label = f.key === 'speaker'
        ? h('span', { class: `facet-label person-name side-${sideOf(r.value)}` }, r.label)
        : h('span', { class: 'facet-label', lang: /[\u3400-\u9fff]/.test(r.label) ? 'zh' : null }, r.label);
      list.appendChild(h('li', null, h('label', { class: 'facet' + (r.checked ? ' checked' : '') },
        input, label, r.count === null ? null : h('span', { class: 'count' }, formatNumber(r.count)))));
    }
    const group = h('fieldset', { class: `facet-group facet-${f.key}` },
      h('legend', null, f.title), list);
    if (rows.length > limit) {
      group.appendChild(h('button', { type: 'button', class: 'link-button more', 'aria-expanded': String(expanded),
        'data-facet': `more\u0000${f.key}`,
        onclick: () => {
          if (expanded) expandedFacets.delete(f.key); else expandedFacets.add(f.key);
          renderFacets(page.state, page.lastData ? page.lastData.facets || {} : facets);
        } }, expanded ? 'show fewer' : `show all ${rows.length}`));
      if (activeKey === `more\u0000${f.key}`) refocus = activeKey;
    }
    box.appendChild(group);
  }
  if (refocus) {
    const el = [...box.querySelectorAll('[data-facet]')].find((e) => e.dataset.facet === refocus);
    if (el) el.focus();
  }
}
function facetLabel(key, value, label) {
  if (key === 'language' && (!label || label === value)) return langLabel(value);
  return label || labelFor(key, value);
}
function labelFor(key, value) {
  if (key === 'topic') return topicLabel(value);
  if (key === 'language') return langLabel(value);
  return value;
}
function toggleFacet(f, value, on) {
  const st = page.state;
  if (!f.param) {  // year: a date range
    actions.go(on ? withChanges(st, { from: value, to: value }) : withChanges(st, { from: '', to: '' }));
    return;
  }
  const list = st[f.param].filter((v) => v !== value);
  if (on) list.push(value);
  actions.go(withChanges(st, { [f.param]: list }));
}
