// The trends chart: an SVG (built with DOM calls, styled by attributes so that it stands alone when downloaded) of series over periods, as lines or bars.
import { s } from './dom.js';
import { formatNumber } from './format.js';

// Distinct at a glance and at least 4.5:1 on white.
export const SERIES_COLOURS = ['#1d4e89', '#a1251b', '#2e6b30', '#7a4a00', '#6a3d8f', '#00647a'];
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif';

function monthIndex(p) { return +p.slice(0, 4) * 12 + (+p.slice(5, 7) - 1); }
function monthOf(i) { return `${Math.floor(i / 12)}-${String(i % 12 + 1).padStart(2, '0')}`; }

// Every period from the first to the last (the API leaves out periods without matches), when
// there are not too many; else just those given.
export function fillPeriods(periods, by) {
  if (periods.length < 2) return periods.slice();
  if (by === 'year') {
    const a = +periods[0], b = +periods[periods.length - 1];
    if (b - a > 200) return periods.slice();
    const out = [];
    for (let y = a; y <= b; y++) out.push(String(y));
    return out;
  }
  const a = monthIndex(periods[0]), b = monthIndex(periods[periods.length - 1]);
  if (b - a > 240) return periods.slice();
  const out = [];
  for (let i = a; i <= b; i++) out.push(monthOf(i));
  return out;
}

// Round steps for the value axis: about four ticks from 0 to at least max (whole steps for counts).
function ticksFor(max, whole) {
  if (!(max > 0)) return [0, 1];
  const raw = max / 4;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  let step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((x) => x >= raw);
  if (whole) step = Math.max(1, Math.ceil(step));
  const out = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(+v.toFixed(6));
  return out;
}

// Draws the chart. model: { periods, series: [{label, values: Map(period -> {count, per_1000})}],
// normalize, kind: 'line'|'bar', width }. onPick(seriesIndex, period) on a click or Enter on a
// point; onHover(text) when one is pointed at or focused ('' when left).
export function buildChart(model, { onPick, onHover }) {
  const { periods, series, normalize, kind } = model;
  const width = Math.max(320, Math.floor(model.width || 720));
  const legendRows = Math.ceil(series.length / 2);
  const m = { left: 52, right: 16, top: 14, bottom: 34 + legendRows * 20 };
  const plotH = 240;
  const height = m.top + plotH + m.bottom;
  const plotW = width - m.left - m.right;
  const valueOf = (v) => (v ? (normalize ? v.per_1000 || 0 : v.count) : 0);
  let max = 0;
  for (const se of series) for (const p of periods) max = Math.max(max, valueOf(se.values.get(p)));
  const ticks = ticksFor(max, !normalize);
  const top = ticks[ticks.length - 1] || 1;
  const y = (v) => m.top + plotH - (v / top) * plotH;
  const band = plotW / Math.max(1, periods.length);
  const xMid = (i) => m.left + band * i + band / 2;
  const unit = normalize ? 'per 1,000 readouts' : 'matching readouts';

  const svg = s('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`,
    class: 'trends-svg', role: 'group', 'font-family': FONT, 'font-size': 12,
    'aria-label': `Trends chart, ${unit} per period; each point is a button that shows its readouts` });
  svg.appendChild(s('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  // Value axis and grid.
  const grid = s('g', { class: 'grid', 'aria-hidden': 'true' });
  for (const t of ticks) {
    const ty = y(t).toFixed(1);
    grid.appendChild(s('line', { x1: m.left, x2: width - m.right, y1: ty, y2: ty, stroke: t ? '#e4e1da' : '#8c959f', 'stroke-width': 1 }));
    grid.appendChild(s('text', { x: m.left - 6, y: (+ty + 4).toFixed(1), 'text-anchor': 'end', fill: '#57606a' },
      normalize ? String(+t.toFixed(2)) : formatNumber(t)));
  }
  grid.appendChild(s('text', { x: 12, y: m.top + plotH / 2, fill: '#57606a', 'text-anchor': 'middle',
    transform: `rotate(-90 12 ${m.top + plotH / 2})` }, unit));
  svg.appendChild(grid);
  // Period labels, thinned to fit.
  const labels = s('g', { class: 'periods', 'aria-hidden': 'true' });
  const every = Math.max(1, Math.ceil(46 / band));
  periods.forEach((p, i) => {
    if (i % every) return;
    labels.appendChild(s('text', { x: xMid(i).toFixed(1), y: m.top + plotH + 16, 'text-anchor': 'middle', fill: '#57606a' }, p));
  });
  svg.appendChild(labels);

  const points = [];
  series.forEach((se, k) => {
    const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
    const g = s('g', { class: 'series', 'data-series': k });
    if (kind === 'line') {
      const d = periods.map((p, i) => `${i ? 'L' : 'M'}${xMid(i).toFixed(1)},${y(valueOf(se.values.get(p))).toFixed(1)}`).join('');
      g.appendChild(s('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2, 'aria-hidden': 'true' }));
    }
    const bw = Math.max(1, (band * 0.8) / series.length);
    periods.forEach((p, i) => {
      const v = se.values.get(p);
      const value = valueOf(v);
      const count = v ? v.count : 0;
      const what = `${se.label} · ${p}: ${count === 1 ? '1 readout' : `${formatNumber(count)} readouts`}` +
        (normalize ? ` (${(v ? v.per_1000 || 0 : 0).toFixed(1)} per 1,000)` : '');
      const attrs = { class: 'trend-point', tabindex: 0, role: 'button', 'aria-label': what,
        'data-period': p, 'data-series': k, 'data-count': count, fill: colour, cursor: 'pointer' };
      const el = kind === 'line'
        ? s('circle', { ...attrs, cx: xMid(i).toFixed(1), cy: y(value).toFixed(1), r: band < 10 ? 3 : 4.5, stroke: '#ffffff', 'stroke-width': 1 })
        : s('rect', { ...attrs, x: (m.left + band * i + band * 0.1 + bw * k).toFixed(1), y: y(value).toFixed(1),
          width: bw.toFixed(1), height: Math.max(0, m.top + plotH - y(value)).toFixed(1) });
      el.appendChild(s('title', null, what));
      const pick = () => onPick(k, p);
      el.addEventListener('click', pick);
      el.addEventListener('keydown', (evt) => {
        if (evt.key === 'Enter' || evt.key === ' ') { evt.preventDefault(); pick(); }
      });
      for (const on of ['mouseenter', 'focus']) el.addEventListener(on, () => onHover(what));
      for (const off of ['mouseleave', 'blur']) el.addEventListener(off, () => onHover(''));
      g.appendChild(el);
      points.push(el);
    });
    svg.appendChild(g);
  });
  // Legend, two per row, under the period labels.
  const legend = s('g', { class: 'legend' });
  series.forEach((se, k) => {
    const lx = m.left + (k % 2) * (plotW / 2), ly = m.top + plotH + 36 + Math.floor(k / 2) * 20;
    legend.appendChild(s('rect', { x: lx, y: ly - 9, width: 12, height: 12, fill: SERIES_COLOURS[k % SERIES_COLOURS.length] }));
    legend.appendChild(s('text', { x: lx + 18, y: ly + 1, fill: '#1f2328' }, `${se.label} (${formatNumber(se.total)})`));
  });
  svg.appendChild(legend);
  return svg;
}
