// The trends view: matches per year or month of the search and up to 5 compared queries (GET /api/trends), its controls, a click on a point to see that period's readouts, and the chart's downloads.
import { downloadPng, downloadSvg } from './chart_download.js';
import { $, h } from './dom.js';
import { actions } from './page_state.js';
import { paneLoader } from './pane_loader.js';
import { LIST_KEYS, MAX_COMPARE, TREND_SPLITS, stateParams, withChanges } from './search_state.js';
import { buildChart, fillPeriods } from './trends_chart.js';

const SPLIT_LABELS = { none: 'no split', speaker: 'speaker', side: 'side (whose account)', topic: 'topic', source: 'source', language: 'language' };
// The search filter a split value becomes when its point is clicked.
const SPLIT_FILTER = { speaker: 'speaker', topic: 'topic', source: 'source', language: 'lang' };

const loader = paneLoader();

// The /api/trends request of a state: one q per series (the search's own first), its filters.
export function trendsUrl(st) {
  const base = stateParams(st);
  const p = new URLSearchParams();
  p.append('q', st.q.trim());
  for (const v of st.vs) p.append('q', v);
  for (const [k, v] of base) if (k === 'from' || k === 'to' || k === 'literal' || LIST_KEYS.includes(k)) p.append(k, v);
  p.set('by', st.by);
  if (st.split !== 'none') p.set('split', st.split);
  if (st.norm) p.set('normalize', '1');
  return `/api/trends?${p.toString()}`;
}

export async function showTrends(st) {
  const pane = $('trends-pane');
  if (st.pasted) {
    loader.reset();
    pane.replaceChildren(h('p', { class: 'trends-empty' },
      'Trends count typed words: type them in the search box (pasted text finds similar readouts only).'));
    return;
  }
  const url = trendsUrl(st);
  await loader.load(pane, url, (data) => draw(st, data),
    (message) => pane.replaceChildren(controls(st), h('p', { class: 'trends-error', role: 'alert' }, message)),
    'The trends could not be loaded.');
}

function seriesList(st) {
  const items = [h('li', { class: 'trends-own' }, st.q.trim() || 'all readouts', h('span', { class: 'muted' }, ' (this search)'))];
  st.vs.forEach((v, i) => items.push(h('li', null, v, ' ',
    h('button', { type: 'button', class: 'link-button trends-remove', 'aria-label': `Stop comparing ${v}`,
      onclick: () => actions.go(withChanges(st, { vs: st.vs.filter((_, j) => j !== i) })) }, '×'))));
  const input = h('input', { id: 'trends-add-q', type: 'text', maxlength: 200, placeholder: 'another word or phrase',
    'aria-label': 'Compare with another query', disabled: st.vs.length >= MAX_COMPARE });
  const form = h('form', { class: 'trends-add', autocomplete: 'off', onsubmit: (evt) => {
    evt.preventDefault();
    const v = input.value.trim();
    if (!v || st.vs.includes(v) || st.vs.length >= MAX_COMPARE) return;
    actions.go(withChanges(st, { vs: [...st.vs, v] }));
  } }, input, h('button', { type: 'submit', disabled: st.vs.length >= MAX_COMPARE }, 'Compare'));
  return h('div', { class: 'trends-series' }, h('ol', { class: 'trends-list' }, items), form);
}

function controls(st) {
  const select = (id, label, value, options, key, cast = (x) => x) => h('label', null, label + ' ',
    h('select', { id, onchange: (evt) => actions.go(withChanges(st, { [key]: cast(evt.target.value) })) },
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
  return h('div', { class: 'trends-controls' },
    seriesList(st),
    h('div', { class: 'trends-options' },
      select('trends-by', 'Per', st.by, [['year', 'year'], ['month', 'month']], 'by'),
      select('trends-split', 'Split by', st.split, TREND_SPLITS.map((k) => [k, SPLIT_LABELS[k]]), 'split'),
      select('trends-kind', 'Draw', st.chart, [['line', 'lines'], ['bar', 'bars']], 'chart'),
      h('label', null, h('input', { type: 'checkbox', id: 'trends-norm', checked: st.norm,
        onchange: (evt) => actions.go(withChanges(st, { norm: evt.target.checked })) }), ' per 1,000 readouts')));
}

// Clicking a point: the results of its series' search in its period (and split value).
function pick(st, serie, period) {
  const changes = { tab: '', q: serie.q || '', from: period, to: period };
  const key = SPLIT_FILTER[st.split];
  if (key && serie.split_value) changes[key] = [serie.split_value];
  if (st.split === 'side' && serie.sources) changes.source = serie.sources;  // the side's outlets
  actions.go(withChanges(st, changes));
}

function draw(st, data) {
  const pane = $('trends-pane');
  const series = data.series || [];
  const periods = fillPeriods(data.periods || [], data.by);
  const readout = h('p', { id: 'trends-readout', class: 'trends-readout', 'aria-live': 'polite' }, '\u00a0');
  const parts = [controls(st)];
  if (!periods.length) {
    parts.push(h('p', { class: 'trends-empty' }, 'No dated readouts match: there is nothing to draw.'));
    pane.replaceChildren(...parts);
    return;
  }
  const model = {
    periods, normalize: !!data.normalize, kind: st.chart, width: (pane.clientWidth || 720) - 2,
    series: series.map((se) => ({ q: se.q, label: se.label, total: se.total,
      values: new Map((se.points || []).map((p) => [p.period, p])) })),
  };
  const svg = buildChart(model, {
    onPick: (k, period) => pick(st, series[k], period),
    onHover: (text) => { readout.textContent = text || '\u00a0'; },
  });
  const name = `readouts-trends-${(st.q.trim() || 'all').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40)}`;
  const error = h('p', { class: 'field-error', role: 'alert' });
  const downloads = h('p', { class: 'trends-downloads' },
    h('button', { type: 'button', id: 'trends-svg', onclick: () => downloadSvg(svg, `${name}.svg`) }, 'Download SVG'), ' ',
    h('button', { type: 'button', id: 'trends-png', onclick: () => downloadPng(svg, `${name}.png`).catch((e) => { error.textContent = e.message; }) }, 'Download PNG'),
    error);
  const note = data.normalize ? 'Per 1,000 readouts of each period in the whole archive.' : 'Readouts that match, per period.';
  parts.push(h('div', { id: 'trends-chart', class: 'trends-chart' }, svg), readout,
    h('p', { class: 'trends-note muted' }, `${note} Click a point to read its readouts.`), downloads);
  pane.replaceChildren(...parts);
}
