// The page's entry module: routes between the search, events, article and event views and wires the controls.
//
// Plain JavaScript (ES modules), no framework, no build step; each view is a module of its own
// (docs/ui.md lists them) and reaches back here only through page_state.js's `actions`.
//
// Safety: every piece of text that comes from the corpus is inserted with textContent (or as a
// text node). The only markup the server sends is the snippet's <mark>…</mark>; snippets are
// parsed by splitting on those exact markers, never assigned to innerHTML (snippet.js).
import { showArticle } from './article.js';
import { abortDetail } from './detail_view.js';
import { $ } from './dom.js';
import { showEvent } from './event_view.js';
import { lowKey, highKey, validDate } from './format.js';
import { commit, currentPasted, forgetTyping, liveReplace, pushUrl } from './history.js';
import { actions, page } from './page_state.js';
import { setupPaste } from './paste.js';
import { abortSearch, runSearch } from './search.js';
import { effectiveSort, filterList, searchUrl, stateFromSearch, withChanges } from './search_state.js';

const DEBOUNCE_MS = 150;
let debounceTimer = 0;
let cameFromSearch = false;  // the article or event page was opened from the results (Back can return)

actions.go = go;
actions.runSearch = runSearch;

// Changes the search (a click on a filter, chip, bar, page, sort) and commits it to history.
function go(st) {
  clearTimeout(debounceTimer);
  page.state = st;
  commit(st);
  showSearchView();
  syncControls(st);
  runSearch(st);
}

// Follows an internal link; `pasted` keeps the pasted text (the pager's links).
function navigate(url, pasted = '') {
  clearTimeout(debounceTimer);
  pushUrl(url, pasted);
  route();
}

// Shows the search view; the article view is hidden.
function showSearchView() {
  $('search-view').hidden = false;
  $('article-view').hidden = true;
  document.body.classList.remove('article-page');
}

// The pages that show one thing by id, in the article view.
const DETAIL_ROUTES = [
  { path: /^\/article\/([^/]+)$/, show: showArticle },
  { path: /^\/event\/([^/]+)$/, show: showEvent },
];

// Shows the view the address asks for: an article, an event, or the search (of readouts, or of
// events at /events) its URL and history entry hold.
function route() {
  const path = location.pathname;
  for (const r of DETAIL_ROUTES) {
    const m = r.path.exec(path);
    if (!m) continue;
    let id;
    try { id = decodeURIComponent(m[1]); } catch (e) { id = m[1]; }
    abortSearch();
    markEventsPage(false);
    r.show(id);
    return;
  }
  abortDetail();
  page.state = stateFromSearch(location.search, path === '/events' ? 'events' : 'search');
  page.state.pasted = currentPasted();
  if (page.state.pasted) page.paste.open(page.state.pasted);
  page.lastSearchUrl = searchUrl(page.state);
  showSearchView();
  syncControls(page.state);
  runSearch(page.state);
}

// Puts the state into the search form, the dates, the sort, "one result per event", the filters
// button, and marks the events page.
function syncControls(st) {
  const q = $('q');
  if (q.value !== st.q) q.value = st.q;
  const events = st.view === 'events';
  q.placeholder = st.pasted ? 'Searching the pasted text; type here to search words instead'
    : events ? 'Search events: Taiwan, Wang Yi, 2024 (press / to focus)'
      : 'Search readouts: Taiwan, Xi, 2025 (press / to focus)';
  markEventsPage(events);
  $('from').value = st.from;
  $('to').value = st.to;
  $('dates-error').textContent = '';
  $('sort').value = effectiveSort(st);
  $('group-events').checked = st.group === 'event';
  page.lastSearchUrl = searchUrl(st);
  const n = filterList(st).length;
  $('filters-toggle').textContent = n ? `Filters (${n})` : 'Filters';
}

// The events page: its heading, the header link marked current, the sort and grouping hidden (CSS).
function markEventsPage(on) {
  document.body.classList.toggle('events-page', on);
  $('results-title').textContent = on ? 'Events' : 'Search results';
  if (on) $('events-link').setAttribute('aria-current', 'page');
  else $('events-link').removeAttribute('aria-current');
}

