// Dates, periods and counts for display, and the checking of typed dates (2025, 2025-06, 2025-06-05).
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

export function formatDate(iso) {
  if (!iso) return 'undated';
  const m = DATE_RE.exec(iso);
  if (!m) return iso;
  if (!m[2]) return m[1];
  const mon = MONTHS[+m[2] - 1] || m[2];
  return m[3] ? `${+m[3]} ${mon} ${m[1]}` : `${mon} ${m[1]}`;
}
export function formatDateLong(iso) {
  const m = iso && DATE_RE.exec(iso);
  if (!m) return iso || '';
  if (!m[2]) return m[1];
  const mon = MONTHS_LONG[+m[2] - 1] || m[2];
  return m[3] ? `${+m[3]} ${mon} ${m[1]}` : `${mon} ${m[1]}`;
}
export function formatNumber(n) { return Number(n || 0).toLocaleString('en-US'); }
export function plural(n, one, many) { return `${formatNumber(n)} ${n === 1 ? one : many}`; }

// "2025-01-01".."2025-12-31" -> "2025"; months and days likewise; else "from – to".
function lastDay(y, m) { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }
export function compactLow(iso) {
  const m = DATE_RE.exec(iso || '');
  if (!m) return iso || '';
  if (m[3] === '01' && m[2] === '01') return m[1];
  if (m[3] === '01') return `${m[1]}-${m[2]}`;
  return iso;
}
export function compactHigh(iso) {
  const m = DATE_RE.exec(iso || '');
  if (!m) return iso || '';
  if (m[2] === '12' && m[3] === '31') return m[1];
  if (m[3] && +m[3] === lastDay(+m[1], +m[2])) return `${m[1]}-${m[2]}`;
  return iso;
}
export function rangeLabel(from, to) {
  if (from && to) {
    const a = compactLow(from), b = compactHigh(to);
    return a === b ? formatDate(a) : `${formatDate(a)} – ${formatDate(b)}`;
  }
  if (from) return `since ${formatDate(compactLow(from))}`;
  if (to) return `until ${formatDate(compactHigh(to))}`;
  return '';
}

export function validDate(v) {
  const m = DATE_RE.exec(v);
  if (!m) return false;
  if (m[2] && (+m[2] < 1 || +m[2] > 12)) return false;
  if (m[3] && (+m[3] < 1 || +m[3] > lastDay(+m[1], +m[2]))) return false;
  return true;
}
// Comparable bounds: "2025" -> 20250101 / 20251231.
export function lowKey(v) { const m = DATE_RE.exec(v); return m ? `${m[1]}${m[2] || '01'}${m[3] || '01'}` : ''; }
export function highKey(v) { const m = DATE_RE.exec(v); return m ? `${m[1]}${m[2] || '12'}${m[3] || '31'}` : ''; }
