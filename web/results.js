// The results: the count line, the list of matching readouts (title, tags, snippet, compare link) and the pager.
import { $, h } from './dom.js';
import { formatDate, plural } from './format.js';
import { langLabel, sideOf, speakerTag, topicTag } from './labels.js';
import { snippetNodes } from './snippet.js';
import { effectiveSort, itemNouns, MAX_RESULTS, PER_PAGE, searchUrl, withChanges } from './search_state.js';

function tookLabel(ms) {
  if (typeof ms !== 'number' || !isFinite(ms)) return '';
  return ms < 1 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
export function renderSummary(st, data) {
  const total = data.total || 0;
  const count = (data.total_exact === false ? 'about ' : '') + plural(total, ...itemNouns(st));
  const parts = [count, st.view === 'events' ? 'newest first' : '', tookLabel(data.took_ms)].filter(Boolean);
  let text = parts.join(', ');
  const pages = pageCount(data);
  if (pages > 1) text += ` · page ${data.page || st.page} of ${pages}`;
  $('summary').textContent = text;
  $('sort').value = effectiveSort(st);
  $('group-events').checked = st.group === 'event';
}
function pageCount(data) {
  const per = data.per_page || PER_PAGE;
  return Math.min(Math.ceil((data.total || 0) / per), Math.floor(MAX_RESULTS / per));
}

export function renderResults(results) {
  const list = $('results');
  list.replaceChildren();
  for (const r of results) list.appendChild(resultItem(r));
  $('pager').hidden = !results.length;
}

function resultItem(r) {
  const lang = r.language || null;
  const meta = h('p', { class: 'r-meta' },
    h('time', { datetime: r.date || null }, formatDate(r.date)),
    r.source ? [' · ', h('span', { class: 'r-source' }, r.source)] : null,
    r.language && r.language !== 'en' ? [' · ', h('span', { class: 'r-lang' }, langLabel(r.language))] : null);
  const tags = h('p', { class: 'r-tags' },
    (r.speakers || []).map((sp) => speakerTag(sp)),
    (r.topics || []).map((t) => topicTag(t)));
  let snippet = null;
  if (r.snippet) {
    const side = r.speaker ? sideOf(r.speaker) : 'none';
    snippet = h('blockquote', { class: `r-snippet side-${side}`, lang },
      r.speaker ? h('span', { class: `who side-${side}`, lang: 'en' }, r.speaker + ': ') : null,
      snippetNodes(r.snippet));
  }
  const accounts = r.event && r.event_accounts > 1
    ? h('p', { class: 'r-event' }, h('a', { href: `/event/${encodeURIComponent(r.event)}`, 'data-nav': '' },
      `${r.event_accounts} accounts of this exchange: compare them`))
    : null;
  return h('li', { class: 'result' },
    h('h2', { class: 'r-title', lang },
      h('a', { href: `/article/${encodeURIComponent(r.id)}`, 'data-nav': '' }, r.title || '(untitled)')),
    meta,
    (r.speakers || []).length || (r.topics || []).length ? tags : null,
    snippet,
    accounts);
}

export function renderPager(st, data) {
  const nav = $('pager');
  nav.replaceChildren();
  const pages = pageCount(data);
  if (pages <= 1) return;
  const cur = Math.min(st.page, pages);
  const link = (p, label, cls, rel) => h('a', { href: searchUrl(withChanges(st, { page: p })), 'data-nav': '',
    class: cls, rel, 'aria-label': typeof label === 'string' && /^\d+$/.test(label) ? `Page ${label}` : null }, label);
  const items = [];
  if (cur > 1) items.push(link(cur - 1, '← previous', 'prev', 'prev'));
  const want = new Set([1, pages, cur - 2, cur - 1, cur, cur + 1, cur + 2]);
  let last = 0;
  for (let p = 1; p <= pages; p++) {
    if (!want.has(p)) continue;
    if (p - last > 1) items.push(h('span', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    items.push(p === cur ? h('span', { class: 'current', 'aria-current': 'page' }, String(p))
      : link(p, String(p), 'num'));
    last = p;
  }
  if (cur < pages) items.push(link(cur + 1, 'next →', 'next', 'next'));
  nav.append(...items);
}
