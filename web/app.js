// readouts: the search page and the article view. Plain JavaScript (ES modules), no framework, no build step.
//
// Safety: every piece of text that comes from the corpus is inserted with textContent (or as a
// text node). The only markup the server sends is the snippet's <mark>…</mark>; snippets are
// parsed by splitting on those exact markers, never assigned to innerHTML.
import { queryNotes } from './query_notes.js';
import { setupPaste } from './paste.js';
import { renderEvent, eventAccountsSection } from './event_view.js';

(() => {
  // ---------------------------------------------------------------------------------------------
  // Knowledge the page needs before the server offers it (see docs/ui.md: a /api/people
  // endpoint would replace this map). Canonical names as in data/people.json.
  const SIDE = Object.create(null);
  for (const n of ['Xi Jinping', 'Wang Yi', 'Qin Gang', 'Yang Jiechi', 'He Lifeng', 'Liu He',
    'Li Qiang', 'Li Keqiang', 'Han Zheng', 'Ding Xuexiang', 'Li Chenggang', 'Wang Wentao',
    'Dong Jun', 'Li Shangfu', 'Wei Fenghe', 'Mao Ning', 'Lin Jian', 'Guo Jiakun', 'Hua Chunying',
    'Zhao Lijian', 'Wang Wenbin', 'Geng Shuang', 'Xie Feng', 'Mao Zedong', 'Deng Xiaoping',
    'Zhou Enlai']) SIDE[n] = 'cn';
  for (const n of ['Donald J. Trump', 'Joe Biden', 'Barack Obama', 'Kamala Harris', 'JD Vance',
    'Mike Pence', 'Marco Rubio', 'Antony Blinken', 'Mike Pompeo', 'Rex Tillerson', 'John Kerry',
    'Scott Bessent', 'Janet Yellen', 'Steven Mnuchin', 'Jamieson Greer', 'Katherine Tai',
    'Robert Lighthizer', 'Howard Lutnick', 'Gina Raimondo', 'Wilbur Ross', 'Lloyd Austin',
    'Pete Hegseth', 'Jake Sullivan', 'Mike Waltz', 'Karine Jean-Pierre', 'Karoline Leavitt',
    'Kurt Campbell', 'Nicholas Burns', 'David Perdue', 'Nancy Pelosi', 'Elon Musk', 'Jensen Huang',
    'Richard Nixon', 'Henry Kissinger']) SIDE[n] = 'us';
  const SIDE_NAME = { cn: 'China', us: 'United States', other: '' };

  // Topic ids -> labels (data/topics.json); the facets' labels win when present.
  const TOPICS = {
    taiwan: 'Taiwan', trade_tariffs: 'Trade and tariffs', fentanyl: 'Fentanyl and drug control',
    ukraine: 'Ukraine and Russia', technology_export_controls: 'Technology and export controls',
    north_korea: 'North Korea', south_china_sea: 'South China Sea', climate: 'Climate change',
    human_rights: 'Human rights', hong_kong: 'Hong Kong', xinjiang: 'Xinjiang', tibet: 'Tibet',
    military_communication: 'Military communication', covid: 'COVID-19',
    agriculture: 'Agriculture', people_to_people: 'People-to-people exchanges',
    ww2_history: 'Second World War and history', middle_east: 'Middle East',
    ai: 'Artificial intelligence', iran: 'Iran', japan: 'Japan',
    nuclear_arms_control: 'Nuclear arms control', cyber: 'Cybersecurity',
    finance_currency: 'Finance and currency',
    global_governance: 'Global governance and multilateralism',
  };
  const topicLabels = Object.assign(Object.create(null), TOPICS);

  const LANGS = { en: 'English', 'zh-Hans': 'Chinese (simplified)', 'zh-Hant': 'Chinese (traditional)',
    zh: 'Chinese' };
  let langNames = null;
  try { langNames = new Intl.DisplayNames(['en'], { type: 'language' }); } catch (e) { /* old */ }

  const EXAMPLES = ['Taiwan, Xi, 2025', 'fentanyl tariffs', '习近平 特朗普 通电话',
    'speaker:"Wang Yi" Ukraine'];
  const PER_PAGE = 20;
  const MAX_RESULTS = 1000;      // the API refuses page * per_page > 1000
  const DEBOUNCE_MS = 150;
  const SLOW_MS = 400;           // show "searching…" after this long
  const VERY_SLOW_MS = 3000;     // and say the server is slow after this long
  const FACET_SHOWN = 8;
  const LIST_KEYS = ['speaker', 'topic', 'source', 'lang'];
  const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];

  // ---------------------------------------------------------------------------------------------
  // DOM helpers.
  const $ = (id) => document.getElementById(id);
  const SVG_NS = 'http://www.w3.org/2000/svg';

  // h('a', {href: '/x', class: 'y'}, 'text', child, ...): attributes are set with setAttribute,
  // strings become text nodes. on* keys take listeners.
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }
  function setAttrs(el, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  function append(el, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(typeof c === 'string' || typeof c === 'number'
        ? document.createTextNode(String(c)) : c);
    }
  }

  // Decodes the entities the server's HTML escaping produces (and numeric references).
  function decodeEntities(text) {
    return text.replace(/&(amp|lt|gt|quot|apos|#39|#x[0-9a-fA-F]+|#\d+);/g, (m, e) => {
      switch (e) {
        case 'amp': return '&';
        case 'lt': return '<';
        case 'gt': return '>';
        case 'quot': return '"';
        case 'apos': case '#39': return "'";
        default: {
          const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
        }
      }
    });
  }

  // Snippet "a <mark>b</mark> c" -> nodes [text, <mark>, text]. Anything else that looks like a
  // tag stays literal text.
  function snippetNodes(snippet) {
    const out = [];
    const parts = String(snippet || '').split('<mark>');
    parts.forEach((part, i) => {
      if (i === 0) {
        if (part) out.push(document.createTextNode(decodeEntities(part)));
        return;
      }
      const end = part.indexOf('</mark>');
      if (end < 0) {
        out.push(document.createTextNode(decodeEntities('<mark>' + part)));
        return;
      }
      out.push(h('mark', null, decodeEntities(part.slice(0, end).split('</mark>').join(''))));
      const rest = part.slice(end + 7).split('</mark>').join('');
      if (rest) out.push(document.createTextNode(decodeEntities(rest)));
    });
    return out;
  }

  function sideOf(name) { return (name && SIDE[name]) || 'other'; }

  function speakerTag(name, extraClass) {
    const side = sideOf(name);
    return h('span', {
      class: `tag person side-${side}${extraClass ? ' ' + extraClass : ''}`,
      title: SIDE_NAME[side] ? `${name} (${SIDE_NAME[side]})` : name,
    }, name);
  }
  function topicLabel(id) { return topicLabels[id] || id.replace(/_/g, ' '); }
  function topicTag(id) { return h('span', { class: 'tag topic' }, topicLabel(id)); }
  function langLabel(tag) {
    if (!tag) return '';
    if (LANGS[tag]) return LANGS[tag];
    try { return (langNames && langNames.of(tag)) || tag; } catch (e) { return tag; }
  }

  function formatDate(iso) {
    if (!iso) return 'undated';
    const m = DATE_RE.exec(iso);
    if (!m) return iso;
    if (!m[2]) return m[1];
    const mon = MONTHS[+m[2] - 1] || m[2];
    return m[3] ? `${+m[3]} ${mon} ${m[1]}` : `${mon} ${m[1]}`;
  }
  function formatDateLong(iso) {
    const m = iso && DATE_RE.exec(iso);
    if (!m) return iso || '';
    if (!m[2]) return m[1];
    const mon = MONTHS_LONG[+m[2] - 1] || m[2];
    return m[3] ? `${+m[3]} ${mon} ${m[1]}` : `${mon} ${m[1]}`;
  }
  function formatNumber(n) { return Number(n || 0).toLocaleString('en-US'); }
  function plural(n, one, many) { return `${formatNumber(n)} ${n === 1 ? one : many}`; }

  // "2025-01-01".."2025-12-31" -> "2025"; months and days likewise; else "from – to".
  function lastDay(y, m) { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }
  function compactLow(iso) {
    const m = DATE_RE.exec(iso || '');
    if (!m) return iso || '';
    if (m[3] === '01' && m[2] === '01') return m[1];
    if (m[3] === '01') return `${m[1]}-${m[2]}`;
    return iso;
  }
  function compactHigh(iso) {
    const m = DATE_RE.exec(iso || '');
    if (!m) return iso || '';
    if (m[2] === '12' && m[3] === '31') return m[1];
    if (m[3] && +m[3] === lastDay(+m[1], +m[2])) return `${m[1]}-${m[2]}`;
    return iso;
  }
  function rangeLabel(from, to) {
    if (from && to) {
      const a = compactLow(from), b = compactHigh(to);
      return a === b ? formatDate(a) : `${formatDate(a)} – ${formatDate(b)}`;
    }
    if (from) return `since ${formatDate(compactLow(from))}`;
    if (to) return `until ${formatDate(compactHigh(to))}`;
    return '';
  }

  function validDate(v) {
    const m = DATE_RE.exec(v);
    if (!m) return false;
    if (m[2] && (+m[2] < 1 || +m[2] > 12)) return false;
    if (m[3] && (+m[3] < 1 || +m[3] > lastDay(+m[1], +m[2]))) return false;
    return true;
  }
  // Comparable bounds: "2025" -> 20250101 / 20251231.
  function lowKey(v) { const m = DATE_RE.exec(v); return m ? `${m[1]}${m[2] || '01'}${m[3] || '01'}` : ''; }
  function highKey(v) { const m = DATE_RE.exec(v); return m ? `${m[1]}${m[2] || '12'}${m[3] || '31'}` : ''; }

  // ---------------------------------------------------------------------------------------------
  // State <-> URL. The page's URL uses the API's parameter names. `pasted` (text from the
  // "Paste text" panel, searched by POST) is never in the URL: it rides in history.state.
  function blankState() {
    return { q: '', from: '', to: '', speaker: [], topic: [], source: [], lang: [],
      sort: 'relevance', page: 1, literal: false, group: '', pasted: '' };
  }
  function stateFromSearch(search) {
    const p = new URLSearchParams(search);
    const st = blankState();
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
    return st;
  }
  function unique(list) { return [...new Set(list)]; }
  function stateParams(st) {
    const p = new URLSearchParams();
    if (st.q) p.set('q', st.q);
    if (st.from) p.set('from', st.from);
    if (st.to) p.set('to', st.to);
    for (const k of LIST_KEYS) for (const v of st[k]) p.append(k, v);
    if (st.sort !== 'relevance') p.set('sort', st.sort);
    if (st.literal) p.set('literal', '1');
    if (st.group) p.set('group', st.group);
    if (st.page > 1) p.set('page', String(st.page));
    return p;
  }
  function searchUrl(st) {
    const qs = stateParams(st).toString();
    return qs ? `/?${qs}` : '/';
  }
  function isBlank(st) {
    // "One result per event" alone is the list of every event, newest first (the Events link).
    return !st.q.trim() && !st.pasted && !st.from && !st.to && !st.group &&
      LIST_KEYS.every((k) => st[k].length === 0);
  }
  function effectiveSort(st) {
    // Relevance means nothing without words: an empty query lists the newest first.
    return st.sort === 'relevance' && !st.q.trim() && !st.pasted ? 'date' : st.sort;
  }
  // The API request for a state: a GET URL, or for pasted text a POST with a JSON body
  // (docs/api.md: the same parameters; a URL cannot carry 20,000 bytes). `key` identifies it.
  function apiSearchRequest(st) {
    const p = stateParams(st);
    p.delete('page');
    p.delete('sort');
    const sort = effectiveSort(st);
    if (sort !== 'relevance') p.set('sort', sort);
    if (st.page > 1) p.set('page', String(st.page));
    p.set('per_page', String(PER_PAGE));
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
  function currentUrl() { return location.pathname + location.search; }
  function withChanges(st, changes) {
    const next = { ...st, ...changes };
    for (const k of LIST_KEYS) next[k] = [...(changes[k] || st[k])];
    if (!('page' in changes)) next.page = 1;
    return next;
  }

  // ---------------------------------------------------------------------------------------------
  // History. Typing replaces the current entry; Enter (or any click on a filter) commits: the
  // entry typing overwrote gets its old URL back and the new state is pushed after it, so Back
  // returns to the previous committed search, not to every prefix typed.
  let state = blankState();
  let typingBase = null;  // URL of the committed entry that live typing is overwriting
  let typingBaseState = null;  // and its history.state (pasted text)

  function histState(pasted) { return pasted ? { readouts: 1, pasted } : { readouts: 1 }; }
  function currentPasted() { return (history.state && history.state.pasted) || ''; }
  function liveReplace(st) {
    const url = searchUrl(st);
    if (url === currentUrl() && st.pasted === currentPasted()) return;
    if (typingBase === null) { typingBase = currentUrl(); typingBaseState = history.state; }
    history.replaceState(histState(st.pasted), '', url);
  }
  function commit(st) {
    const url = searchUrl(st);
    if (typingBase !== null) {
      const base = typingBase, baseState = typingBaseState;
      typingBase = null;
      typingBaseState = null;
      if (base !== url || ((baseState && baseState.pasted) || '') !== st.pasted) {
        history.replaceState(baseState, '', base);
        history.pushState(histState(st.pasted), '', url);
      } else {
        history.replaceState(histState(st.pasted), '', url);
      }
      return;
    }
    if (url !== currentUrl() || st.pasted !== currentPasted()) history.pushState(histState(st.pasted), '', url);
  }
  // Changes the search (a click on a filter, chip, bar, page, sort) and commits it to history.
  function go(st) {
    clearTimeout(debounceTimer);
    state = st;
    commit(st);
    showSearchView();
    syncControls(st);
    runSearch(st);
  }
  // Follows an internal link; `pasted` keeps the pasted text (the pager's links).
  function navigate(url, pasted = '') {
    clearTimeout(debounceTimer);
    if (typingBase !== null) {
      // Leaving a typed (uncommitted) search: keep it in history, so Back returns to it.
      const typed = currentUrl(), typedState = history.state;
      history.replaceState(typingBaseState, '', typingBase);
      if (typed !== typingBase) history.pushState(typedState, '', typed);
      typingBase = null;
      typingBaseState = null;
    }
    if (url !== currentUrl() || pasted !== currentPasted()) history.pushState(histState(pasted), '', url);
    route();
  }

  // ---------------------------------------------------------------------------------------------
  // Fetching.
  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }
  // GET url, or POST postBody (a JSON string) to url.
  async function getJSON(url, signal, postBody = null) {
    let res;
    try {
      res = await fetch(url, postBody === null ? { signal, headers: { Accept: 'application/json' } }
        : { method: 'POST', signal, body: postBody,
          headers: { Accept: 'application/json', 'Content-Type': 'application/json' } });
    } catch (e) {
      if (e && e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network', 'The server cannot be reached. Is readouts-server running?');
    }
    let body = null;
    try { body = await res.json(); } catch (e) {
      if (e && e.name === 'AbortError') throw e;
    }
    if (!res.ok) {
      const err = body && body.error;
      throw new ApiError(res.status, (err && err.code) || 'http_' + res.status,
        (err && err.message) || `The server answered ${res.status} ${res.statusText}.`);
    }
    if (body === null) throw new ApiError(res.status, 'bad_json', 'The server sent an unreadable answer.');
    return body;
  }

  let stats = null;
  let statsPromise = null;
  function loadStats() {
    if (!statsPromise) {
      statsPromise = getJSON('/api/stats').then((st) => {
        stats = st;
        for (const t of st.topics || []) if (t.label) topicLabels[t.value] = t.label;
        return st;
      }).catch(() => { statsPromise = null; return null; });
    }
    return statsPromise;
  }

  // ---------------------------------------------------------------------------------------------
  // Search.
  let searchController = null;
  let searchSeq = 0;
  let lastData = null;
  let lastSearchKey = '';
  let debounceTimer = 0;
  let slowTimers = [];

  function setBusy(level) {
    const busy = $('busy');
    document.body.classList.toggle('loading', level > 0);
    busy.textContent = level === 2 ? 'Still searching: the server is slow…'
      : level === 1 ? 'Searching…' : '';
    busy.classList.toggle('slow', level === 2);
  }

  async function runSearch(st, { force = false } = {}) {
    const req = apiSearchRequest(st);
    if (!force && req.key === lastSearchKey && lastData) {
      render(st, lastData);
      return;
    }
    if (searchController) searchController.abort();
    const controller = new AbortController();
    searchController = controller;
    const seq = ++searchSeq;
    slowTimers.forEach(clearTimeout);
    slowTimers = [setTimeout(() => seq === searchSeq && setBusy(1), SLOW_MS),
      setTimeout(() => seq === searchSeq && setBusy(2), VERY_SLOW_MS)];
    document.body.classList.add('pending');
    if (isBlank(st)) loadStats();
    try {
      const data = await getJSON(req.url, controller.signal, req.body);
      if (isBlank(st)) await loadStats();
      if (seq !== searchSeq) return;
      lastData = data;
      lastSearchKey = req.key;
      render(st, data);
    } catch (e) {
      if (e && e.name === 'AbortError') return;
      if (seq !== searchSeq) return;
      lastData = null;
      lastSearchKey = '';
      renderError(st, e);
    } finally {
      if (seq === searchSeq) {
        slowTimers.forEach(clearTimeout);
        setBusy(0);
        document.body.classList.remove('pending');
        if (searchController === controller) searchController = null;
      }
    }
  }

  function render(st, data) {
    renderChips(st, data.interpreted);
    renderTimeline(st, data.timeline || []);
    renderFacets(st, data.facets || {});
    renderSummary(st, data);
    renderNotice(st, data);
    renderResults(data.results || []);
    renderPager(st, data);
    document.title = st.pasted ? 'Pasted text – readouts'
      : st.q ? `${st.q} – readouts` : 'readouts: China–US diplomatic readouts';
  }

  // --- interpretation chips ----------------------------------------------------------------------
  // Rebuilds a query from its interpretation, leaving parts out. Dates become tokens the
  // interpreter reads back to the same range.
  function rebuildQuery(inter, drop) {
    const parts = [];
    for (const sp of inter.speakers || []) if (!(drop.speaker === sp)) parts.push(sp);
    // Dates searched as words ("1972 Shanghai Communique" found nothing dated 1972).
    if (inter.dates_as_words) parts.push(...(inter.date_words || []));
    // Months and days of every year ("11月", "11月24日"): written back the way they are read.
    if (!drop.date && !inter.dates_as_words) {
      for (const m of inter.months || []) parts.push(`${m}月`);
      for (const d of inter.days || []) {
        const [mm, dd] = d.split('-').map(Number);
        parts.push(`${mm}月${dd}日`);
      }
    }
    if (!drop.date && (inter.from || inter.to)) {
      const a = compactLow(inter.from || inter.to), b = compactHigh(inter.to || inter.from);
      parts.push(a === b ? a : `${a} ${b}`);
    }
    // Fields typed in the query (speaker:trump): kept as fields, values quoted when spaced.
    for (const [field, values] of Object.entries(inter.filters || {})) {
      for (const v of values) {
        if (drop.field && drop.field[0] === field && drop.field[1] === v) continue;
        parts.push(`${field}:${/\s/.test(v) ? `"${v}"` : v}`);
      }
    }
    let text = drop.text ? '' : (drop.replaceText !== undefined ? drop.replaceText : inter.text || '');
    if (drop.topic && text) text = removeTopicWords(text, drop.topic);
    if (text.trim()) parts.push(text.trim());
    return parts.join(', ');
  }
  function removeTopicWords(text, id) {
    const names = [id, id.replace(/_/g, ' '), topicLabel(id)].map((x) => x.toLowerCase());
    const words = text.split(/\s+/);
    const norm = (w) => w.toLowerCase().replace(/[,.;:!?]+$/, '').replace(/['’]s$/, '');
    for (const name of names) {
      const n = name.split(/\s+/);
      for (let i = 0; i + n.length <= words.length; i++) {
        if (n.every((part, k) => norm(words[i + k]) === part)) {
          words.splice(i, n.length);
          return words.join(' ');
        }
      }
    }
    // A topic named by a word that is not its label (an alias): drop the boost by keeping the
    // words but quoting nothing; the simplest faithful move is to leave the text as it is.
    return text;
  }

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

  function renderChips(st, inter) {
    const box = $('chips');
    box.replaceChildren();
    const items = [];
    inter = inter || { speakers: [], topics: [], from: null, to: null, text: '', literal: false };
    if (st.q.trim()) {
      if (st.literal) {
        items.push(chip('literal', st.q, () => go(withChanges(st, { q: '', literal: false })),
          'Clear the query', 'chip-text'));
      } else {
        for (const sp of inter.speakers || []) {
          items.push(chip('speaker', sp,
            () => go(withChanges(st, { q: rebuildQuery(inter, { speaker: sp }) })),
            `Remove speaker ${sp} from the query`, `side-${sideOf(sp)}`));
        }
        if (inter.from || inter.to) {
          items.push(chip('date', rangeLabel(inter.from, inter.to),
            () => go(withChanges(st, { q: rebuildQuery(inter, { date: true }) })),
            'Remove the date from the query'));
        }
        for (const [field, values] of Object.entries(inter.filters || {})) {
          for (const v of values) {
            const label = field === 'topic' ? topicLabel(v) : v;
            items.push(chip(field, label,
              () => go(withChanges(st, { q: rebuildQuery(inter, { field: [field, v] }) })),
              `Remove ${field}:${label} from the query`,
              field === 'speaker' ? `side-${sideOf(v)}` : undefined));
          }
        }
        for (const t of inter.topics || []) {
          items.push(chip('topic', topicLabel(t),
            () => go(withChanges(st, { q: rebuildQuery(inter, { topic: t }) })),
            `Remove the topic ${topicLabel(t)} from the query`));
        }
        if ((inter.text || '').trim()) {
          items.push(chip('text', inter.text,
            () => go(withChanges(st, { q: rebuildQuery(inter, { text: true }) })),
            'Remove the words from the query', 'chip-text'));
        }
      }
    }
    if (st.pasted) {
      items.push(chip('pasted', wordCount(st.pasted),
        () => { paste.close(); go(withChanges(st, { pasted: '' })); },
        'Stop searching the pasted text', 'chip-text'));
    }
    // Explicit filters (from the sidebar, the timeline or the URL).
    const filterChips = filterList(st).map((f) =>
      chip(f.kind, f.label, () => go(f.drop()), `Remove the filter ${f.kind} ${f.label}`,
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
        onclick: () => go(withChanges(st, { from: '', to: '', speaker: [], topic: [], source: [], lang: [] })),
      }, 'clear all filters'));
    }
  }

  function wordCount(text) {
    const n = (text.match(/[^\s]+/g) || []).length;
    return plural(n, 'word', 'words');
  }

  // The explicit filters of a state, each with a label and the state without it.
  function filterList(st) {
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

  // --- timeline ----------------------------------------------------------------------------------
  let timelineData = [];
  function monthIndex(period) { return +period.slice(0, 4) * 12 + (+period.slice(5, 7) - 1); }
  function periodOf(idx) {
    const y = Math.floor(idx / 12), m = idx % 12 + 1;
    return `${y}-${String(m).padStart(2, '0')}`;
  }

  function timelineBuckets(timeline) {
    const rows = timeline.filter((b) => /^\d{4}-\d{2}$/.test(b.period) && b.count > 0);
    if (!rows.length) return null;
    const idx = rows.map((b) => monthIndex(b.period));
    let lo = Math.min(...idx), hi = Math.max(...idx);
    const counts = new Map(rows.map((b) => [monthIndex(b.period), b.count]));
    if (hi - lo + 1 > 72) {
      // Per year over long ranges.
      const years = new Map();
      for (const [i, c] of counts) years.set(Math.floor(i / 12), (years.get(Math.floor(i / 12)) || 0) + c);
      const y0 = Math.floor(lo / 12), y1 = Math.floor(hi / 12);
      const out = [];
      for (let y = y0; y <= y1; y++) out.push({ period: String(y), label: String(y), count: years.get(y) || 0, year: y });
      return { unit: 'year', buckets: out };
    }
    // At least a year's width, so one month does not fill the strip.
    if (hi - lo < 11) {
      const pad = 11 - (hi - lo);
      lo -= Math.floor(pad / 2);
      hi += Math.ceil(pad / 2);
    }
    const out = [];
    for (let i = lo; i <= hi; i++) {
      const period = periodOf(i);
      out.push({ period, label: formatDate(period), count: counts.get(i) || 0, year: Math.floor(i / 12),
        month: i % 12 });
    }
    return { unit: 'month', buckets: out };
  }

  function inSelectedRange(st, b) {
    if (!st.from && !st.to) return false;
    const lo = lowKey(b.period), hi = highKey(b.period);
    const a = st.from ? lowKey(st.from) : '00000000', z = st.to ? highKey(st.to) : '99999999';
    return hi >= a && lo <= z;
  }

  function renderTimeline(st, timeline) {
    timelineData = timeline;
    drawTimeline(st);
  }

  function drawTimeline(st) {
    const box = $('timeline');
    const model = timelineBuckets(timelineData);
    const hadFocus = box.contains(document.activeElement);
    box.replaceChildren();
    if (!model) {
      box.classList.add('empty');
      return;
    }
    box.classList.remove('empty');
    const buckets = model.buckets;
    const width = Math.max(260, Math.floor(box.clientWidth || 600));
    const barsH = 64, tickH = 18, height = barsH + tickH;
    const n = buckets.length;
    const step = width / n;
    const max = Math.max(...buckets.map((b) => b.count));
    const anySel = !!(st.from || st.to);
    const svg = s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'timeline-svg',
      role: 'group', 'aria-label': `Matches per ${model.unit}; click a bar to keep only that ${model.unit}, drag to choose a period` });
    const bars = [];
    let focusIdx = buckets.findIndex((b) => anySel && inSelectedRange(st, b));
    if (focusIdx < 0) focusIdx = buckets.length - 1;
    buckets.forEach((b, i) => {
      const x = i * step;
      const bh = b.count ? Math.max(2, Math.round((b.count / max) * (barsH - 4))) : 0;
      const bw = Math.min(28, Math.max(1, step - (step > 4 ? 1 : 0)));  // calm, not slabs
      const what = `${b.label}: ${plural(b.count, 'readout', 'readouts')}`;
      const g = s('g', { class: 'bar' + (anySel ? (inSelectedRange(st, b) ? ' selected' : ' dim') : '') +
        (b.count ? '' : ' zero'), tabindex: i === focusIdx ? 0 : -1, role: 'button',
      'aria-label': what, 'data-i': i },
      s('title', null, what),
      s('rect', { class: 'hit', x: x.toFixed(2), y: 0, width: step.toFixed(2), height: barsH }),
      s('rect', { class: 'fill', x: (x + (step - bw) / 2).toFixed(2), y: barsH - bh, width: bw.toFixed(2), height: bh }));
      bars.push(g);
      svg.appendChild(g);
    });
    // Year ticks.
    const ticks = s('g', { class: 'ticks', 'aria-hidden': 'true' });
    svg.appendChild(s('line', { class: 'axis', x1: 0, x2: width, y1: barsH + 0.5, y2: barsH + 0.5 }));
    const yearStarts = [];
    buckets.forEach((b, i) => { if (model.unit === 'year' || b.month === 0 || i === 0) yearStarts.push(i); });
    const minGap = 34;
    let lastX = -Infinity;
    for (const i of yearStarts) {
      const b = buckets[i];
      const x = model.unit === 'year' ? i * step + step / 2 : i * step;
      // The first bar's year, when it starts mid-year, only if the next January is far enough.
      if (model.unit === 'month' && i === 0 && b.month !== 0) {
        const nextJan = buckets.findIndex((c) => c.month === 0);
        if (nextJan >= 0 && nextJan * step < minGap + 12) continue;
      }
      if (x - lastX < minGap) continue;
      lastX = x;
      if (model.unit === 'month') ticks.appendChild(s('line', { x1: x.toFixed(1), x2: x.toFixed(1), y1: barsH, y2: barsH + 4 }));
      ticks.appendChild(s('text', { x: (model.unit === 'year' ? x : x + 2).toFixed(1), y: barsH + 15,
        'text-anchor': model.unit === 'year' ? 'middle' : 'start' }, String(b.year)));
    }
    svg.appendChild(ticks);
    box.appendChild(svg);
    if (hadFocus) bars[focusIdx].focus();

    // Pointer: click one bar, or drag across bars to choose a period.
    let dragFrom = -1, dragTo = -1;
    const indexAt = (evt) => {
      const r = svg.getBoundingClientRect();
      return Math.min(n - 1, Math.max(0, Math.floor(((evt.clientX - r.left) / r.width) * n)));
    };
    const mark = () => {
      const a = Math.min(dragFrom, dragTo), z = Math.max(dragFrom, dragTo);
      bars.forEach((g, i) => g.classList.toggle('dragging', dragFrom >= 0 && i >= a && i <= z));
    };
    svg.addEventListener('pointerdown', (evt) => {
      if (evt.button !== 0) return;
      dragFrom = dragTo = indexAt(evt);
      try { svg.setPointerCapture(evt.pointerId); } catch (e) { /* ignore */ }
      mark();
      evt.preventDefault();
    });
    svg.addEventListener('pointermove', (evt) => {
      if (dragFrom < 0) return;
      const i = indexAt(evt);
      if (i !== dragTo) { dragTo = i; mark(); }
    });
    const finish = (evt, cancel) => {
      if (dragFrom < 0) return;
      const a = Math.min(dragFrom, dragTo), z = Math.max(dragFrom, dragTo);
      dragFrom = dragTo = -1;
      mark();
      if (!cancel) selectPeriod(buckets[a].period, buckets[z].period);
    };
    svg.addEventListener('pointerup', (evt) => finish(evt, false));
    svg.addEventListener('pointercancel', (evt) => finish(evt, true));
    // Keyboard: one Tab stop; arrows move between bars; Enter or Space chooses.
    svg.addEventListener('keydown', (evt) => {
      const g = evt.target.closest && evt.target.closest('g.bar');
      if (!g) return;
      const i = +g.getAttribute('data-i');
      let j = i;
      if (evt.key === 'ArrowRight') j = Math.min(n - 1, i + 1);
      else if (evt.key === 'ArrowLeft') j = Math.max(0, i - 1);
      else if (evt.key === 'Home') j = 0;
      else if (evt.key === 'End') j = n - 1;
      else if (evt.key === 'Enter' || evt.key === ' ') {
        evt.preventDefault();
        selectPeriod(buckets[i].period, buckets[i].period);
        return;
      } else return;
      evt.preventDefault();
      bars[i].setAttribute('tabindex', '-1');
      bars[j].setAttribute('tabindex', '0');
      bars[j].focus();
    });
  }

  function selectPeriod(a, z) {
    const st = state;
    if (st.from === a && st.to === z) go(withChanges(st, { from: '', to: '' }));
    else go(withChanges(st, { from: a, to: z }));
  }

  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { if (!$('search-view').hidden) drawTimeline(state); }, 100);
  });

  // --- facets ------------------------------------------------------------------------------------
  const expandedFacets = new Set();
  const FACETS = [
    { key: 'speaker', title: 'Speaker', param: 'speaker' },
    { key: 'topic', title: 'Topic', param: 'topic' },
    { key: 'year', title: 'Year', param: null },
    { key: 'source', title: 'Source', param: 'source' },
    { key: 'language', title: 'Language', param: 'lang' },
  ];

  function renderFacets(st, facets) {
    const box = $('facets');
    const active = document.activeElement;
    const activeKey = active && active.dataset ? active.dataset.facet : null;
    box.replaceChildren();
    let refocus = null;
    for (const f of FACETS) {
      const values = (facets[f.key] || []).filter((v) => v && v.value !== undefined && v.value !== '');
      if (f.key === 'topic') for (const v of values) if (v.label) topicLabels[v.value] = v.label;
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
            renderFacets(state, lastData ? lastData.facets || {} : facets);
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
    const st = state;
    if (!f.param) {  // year: a date range
      go(on ? withChanges(st, { from: value, to: value }) : withChanges(st, { from: '', to: '' }));
      return;
    }
    const list = st[f.param].filter((v) => v !== value);
    if (on) list.push(value);
    go(withChanges(st, { [f.param]: list }));
  }

  // --- summary, notices, results, pager ----------------------------------------------------------
  function tookLabel(ms) {
    if (typeof ms !== 'number' || !isFinite(ms)) return '';
    return ms < 1 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
  }
  function renderSummary(st, data) {
    const total = data.total || 0;
    const count = (data.total_exact === false ? 'about ' : '') + plural(total, 'readout', 'readouts');
    const parts = [count, tookLabel(data.took_ms)].filter(Boolean);
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

  function suggestionLink(st, data) {
    if (!data.suggestion) return null;
    const q = rebuildQuery(data.interpreted || {}, { replaceText: data.suggestion });
    return h('p', { class: 'suggestion' }, 'Did you mean ',
      h('a', { href: searchUrl(withChanges(st, { q })), 'data-nav': '', class: 'suggest' }, q), '?');
  }

  function renderNotice(st, data) {
    const box = $('notice');
    box.replaceChildren();
    if (isBlank(st)) {
      box.appendChild(introBlock());
      return;
    }
    const total = data.total || 0;
    if (total === 0) {
      const drops = [];
      if (st.pasted) drops.push(h('li', null, h('button', { type: 'button', class: 'link-button',
        onclick: () => { paste.close(); go(withChanges(st, { pasted: '' })); } }, 'drop the pasted text')));
      if (st.q.trim() && !st.pasted) drops.push(h('li', null, h('button', { type: 'button', class: 'link-button',
        onclick: () => go(withChanges(st, { q: '', literal: false })) }, `drop the words “${st.q}”`)));
      const inter = data.interpreted || {};
      if (st.q.trim() && !st.literal && ((inter.speakers || []).length || inter.from || inter.to)) {
        drops.push(h('li', null, h('a', { href: searchUrl(withChanges(st, { literal: true })), 'data-nav': '' },
          'search these words literally')));
      }
      for (const f of filterList(st)) {
        drops.push(h('li', null, h('button', { type: 'button', class: 'link-button',
          onclick: () => go(f.drop()) }, `drop the ${f.kind} filter “${f.label}”`)));
      }
      box.appendChild(h('div', { class: 'empty-results', role: 'status' },
        h('h2', null, 'No readouts match.'),
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

  function renderResults(results) {
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

  function renderPager(st, data) {
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

  function renderError(st, err) {
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
          paste.open(st.pasted);
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
        : h('p', null, h('button', { type: 'button', onclick: () => runSearch(state, { force: true }) }, 'Try again'))));
  }

  // ---------------------------------------------------------------------------------------------
  // Article view.
  let articleController = null;
  let cameFromSearch = false;

  function showSearchView() {
    $('search-view').hidden = false;
    $('article-view').hidden = true;
    document.body.classList.remove('article-page');
  }

  // Shows the article view (an article or an event) loading, and loads `url` into it: the answer,
  // or null when it failed (the view then says so) or a newer load took over.
  async function loadIntoArticleView(url, what) {
    $('search-view').hidden = true;
    $('article-view').hidden = false;
    document.body.classList.add('article-page');
    const box = $('article');
    box.replaceChildren(h('p', { class: 'loading-note' }, 'Loading…'));
    const back = $('back-link');
    back.setAttribute('href', lastSearchUrl || '/');
    back.textContent = lastSearchUrl && lastSearchUrl !== '/' ? '← Back to results' : '← Search';
    if (articleController) articleController.abort();
    const controller = new AbortController();
    articleController = controller;
    window.scrollTo(0, 0);
    let answer;
    try {
      answer = await getJSON(url, controller.signal);
    } catch (e) {
      if (e && e.name === 'AbortError') return null;
      box.replaceChildren(h('div', { class: 'error-box', role: 'alert' },
        h('h1', null, e instanceof ApiError && e.status === 404 ? `No such ${what}` : `The ${what} could not be loaded`),
        h('p', null, e instanceof ApiError ? e.message : String(e)),
        h('p', null, h('a', { href: '/', 'data-nav': '' }, 'Search the archive'))));
      document.title = 'Not found – readouts';
      return null;
    }
    return controller === articleController ? { answer, controller } : null;
  }

  async function showArticle(id) {
    const loaded = await loadIntoArticleView(`/api/articles/${encodeURIComponent(id)}`, 'readout');
    if (!loaded) return;
    const { answer: a, controller } = loaded;
    renderArticle(a);
    $('article-main').focus({ preventScroll: true });
    if (a.event) loadEventAccounts(a, controller);
    loadSimilar(a.id || id, controller);
  }

  const eventUi = () => ({ h, formatDate, formatDateLong, topicLabel, langLabel, speakerTag });

  // The other accounts of the article's event, before similar readouts.
  async function loadEventAccounts(a, controller) {
    let ev;
    try {
      ev = await getJSON(`/api/events/${encodeURIComponent(a.event)}`, controller.signal);
    } catch (e) {
      return;  // the article reads fine without it
    }
    if (controller !== articleController) return;
    const similar = document.querySelector('#article .similar');
    const section = eventAccountsSection(ev, a.id, eventUi());
    if (similar) similar.before(section);
    else $('article').appendChild(section);
  }

  // An event: the two governments' accounts side by side (web/event_view.js).
  async function showEvent(id) {
    const loaded = await loadIntoArticleView(`/api/events/${encodeURIComponent(id)}`, 'event');
    if (!loaded) return;
    const box = $('article');
    box.classList.add('event');
    renderEvent(box, loaded.answer, eventUi());
    $('article-main').focus({ preventScroll: true });
  }

  function renderArticle(a) {
    const box = $('article');
    box.classList.remove('event');
    const lang = a.language || null;
    document.title = `${a.title || 'Untitled readout'} – readouts`;
    const source = a.source || (a.url ? new URL(a.url, location.href).hostname : 'unknown source');
    const safeUrl = httpUrl(a.url);
    const meta = h('p', { class: 'a-meta' },
      h('time', { datetime: a.date || null }, formatDateLong(a.date) || 'undated'),
      a.date && a.date_precision && a.date_precision !== 'day' ? h('span', { class: 'precision' }, ` (${a.date_precision} known)`) : null,
      ' · ',
      safeUrl ? h('a', { href: safeUrl, rel: 'noopener noreferrer nofollow', class: 'source-link' }, source) : h('span', null, source),
      a.language ? [' · ', h('span', null, langLabel(a.language))] : null);
    const speakers = (a.speakers || []).length
      ? h('p', { class: 'a-people' }, h('span', { class: 'label' }, 'Speakers '), a.speakers.map((sp) => speakerTag(sp)))
      : null;
    const mentions = (a.mentions || []).filter((m) => !(a.speakers || []).includes(m));
    const mentioned = mentions.length
      ? h('p', { class: 'a-people' }, h('span', { class: 'label' }, 'Mentioned '), mentions.map((m) => speakerTag(m, 'mention')))
      : null;
    const topics = (a.topics || []).length
      ? h('p', { class: 'a-topics' }, h('span', { class: 'label' }, 'Topics '),
        a.topics.map((t) => h('a', { class: 'tag topic', href: searchUrl(withChanges(blankState(), { topic: [t] })), 'data-nav': '' }, topicLabel(t))))
      : null;

    const passages = h('div', { class: 'passages', lang });
    let prev = undefined;
    for (const p of a.passages || []) {
      const sp = p.speaker || null;
      const side = sp ? sideOf(sp) : 'none';
      passages.appendChild(h('div', { class: `passage side-${side}${sp && sp === prev ? ' same' : ''}` },
        h('div', { class: 'who', lang: 'en' }, sp ? h('span', { class: `who-name side-${side}` }, sp) : null),
        h('p', { class: 'text' }, p.text || '')));
      prev = sp;
    }
    if (!(a.passages || []).length) passages.appendChild(h('p', { class: 'text' }, '(no text)'));

    const permalink = `${location.origin}/article/${encodeURIComponent(a.id)}`;
    const retrieved = new Date().toISOString().slice(0, 10);
    const citeText = [
      `“${a.title || 'Untitled'}.”`,
      source ? `${source},` : '',
      a.date ? `${formatDateLong(a.date)}.` : 'Undated.',
      a.url ? `${a.url}.` : '',
      `Retrieved ${formatDateLong(retrieved)} from ${permalink}.`,
    ].filter(Boolean).join(' ');
    const citeP = h('p', { class: 'cite-text', id: 'cite-text' }, citeText);
    const copyStatus = h('span', { class: 'copy-status', role: 'status' });
    const cite = h('section', { class: 'cite', 'aria-labelledby': 'cite-title' },
      h('h2', { id: 'cite-title' }, 'Cite'),
      h('dl', null,
        h('dt', null, 'Title'), h('dd', { lang }, a.title || 'Untitled'),
        h('dt', null, 'Source'), h('dd', null, source),
        h('dt', null, 'Date'), h('dd', null, a.date || 'undated'),
        a.url ? [h('dt', null, 'URL'), h('dd', null, safeUrl ? h('a', { href: safeUrl, rel: 'noopener noreferrer nofollow' }, a.url) : a.url)] : null,
        h('dt', null, 'Retrieved'), h('dd', null, retrieved),
        h('dt', null, 'Permalink'), h('dd', null, h('a', { href: permalink, class: 'permalink' }, permalink))),
      citeP,
      h('button', { type: 'button', class: 'copy', onclick: () => copyText(citeText, copyStatus) }, 'Copy citation'), ' ',
      copyStatus);

    box.replaceChildren(
      h('header', { class: 'a-head' },
        h('h1', { lang, class: 'a-title' }, a.title || 'Untitled readout'),
        meta, topics, speakers, mentioned),
      passages,
      cite,
      h('section', { class: 'similar', 'aria-labelledby': 'similar-title' },
        h('h2', { id: 'similar-title' }, 'Similar readouts'),
        h('ol', { id: 'similar-list', class: 'similar-list' }, h('li', { class: 'loading-note' }, 'Looking…'))));
  }

  function httpUrl(u) {
    if (!u) return null;
    try {
      const url = new URL(u);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) { return null; }
  }

  async function copyText(text, status) {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied.';
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents($('cite-text'));
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      status.textContent = 'Selected: press Ctrl+C to copy.';
    }
  }

  async function loadSimilar(id, controller) {
    let data;
    try {
      data = await getJSON(`/api/articles/${encodeURIComponent(id)}/similar`, controller.signal);
    } catch (e) {
      if (e && e.name === 'AbortError') return;
      const list = $('similar-list');
      if (list) list.replaceChildren(h('li', { class: 'muted' }, 'Similar readouts could not be loaded.'));
      return;
    }
    if (controller !== articleController) return;
    const list = $('similar-list');
    if (!list) return;
    const results = (data.results || []).filter((r) => r.id !== id);
    if (!results.length) {
      list.replaceChildren(h('li', { class: 'muted' }, 'None found.'));
      return;
    }
    list.replaceChildren(...results.map((r) => h('li', null,
      h('a', { href: `/article/${encodeURIComponent(r.id)}`, 'data-nav': '', lang: r.language || null }, r.title || '(untitled)'),
      h('span', { class: 'muted' }, ` · ${formatDate(r.date)}${r.source ? ' · ' + r.source : ''}`),
      (r.speakers || []).length ? h('span', { class: 'similar-people' }, ' ', r.speakers.map((sp) => speakerTag(sp))) : null)));
  }

  // ---------------------------------------------------------------------------------------------
  // Routing and controls.
  let lastSearchUrl = '';

  function route() {
    const path = location.pathname;
    const ev = /^\/event\/([^/]+)$/.exec(path);
    if (ev) {
      let id;
      try { id = decodeURIComponent(ev[1]); } catch (e) { id = ev[1]; }
      if (searchController) searchController.abort();
      showEvent(id);
      return;
    }
    const m = /^\/article\/([^/]+)$/.exec(path);
    if (m) {
      let id;
      try { id = decodeURIComponent(m[1]); } catch (e) { id = m[1]; }
      if (searchController) searchController.abort();
      showArticle(id);
      return;
    }
    if (articleController) { articleController.abort(); articleController = null; }
    state = stateFromSearch(location.search);
    state.pasted = currentPasted();
    if (state.pasted) paste.open(state.pasted);
    lastSearchUrl = searchUrl(state);
    showSearchView();
    syncControls(state);
    runSearch(state);
  }

  function syncControls(st) {
    const q = $('q');
    if (q.value !== st.q) q.value = st.q;
    q.placeholder = st.pasted ? 'Searching the pasted text; type here to search words instead'
      : 'Search readouts: Taiwan, Xi, 2025 (press / to focus)';
    $('from').value = st.from;
    $('to').value = st.to;
    $('dates-error').textContent = '';
    $('sort').value = effectiveSort(st);
    $('group-events').checked = st.group === 'event';
    lastSearchUrl = searchUrl(st);
    const n = filterList(st).length;
    $('filters-toggle').textContent = n ? `Filters (${n})` : 'Filters';
  }

  function onTyping() {
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => {
      const q = $('q').value;
      if (q === state.q) return;
      state = withChanges(state, { q, pasted: '' });
      liveReplace(state);
      lastSearchUrl = searchUrl(state);
      showSearchView();
      runSearch(state);
    }, DEBOUNCE_MS);
  }

  let paste = null;
  function init() {
    const q = $('q');
    paste = setupPaste({
      onSearch: (text) => {
        $('q').value = '';
        go(withChanges(state, { q: '', pasted: text, literal: false }));
      },
      onStop: () => { if (state.pasted) go(withChanges(state, { pasted: '' })); },
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
      const st = withChanges(state, { q: q.value, pasted: '' });
      if (!$('article-view').hidden) { go(st); return; }
      state = st;
      commit(st);
      lastSearchUrl = searchUrl(st);
      runSearch(st);
    });
    $('sort').addEventListener('change', (evt) => go(withChanges(state, { sort: evt.target.value })));
    $('group-events').addEventListener('change', (evt) =>
      go(withChanges(state, { group: evt.target.checked ? 'event' : '' })));
    $('dates').addEventListener('submit', (evt) => { evt.preventDefault(); applyDates(); });
    for (const id of ['from', 'to']) $(id).addEventListener('change', () => applyDates());
    $('dates-clear').addEventListener('click', () => go(withChanges(state, { from: '', to: '' })));
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
      cameFromSearch = !$('search-view').hidden && (url.pathname.startsWith('/article/') || url.pathname.startsWith('/event/'));
      const inPager = !!a.closest('#pager');
      navigate(url.pathname + url.search, inPager ? state.pasted : '');
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
      typingBase = null;
      typingBaseState = null;
      clearTimeout(debounceTimer);
      cameFromSearch = false;
      route();
    });

    route();
    if ($('article-view').hidden) q.focus();
  }

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
    if (from === state.from && to === state.to) return;
    go(withChanges(state, { from, to }));
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
