// The timeline: matches (readouts or events) per month or year as bars; a click or a drag sets the date filter.
import { $, s } from './dom.js';
import { formatDate, highKey, lowKey, plural } from './format.js';
import { actions, page } from './page_state.js';
import { withChanges } from './search_state.js';

let timelineData = [];
let timelineNouns = ['readout', 'readouts'];  // what a bar counts: [one, many]
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

// Draws the periods and counts of `timeline` ([{period: "YYYY-MM", count}]); `nouns` name what
// they count.
export function renderTimeline(st, timeline, nouns = ['readout', 'readouts']) {
  timelineData = timeline;
  timelineNouns = nouns;
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
  const counted = timelineNouns[0] === 'readout' ? 'Matches' : 'Events';
  const svg = s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'timeline-svg',
    role: 'group', 'aria-label': `${counted} per ${model.unit}; click a bar to keep only that ${model.unit}, drag to choose a period` });
  const bars = [];
  let focusIdx = buckets.findIndex((b) => anySel && inSelectedRange(st, b));
  if (focusIdx < 0) focusIdx = buckets.length - 1;
  buckets.forEach((b, i) => {
    const x = i * step;
    const bh = b.count ? Math.max(2, Math.round((b.count / max) * (barsH - 4))) : 0;
    const bw = Math.min(28, Math.max(1, step - (step > 4 ? 1 : 0)));  // calm, not slabs
    const what = `${b.label}: ${plural(b.count, ...timelineNouns)}`;
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
  const st = page.state;
  if (st.from === a && st.to === z) actions.go(withChanges(st, { from: '', to: '' }));
  else actions.go(withChanges(st, { from: a, to: z }));
}

// A new window width redraws the bars to fill the strip.
let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { if (!$('search-view').hidden) drawTimeline(page.state); }, 100);
});
