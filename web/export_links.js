// The results page's ways out: export links (CSV, JSON Lines, BibTeX, RIS, CSL-JSON) and the Atom feed of the search.
import { $, h } from './dom.js';
import { effectiveSort, stateParams } from './search_state.js';

const EXPORT_LIMIT = 10000;  // GET /api/export refuses more (docs/api.md)
const FORMATS = [
  ['csv', 'CSV', { bom: '1' }],
  ['jsonl', 'JSON Lines', {}],
  ['bibtex', 'BibTeX', {}],
  ['ris', 'RIS', {}],
  ['csl', 'CSL-JSON', {}],
];

// The search's parameters without paging (an export holds every page; a feed is its newest).
function searchParams(st) {
  const p = stateParams(st);
  p.delete('page');
  p.delete('sort');
  return p;
}

export function feedUrl(st) {
  const qs = searchParams(st).toString();
  return qs ? `/feed?${qs}` : '/feed';
}

export function exportUrl(st, format, extra = {}) {
  const p = searchParams(st);
  const sort = effectiveSort(st);
  if (sort !== 'relevance') p.set('sort', sort);
  p.set('format', format);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return `/api/export?${p.toString()}`;
}

// Draws the links for a search's answer; none for pasted text (too long for a URL) or events.
export function renderExportLinks(st, data) {
  const box = $('export-links');
  const feed = document.getElementById('feed-link');
  if (feed) feed.href = st.pasted ? '/feed' : feedUrl(st);
  if (st.view === 'events' || st.pasted) {
    box.replaceChildren();
    return;
  }
  const total = data.total || 0;
  const parts = [];
  if (total > EXPORT_LIMIT || data.total_exact === false) {
    parts.push(h('span', { class: 'muted' },
      `Export: narrow the search to ${EXPORT_LIMIT.toLocaleString('en')} readouts or fewer`));
  } else if (total > 0) {
    parts.push('Export ');
    FORMATS.forEach(([format, label, extra], i) => {
      if (i > 0) parts.push(' · ');
      parts.push(h('a', { href: exportUrl(st, format, extra), download: '', 'data-export': format }, label));
    });
  }
  if (parts.length) parts.push(' · ');
  parts.push(h('a', { href: feedUrl(st), type: 'application/atom+xml', 'data-feed': '' }, 'Atom feed'));
  box.replaceChildren(...parts);
}
