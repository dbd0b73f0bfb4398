// The concordance view: every occurrence of the search's words with its context (GET /api/kwic) as a keyword-in-context table, with sort, context and paging.
import { $, h } from './dom.js';
import { formatDate, formatNumber, plural } from './format.js';
import { actions } from './page_state.js';
import { paneLoader } from './pane_loader.js';
import { KWIC_CONTEXTS, KWIC_SORTS, searchUrl, stateParams, withChanges } from './search_state.js';

export const KWIC_PER_PAGE = 50;
const SORT_LABELS = {
  relevance: 'order found', left: 'left context', right: 'right context', date: 'newest first',
  speaker: 'speaker',
};

const loader = paneLoader();

// The /api/kwic request of a state: the search's filters and q, the view's sort, context, page.
export function kwicUrl(st) {
  const p = stateParams(st);
  for (const k of ['page', 'sort', 'group']) p.delete(k);
  if (st.ksort !== 'relevance') p.set('sort', st.ksort);
  p.set('context', String(st.context));
  if (st.kpage > 1) p.set('page', String(st.kpage));
  p.set('per_page', String(KWIC_PER_PAGE));
  return `/api/kwic?${p.toString()}`;
}

// Shows the concordance of a state's search in #kwic-pane, asking the server unless it is the last
// answer shown.
export async function showKwic(st) {
  const pane = $('kwic-pane');
  if (st.pasted || !st.q.trim()) {
    loader.reset();
    pane.replaceChildren(h('p', { class: 'kwic-empty' }, st.pasted
      ? 'The concordance lists typed words: type them in the search box (pasted text finds similar readouts only).'
      : 'Type words to search: the concordance lists every place the readouts use them, with the words around it.'));
    return;
  }
  const url = kwicUrl(st);
  await loader.load(pane, url, (data) => draw(st, data),
    (message) => pane.replaceChildren(controls(st), h('p', { class: 'kwic-error', role: 'alert' }, message)),
    'The concordance could not be loaded.');
}

function controls(st) {
  const sort = h('select', { id: 'kwic-sort', onchange: (evt) => actions.go(withChanges(st, { ksort: evt.target.value })) },
    KWIC_SORTS.map((k) => h('option', { value: k, selected: k === st.ksort }, SORT_LABELS[k])));
  const context = h('select', { id: 'kwic-context', onchange: (evt) => actions.go(withChanges(st, { context: +evt.target.value })) },
    KWIC_CONTEXTS.map((n) => h('option', { value: n, selected: n === st.context }, `${n} words`)));
  return h('div', { class: 'kwic-controls' },
    h('label', null, 'Sort by ', sort),
    h('label', null, 'Context ', context));
}

function summary(data) {
  const parts = [`${plural(data.total, 'occurrence', 'occurrences')} in ${plural(data.articles, 'readout', 'readouts')}`];
  if (data.truncated) {
    parts.push(`: the first ${formatNumber(data.articles)} of ${formatNumber(data.articles_matched)} matching readouts` +
      ' were read; narrow the search to see them all');
  }
  return h('p', { class: 'kwic-summary', 'aria-live': 'polite' }, parts.join(''));
}

function row(line) {
  const lang = line.language && line.language !== 'und' ? line.language : null;
  const left = (line.left_cut ? '… ' : '') + line.left;
  const right = line.right + (line.right_cut ? ' …' : '');
  return h('tr', { class: 'kwic-line', title: `${line.left} ${line.keyword} ${line.right}` },
    h('td', { class: 'kwic-left', lang }, h('div', null, h('span', null, left))),
    h('td', { class: 'kwic-key', lang }, h('strong', null, line.keyword)),
    h('td', { class: 'kwic-right', lang }, right),
    h('td', { class: 'kwic-speaker' }, line.speaker || h('span', { class: 'muted' }, 'narration')),
    h('td', { class: 'kwic-date' }, h('time', line.date ? { datetime: line.date } : null, formatDate(line.date))),
    h('td', { class: 'kwic-doc' }, h('a', { href: `/article/${encodeURIComponent(line.id)}`, 'data-nav': '', lang },
      line.title || '(untitled)')));
}

function pager(st, data) {
  const pages = Math.max(1, Math.ceil(data.total / KWIC_PER_PAGE));
  if (pages <= 1) return null;
  const cur = Math.min(st.kpage, pages);
  const link = (p, label, cls) => h('a', { href: searchUrl(withChanges(st, { kpage: p })), 'data-nav': '', class: cls }, label);
  return h('nav', { class: 'pager kwic-pager', 'aria-label': 'Pages of the concordance' },
    cur > 1 ? link(cur - 1, '← previous', 'prev') : null,
    h('span', { class: 'current', 'aria-current': 'page' }, `${cur} of ${pages}`),
    cur < pages ? link(cur + 1, 'next →', 'next') : null);
}

function draw(st, data) {
  const pane = $('kwic-pane');
  const lines = data.lines || [];
  const table = lines.length ? h('table', { class: 'kwic-table' },
    h('caption', { class: 'visually-hidden' }, 'Each occurrence with the words before and after it'),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col', class: 'kwic-left' }, 'Before'),
      h('th', { scope: 'col', class: 'kwic-key' }, 'Keyword'),
      h('th', { scope: 'col', class: 'kwic-right' }, 'After'),
      h('th', { scope: 'col', class: 'kwic-speaker' }, 'Speaker'),
      h('th', { scope: 'col', class: 'kwic-date' }, 'Date'),
      h('th', { scope: 'col', class: 'kwic-doc' }, 'Readout'))),
    h('tbody', null, lines.map(row))) : null;
  const parts = [controls(st), summary(data),
    table ? h('div', { class: 'kwic-scroll' }, table)
      : h('p', { class: 'kwic-empty' }, data.total ? 'No occurrences on this page.' : 'The matching readouts do not use these words in their text.'),
    pager(st, data)];
  pane.replaceChildren(...parts.filter(Boolean));
}
