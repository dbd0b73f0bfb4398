// Messages above the results: introduction, no matches, "Did you mean", reading notes, errors.
import { ApiError, stats } from './api.js';
import { $, h } from './dom.js';
import { formatDate, plural } from './format.js';
import { actions, page } from './page_state.js';
import { queryNotes } from './query_notes.js';
import { rebuildQuery } from './query_text.js';
import { blankState, filterList, isBlank, itemNouns, searchUrl, withChanges } from './search_state.js';

const EXAMPLES = ['Taiwan, Xi, 2025', 'fentanyl tariffs', '习近平 特朗普 通电话',
  'speaker:"Wang Yi" Ukraine'];

function suggestionLink(st, data) {
  if (!data.suggestion) return null;
  const q = rebuildQuery(data.interpreted || {}, { replaceText: data.suggestion });
  return h('p', { class: 'suggestion' }, 'Did you mean ',
    h('a', { href: searchUrl(withChanges(st, { q })), 'data-nav': '', class: 'suggest' }, q), '?');
}

// Some shards did not answer: these results are the others' (docs/api.md, "partial").
function partialNotice(data) {
  if (!data.partial) return null;
  const missing = data.missing_shards || [];
  return h('p', { class: 'partial-results', role: 'status' },
    `Partial results: ${plural(missing.length, 'shard', 'shards')} did not answer (${missing.join(', ')}). ` +
    'Counts and results leave out their articles until they are back.');
}

export function renderNotice(st, data) {
  const box = $('notice');
  box.replaceChildren();
  if (isBlank(st)) {
    box.appendChild(introBlock());
    return;
  }
  const partial = partialNotice(data);
  if (partial) box.appendChild(partial);
  const total = data.total || 0;
  if (total === 0) {
    const drops = [];
    if (st.pasted) drops.push(h('li', null, h('button', { type: 'button', class: 'link-button',
      onclick: () => { page.paste.close(); actions.go(withChanges(st, { pasted: '' })); } }, 'drop the pasted text')));
    if (st.q.trim() && !st.pasted) drops.push(h('li', null, h('button', { type: 'button', class: 'link-button',
      onclick: () => actions.go(withChanges(st, { q: '', literal: false })) }, `drop the words “${st.q}”`)));
    const inter = data.interpreted || {};
    if (st.q.trim() && !st.literal && ((inter.speakers || []).length || inter.from || inter.to)) {
      drops.push(h('li', null, h('a', { href: searchUrl(withChanges(st, { literal: true })), 'data-nav': '' },
        'search these words literally')));
    }
    for (const f of filterList(st)) {
      drops.push(h('li', null, h('button', { type: 'button', class: 'link-button',
        onclick: () => actions.go(f.drop()) }, `drop the ${f.kind} filter “${f.label}”`)));
    }
    box.appendChild(h('div', { class: 'empty-results', role: 'status' },
      h('h2', null, `No ${itemNouns(st)[1]} match.`),
      suggestionLink(st, data),
      drops.length ? h('p', null, 'Try to widen the search:') : null,
      drops.length ? h('ul', { class: 'drops' }, drops) : null));
    return;
  }
  const sug = suggestionLink(st, data);
  if (sug) box.appendChild(sug);
  const notes = queryNotes(data.interpreted, (data.interpreted || {}).match);
  if (notes.length) {
    box.appendChild(h('ul', { class: 'reading-notes', 'aria-label': 'How the query was read' },
      notes.map((n) => h('li', null, n))));
  }
}

function introBlock() {
  const examples = h('ul', { class: 'examples' }, EXAMPLES.map((q) =>
    h('li', null, h('a', { href: searchUrl(withChanges(blankState(), { q })), 'data-nav': '',
      lang: /[\u3400-\u9fff]/.test(q) ? 'zh-Hans' : null }, q))));
  let corpus = 'The archive of China–US diplomatic readouts.';
  if (stats && typeof stats.articles === 'number') {
    const span = stats.first_date && stats.last_date
      ? `, from ${formatDate(stats.first_date)} to ${formatDate(stats.last_date)}` : '';
    const sources = (stats.sources || []).length;
    const langs = (stats.languages || []).length;
    corpus = `${plural(stats.articles, 'readout', 'readouts')}${span}` +
      (sources ? `, from ${plural(sources, 'source', 'sources')}` : '') +
      (langs ? ` in ${plural(langs, 'language', 'languages')}` : '') + '.';
  }
  return h('section', { class: 'intro', 'aria-labelledby': 'intro-title' },
    h('h2', { id: 'intro-title', class: 'intro-title' }, 'Who said what, when'),
    h('p', { class: 'corpus', id: 'corpus-size' }, corpus),
    h('p', null, 'Search by people, dates, topics and words, in English or Chinese. Try:'),
    examples,
    h('h2', { class: 'latest' }, 'Latest readouts'));
}

export function renderError(st, err) {
  $('results').replaceChildren();
  $('pager').replaceChildren();
  $('summary').textContent = '';
  const box = $('notice');
  box.replaceChildren();
  const bad = err instanceof ApiError && err.status === 400;
  const msg = err instanceof ApiError ? err.message : String(err);
  if (st.pasted && err instanceof ApiError && err.status >= 400 && err.status < 500) {
    // The server refused the pasted text (too long, ...): say why, offer to edit it.
    const tooBig = err.status === 413;
    box.appendChild(h('div', { class: 'error-box paste-refused', role: 'alert' },
      h('h2', null, 'The pasted text could not be searched'),
      h('p', null, tooBig ? `The pasted text is far over the limit of 20,000 bytes (the server says: ${msg}).` : msg),
      h('p', null, h('button', { type: 'button', onclick: () => {
        page.paste.open(st.pasted);
        $('paste-text').focus();
      } }, 'Edit the pasted text'))));
    return;
  }
  box.appendChild(h('div', { class: 'error-box', role: 'alert' },
    h('h2', null, bad ? 'The query could not be read' : 'The search failed'),
    h('p', null, msg),
    bad && st.q && !st.literal
      ? h('p', null, h('a', { href: searchUrl(withChanges(st, { literal: true })), 'data-nav': '' },
        'search these words literally'))
      : h('p', null, h('button', { type: 'button', onclick: () => actions.runSearch(page.state, { force: true }) }, 'Try again'))));
}
