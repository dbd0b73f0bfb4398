// The tabs beside the results (Results, Concordance, Trends): draws them, shows the chosen pane and hands it the search.
import { $, h } from './dom.js';
import { showKwic } from './kwic_view.js';
import { actions } from './page_state.js';
import { withChanges } from './search_state.js';
import { showTrends } from './trends_view.js';

const TABS = [
  { tab: '', id: 'tab-results', pane: 'results-pane', label: 'Results' },
  { tab: 'kwic', id: 'tab-kwic', pane: 'kwic-pane', label: 'Concordance' },
  { tab: 'trends', id: 'tab-trends', pane: 'trends-pane', label: 'Trends' },
];

// Draws the tab bar for a search of readouts (none on the events page) and shows st.tab's pane.
export function renderTabs(st) {
  const bar = $('tabs');
  const events = st.view === 'events';
  const tab = events ? '' : st.tab;
  document.body.classList.toggle('tab-kwic', tab === 'kwic');
  document.body.classList.toggle('tab-trends', tab === 'trends');
  bar.hidden = events;
  bar.replaceChildren(...(events ? [] : TABS.map((t) => {
    const on = t.tab === tab;
    return h('button', { type: 'button', role: 'tab', id: t.id, class: 'tab', 'aria-selected': String(on),
      'aria-controls': t.pane, tabindex: on ? 0 : -1, 'data-tab': t.tab || 'results',
      onclick: () => { if (!on) actions.go(withChanges(st, { tab: t.tab })); },
      onkeydown: (evt) => moveFocus(evt, st) }, t.label);
  })));
  for (const t of TABS) $(t.pane).hidden = t.tab !== tab;
  if (tab === 'kwic') showKwic(st);
  else if (tab === 'trends') showTrends(st);
}

// Arrow keys move between tabs (and choose them), as in the WAI-ARIA tabs pattern.
function moveFocus(evt, st) {
  if (evt.key !== 'ArrowRight' && evt.key !== 'ArrowLeft') return;
  evt.preventDefault();
  const i = TABS.findIndex((t) => t.tab === st.tab);
  const next = TABS[(i + (evt.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
  actions.go(withChanges(st, { tab: next.tab }));
  const el = $(next.id);
  if (el) el.focus();
}
