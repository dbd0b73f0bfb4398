// The search's state (query, filters, sort, page, pasted text; results or events; the tab showing its answer) to and from URLs and API requests.
import { rangeLabel, validDate } from './format.js';
import { langLabel, topicLabel } from './labels.js';

export const PER_PAGE = 20;
export const MAX_RESULTS = 1000;      // the API refuses page * per_page > 1000
export const LIST_KEYS = ['speaker', 'topic', 'source', 'lang'];
// The views of a search's answer beside its results (docs/ui.md): '' (results), 'kwic'
// (concordance, kwic_view.js), 'trends' (trends_view.js). Their settings ride in the page's URL
// only (viewParams), never in the API's search parameters.
export const TABS = ['', 'kwic', 'trends'];
export const KWIC_SORTS = ['relevance', 'left', 'right', 'date', 'speaker'];
export const KWIC_CONTEXTS = [4, 8, 12, 20];
export const TREND_SPLITS = ['none', 'speaker', 'side', 'topic', 'source', 'language'];
export const MAX_COMPARE = 5;         // series beside the search's own: /api/trends takes 6 q

// State <-> URL. The page's URL uses the API's parameter names. `pasted` (text from the
// "Paste text" panel, searched by POST) is never in the URL: it rides in history.state.
// `view` is the path: 'search' (/, readouts from /api/search) or 'events' (/events, the events
// from /api/events, always newest first).
export function blankState() {
  return { view: 'search', q: '', from: '', to: '', speaker: [], topic: [], source: [], lang: [],
    sort: 'relevance', page: 1, literal: false, group: '', pasted: '',
    tab: '', ksort: 'relevance', kpage: 1, context: 8,
    by: 'year', split: 'none', norm: false, chart: 'line', vs: [] };
}
export function stateFromSearch(search, view = 'search') {
  const p = new URLSearchParams(search);
  const st = blankState();
  st.view = view === 'events' ? 'events' : 'search';
  st.q = (p.get('q') || '').slice(0, 1000);
  for (const k of ['from', 'to']) {
    const v = (p.get(k) || '').trim();
    if (validDate(v)) st[k] = v;
  }
  for (const k of LIST_KEYS) st[k] = unique(p.getAll(k).filter((v) => v && v.length <= 200)).slice(0, 20);
  const sort = p.get('sort');
  if (sort === 'date' || sort === 'oldest') st.sort = sort;
  const page = parseInt(p.get('page') || '1', 10);
  st.page = page >= 1 && page <= MAX_RESULTS / PER_PAGE ? page : 1;
  st.literal = p.get('literal') === '1';
  st.group = p.get('group') === 'event' ? 'event' : '';
  if (st.view === 'search') readViewParams(p, st);
  return st;
}
function unique(list) { return [...new Set(list)]; }
export function stateParams(st) {
  const p = new URLSearchParams();
  if (st.q) p.set('q', st.q);
  if (st.from) p.set('from', st.from);
  if (st.to) p.set('to', st.to);
  for (const k of LIST_KEYS) for (const v of st[k]) p.append(k, v);
  const events = st.view === 'events';
  if (st.sort !== 'relevance' && !events) p.set('sort', st.sort);
  if (st.literal) p.set('literal', '1');
  if (st.group && !events) p.set('group', st.group);
  if (st.page > 1) p.set('page', String(st.page));
  return p;
}
// The tab and its settings (page URLs only), each left out at its default.
export function viewParams(st, p = new URLSearchParams()) {
  if (st.view === 'events' || !st.tab) return p;
  p.set('tab', st.tab);
  if (st.tab === 'kwic') {
    if (st.ksort !== 'relevance') p.set('ksort', st.ksort);
    if (st.context !== 8) p.set('context', String(st.context));
    if (st.kpage > 1) p.set('kpage', String(st.kpage));
  } else {
    if (st.by !== 'year') p.set('by', st.by);
    if (st.split !== 'none') p.set('split', st.split);
    if (st.norm) p.set('norm', '1');
    if (st.chart !== 'line') p.set('chart', st.chart);
    for (const v of st.vs) p.append('vs', v);
  }
  return p;
}
function readViewParams(p, st) {
  const tab = p.get('tab') || '';
  st.tab = TABS.includes(tab) ? tab : '';
  const ksort = p.get('ksort');
  if (KWIC_SORTS.includes(ksort)) st.ksort = ksort;
  const context = parseInt(p.get('context') || '', 10);
  if (KWIC_CONTEXTS.includes(context)) st.context = context;
  const kpage = parseInt(p.get('kpage') || '1', 10);
  st.kpage = kpage >= 1 && kpage <= 10000 ? kpage : 1;
  if (p.get('by') === 'month') st.by = 'month';
  if (TREND_SPLITS.includes(p.get('split'))) st.split = p.get('split');
  st.norm = p.get('norm') === '1';
  if (p.get('chart') === 'bar') st.chart = 'bar';
  st.vs = unique(p.getAll('vs').map((v) => v.trim()).filter((v) => v && v.length <= 200)).slice(0, MAX_COMPARE);
}
export function searchUrl(st) {
  const path = st.view === 'events' ? '/events' : '/';
  const qs = viewParams(st, stateParams(st)).toString();
  return qs ? `${path}?${qs}` : path;
}
// The empty search page (the introduction and the latest readouts); the events page never is.
export function isBlank(st) {
  // "One result per event" alone lists every event's best account, newest first.
  return st.view !== 'events' && !st.q.trim() && !st.pasted && !st.from && !st.to && !st.group &&
    LIST_KEYS.every((k) => st[k].length === 0);
}
export function effectiveSort(st) {
  // Relevance means nothing without words: an empty query lists the newest first. Events: always.
  if (st.view === 'events') return 'date';
  return st.sort === 'relevance' && !st.q.trim() && !st.pasted ? 'date' : st.sort;
}
// What the view lists, for counts and messages: [one, many].
export function itemNouns(st) { return st.view === 'events' ? ['event', 'events'] : ['readout', 'readouts']; }
// The API request for a state: a GET URL, or for pasted text a POST with a JSON body
// (docs/api.md: the same parameters; a URL cannot carry 20,000 bytes). `key` identifies it.
export function apiSearchRequest(st) {
  const p = stateParams(st);
  p.delete('page');
  p.delete('sort');
  const sort = effectiveSort(st);
  if (sort !== 'relevance') p.set('sort', sort);
  if (st.page > 1) p.set('page', String(st.page));
  p.set('per_page', String(PER_PAGE));
  if (st.view === 'events') {
    const url = `/api/events?${p.toString()}`;
    return { url, key: url, body: null };
  }
  if (!st.pasted) {
    const url = `/api/search?${p.toString()}`;
    return { url, key: url, body: null };
  }
  const body = { q: st.pasted };
  for (const [k, v] of p) {
    if (k === 'q') continue;
    if (LIST_KEYS.includes(k)) (body[k] = body[k] || []).push(v);
    else if (k === 'page' || k === 'per_page') body[k] = Number(v);
    else if (k === 'literal') body[k] = v === '1';
    else body[k] = v;
  }
  const json = JSON.stringify(body);
  return { url: '/api/search', key: 'POST ' + json, body: json };
}
export function withChanges(st, changes) {
  const next = { ...st, ...changes };
  for (const k of LIST_KEYS) next[k] = [...(changes[k] || st[k])];
  next.vs = [...(changes.vs || st.vs || [])];
  if (!('page' in changes)) next.page = 1;
  if (!('kpage' in changes)) next.kpage = 1;
  return next;
}

// The explicit filters of a state, each with a label and the state without it.
export function filterList(st) {
  const out = [];
  if (st.from || st.to) {
    out.push({ kind: 'date', value: '', label: rangeLabel(st.from, st.to),
      drop: () => withChanges(st, { from: '', to: '' }) });
  }
  const names = { speaker: 'speaker', topic: 'topic', source: 'source', lang: 'language' };
  for (const k of LIST_KEYS) {
    for (const v of st[k]) {
      const label = k === 'topic' ? topicLabel(v) : k === 'lang' ? langLabel(v) : v;
      out.push({ kind: names[k], value: v, label,
        drop: () => withChanges(st, { [k]: st[k].filter((x) => x !== v) }) });
    }
  }
  return out;
}