// Live search as you type: after a pause, replaces the current history entry.
function onTyping() {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => {
    const q = $('q').value;
    if (q === page.state.q) return;
    page.state = withChanges(page.state, { q, pasted: '' });
    liveReplace(page.state);
    page.lastSearchUrl = searchUrl(page.state);
    showSearchView();
    runSearch(page.state);
  }, DEBOUNCE_MS);
}

// Wires the controls, the internal links, the / key and Back/Forward, then shows the page.
function init() {
  const q = $('q');
  page.paste = setupPaste({
    onSearch: (text) => {
      $('q').value = '';
      // Pasted text searches readouts (POST /api/search), also from the events page.
      go(withChanges(page.state, { view: 'search', q: '', pasted: text, literal: false }));
    },
    onStop: () => { if (page.state.pasted) go(withChanges(page.state, { pasted: '' })); },
  });
  q.addEventListener('input', onTyping);
  q.addEventListener('keydown', (evt) => {
    if (evt.key === 'Escape') {
      evt.preventDefault();
      if (!q.value) { q.blur(); return; }
      q.value = '';
      onTyping();
    }
  });
  $('search-form').addEventListener('submit', (evt) => {
    evt.preventDefault();
    clearTimeout(debounceTimer);
    const st = withChanges(page.state, { q: q.value, pasted: '' });
    if (!$('article-view').hidden) { go(st); return; }
    page.state = st;
    commit(st);
    page.lastSearchUrl = searchUrl(st);
    runSearch(st);
  });
  $('sort').addEventListener('change', (evt) => go(withChanges(page.state, { sort: evt.target.value })));
  $('group-events').addEventListener('change', (evt) =>
    go(withChanges(page.state, { group: evt.target.checked ? 'event' : '' })));
  $('dates').addEventListener('submit', (evt) => { evt.preventDefault(); applyDates(); });
  for (const id of ['from', 'to']) $(id).addEventListener('change', () => applyDates());
  $('dates-clear').addEventListener('click', () => go(withChanges(page.state, { from: '', to: '' })));
  $('filters-toggle').addEventListener('click', () => {
    const open = !document.body.classList.contains('filters-open');
    document.body.classList.toggle('filters-open', open);
    $('filters-toggle').setAttribute('aria-expanded', String(open));
  });

  // Internal links: handled here, so the page does not reload.
  document.addEventListener('click', (evt) => {
    if (evt.defaultPrevented || evt.button !== 0 || evt.metaKey || evt.ctrlKey || evt.shiftKey || evt.altKey) return;
    const a = evt.target.closest && evt.target.closest('a[data-nav], a#home, a#back-link');
    if (!a) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    evt.preventDefault();
    if (a.id === 'back-link' && cameFromSearch && history.length > 1) {
      history.back();
      return;
    }
    cameFromSearch = !$('search-view').hidden && /^\/(article|event)\//.test(url.pathname);
    const inPager = !!a.closest('#pager');
    navigate(url.pathname + url.search, inPager ? page.state.pasted : '');
    if (url.pathname === '/' && !url.search) $('q').focus();
    if (inPager) {
      window.scrollTo(0, 0);
      $('main').focus({ preventScroll: true });
    }
  });

  document.addEventListener('keydown', (evt) => {
    if (evt.key !== '/' || evt.ctrlKey || evt.metaKey || evt.altKey) return;
    const t = evt.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    evt.preventDefault();
    q.focus();
    q.select();
  });

  window.addEventListener('popstate', () => {
    forgetTyping();
    clearTimeout(debounceTimer);
    cameFromSearch = false;
    route();
  });

  route();
  if ($('article-view').hidden) q.focus();
}

// The From/To boxes: checks them and sets the date filter.
function applyDates() {
  const from = $('from').value.trim(), to = $('to').value.trim();
  const err = $('dates-error');
  for (const [name, v] of [['From', from], ['To', to]]) {
    if (v && !validDate(v)) {
      err.textContent = `${name}: write a year (2025), a month (2025-06) or a day (2025-06-05).`;
      return;
    }
  }
  if (from && to && lowKey(from) > highKey(to)) {
    err.textContent = 'The start comes after the end.';
    return;
  }
  err.textContent = '';
  if (from === page.state.from && to === page.state.to) return;
  go(withChanges(page.state, { from, to }));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
