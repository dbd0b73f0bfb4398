// Running a search (of readouts or events): one request at a time, the busy indicator, drawing every part of the answer.
import { getJSON, loadStats } from './api.js';
import { renderChips } from './chips.js';
import { $ } from './dom.js';
import { renderEventList } from './event_list.js';
import { renderExportLinks } from './export_links.js';
import { renderFacets } from './facets.js';
import { renderError, renderNotice } from './notices.js';
import { page } from './page_state.js';
import { renderPager, renderResults, renderSummary } from './results.js';
import { apiSearchRequest, isBlank, itemNouns } from './search_state.js';
import { renderTabs } from './tabs.js';
import { renderTimeline } from './timeline.js';

const SLOW_MS = 400;           // show "searching…" after this long
const VERY_SLOW_MS = 3000;     // and say the server is slow after this long

let searchController = null;
let searchSeq = 0;
let lastSearchKey = '';
let slowTimers = [];

function setBusy(level) {
  const busy = $('busy');
  document.body.classList.toggle('loading', level > 0);
  busy.textContent = level === 2 ? 'Still searching: the server is slow…'
    : level === 1 ? 'Searching…' : '';
  busy.classList.toggle('slow', level === 2);
}

// Runs the search of a state and draws the answer; the same request again redraws the last answer
// unless `force`.
export async function runSearch(st, { force = false } = {}) {
  const req = apiSearchRequest(st);
  if (!force && req.key === lastSearchKey && page.lastData) {
    render(st, page.lastData);
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
    page.lastData = data;
    lastSearchKey = req.key;
    render(st, data);
  } catch (e) {
    if (e && e.name === 'AbortError') return;
    if (seq !== searchSeq) return;
    page.lastData = null;
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
  const events = st.view === 'events';
  renderChips(st, data.interpreted);
  renderTimeline(st, (events ? data.event_timeline : data.timeline) || [], itemNouns(st));
  renderFacets(st, data.facets || {});
  renderSummary(st, data);
  renderNotice(st, data);
  if (events) renderEventList(data.events || [], !!st.q.trim());
  else renderResults(data.results || []);
  renderPager(st, data);
  renderExportLinks(st, data);
  renderTabs(st);
  if (events) document.title = st.q ? `${st.q} – events – readouts` : 'Events – readouts';
  else {
    document.title = st.pasted ? 'Pasted text – readouts'
      : st.q ? `${st.q} – readouts` : 'readouts: China–US diplomatic readouts';
  }
}

// Leaving the results for an article: the search under way is no longer wanted.
export function abortSearch() {
  if (searchController) searchController.abort();
}
