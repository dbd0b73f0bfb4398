// The article page: one readout's text by speaker, its citation, the other accounts of its event, similar readouts.
import { getJSON } from './api.js';
import { isCurrentLoad, loadIntoDetailView } from './detail_view.js';
import { $, h } from './dom.js';
import { accountItem, kindLabel, sideLabel } from './event_parts.js';
import { formatDate, formatDateLong } from './format.js';
import { langLabel, sideOf, speakerTag, topicLabel } from './labels.js';
import { blankState, searchUrl, withChanges } from './search_state.js';

// Shows the article page for a readout id (the search view is hidden, not cleared).
export async function showArticle(id) {
  const loaded = await loadIntoDetailView(`/api/articles/${encodeURIComponent(id)}`, 'readout');
  if (!loaded) return;
  const { answer: a, controller } = loaded;
  renderArticle(a);
  $('article-main').focus({ preventScroll: true });
  if (a.event) loadEventAccounts(a, controller);
  loadSimilar(a.id || id, controller);
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
  // The day the database stored it (docs/schema.md); today for articles stored before that was kept.
  const retrieved = /^\d{4}-\d{2}-\d{2}$/.test(a.indexed || '') ? a.indexed : new Date().toISOString().slice(0, 10);
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
  if (!isCurrentLoad(controller)) return;
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

// The other accounts of the article's event, before similar readouts.
async function loadEventAccounts(a, controller) {
  let ev;
  try {
    ev = await getJSON(`/api/events/${encodeURIComponent(a.event)}`, controller.signal);
  } catch (e) {
    return;  // the article reads fine without it
  }
  if (!isCurrentLoad(controller)) return;
  const similar = document.querySelector('#article .similar');
  const section = eventAccountsSection(ev, a.id);
  if (similar) similar.before(section);
  else $('article').appendChild(section);
}

function eventAccountsSection(ev, currentId) {
  const others = (ev.accounts || []).filter((x) => x.id !== currentId);
  return h('section', { class: 'ev-others', 'aria-labelledby': 'ev-others-title' },
    h('h2', { id: 'ev-others-title' }, 'Other accounts of this ', kindLabel(ev.kind).toLowerCase()),
    others.length
      ? h('ul', { class: 'ev-accounts' }, others.map((x) => [accountItem(x), h('span', { class: 'tag' }, sideLabel(x.side))]))
      : h('p', { class: 'muted' }, 'No other account of it is indexed.'),
    h('p', null, h('a', { href: `/event/${encodeURIComponent(ev.id)}`, 'data-nav': '', class: 'ev-compare' },
      'Compare the accounts side by side')));
}
