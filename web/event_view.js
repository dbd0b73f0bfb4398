// The event page (/event/{id}): one exchange's two governments' accounts side by side, aligned by topic.
//
// One call, meeting or round of talks, with what only one side says: renders /api/events/{id} (docs/api.md).
//
// Safety: text from the corpus goes in as text nodes only (dom.js's h never parses markup).
import { loadIntoDetailView } from './detail_view.js';
import { $, h } from './dom.js';
import { accountItem, eventTitle, GOVERNMENTS, sideLabel } from './event_parts.js';
import { formatDateLong } from './format.js';
import { speakerTag, topicLabel } from './labels.js';

const REQUESTER = { china: 'China', us: 'the United States' };

// Shows the event page for an event id (the search view is hidden, not cleared).
export async function showEvent(id) {
  const loaded = await loadIntoDetailView(`/api/events/${encodeURIComponent(id)}`, 'event');
  if (!loaded) return;
  const box = $('article');
  box.classList.add('event');
  renderEvent(box, loaded.answer);
  $('article-main').focus({ preventScroll: true });
}

// Passages of one government's accounts on a topic, or a note that it does not raise it.
function topicCell(passages, gov, raised) {
  const mine = passages.filter((p) => p.side === gov.side);
  if (!mine.length) {
    return h('div', { class: `ev-cell side-${gov.cls}${raised ? '' : ' ev-absent'}` },
      h('p', { class: 'muted' }, raised ? 'Raised; no passage found.' : `Not in ${gov.account}.`));
  }
  return h('div', { class: `ev-cell side-${gov.cls}` },
    mine.map((p) => h('blockquote', { class: 'ev-passage' },
      p.speaker ? h('p', { class: 'who-name' }, p.speaker) : null,
      h('p', { class: 'text' }, p.text))));
}

function renderEvent(box, ev) {
  const c = ev.comparison || {};
  const accounts = ev.accounts || [];
  const title = eventTitle(ev);
  document.title = `${title} – readouts`;

  const columns = h('div', { class: 'ev-columns' }, GOVERNMENTS.map((gov) => {
    const mine = accounts.filter((a) => a.side === gov.side);
    return h('section', { class: `ev-side side-${gov.cls}`, 'aria-label': `${gov.label}'s accounts` },
      h('h2', null, gov.label),
      mine.length ? h('ul', { class: 'ev-accounts' }, mine.map((a) => accountItem(a)))
        : h('p', { class: 'muted' }, `No account from ${gov.label === 'China' ? 'the Chinese' : 'the US'} government.`));
  }));

  const onlyCn = new Set(c.only_china_government || []);
  const onlyUs = new Set(c.only_us_government || []);
  const byCn = new Set((ev.topics_by_side || {}).china_government || []);
  const byUs = new Set((ev.topics_by_side || {}).us_government || []);
  const rows = (c.topics || []).filter((t) => byCn.has(t.topic) || byUs.has(t.topic)).map((t) => {
    const diff = onlyCn.has(t.topic) ? 'Only China raises it' : onlyUs.has(t.topic) ? 'Only the United States raises it' : '';
    return h('div', { class: `ev-row${diff ? ' ev-diff' : ''}` },
      h('h3', { class: 'ev-topic' }, topicLabel(t.topic), diff ? h('span', { class: 'ev-flag' }, diff) : null),
      topicCell(t.passages || [], GOVERNMENTS[0], byCn.has(t.topic)),
      topicCell(t.passages || [], GOVERNMENTS[1], byUs.has(t.topic)));
  });

  const credited = (c.credited_only_by_other || []).length
    ? h('section', { class: 'ev-credited', 'aria-labelledby': 'ev-credited-title' },
      h('h2', { id: 'ev-credited-title' }, 'Credited to the other side only'),
      h('p', { class: 'muted' }, 'One government quotes the other side on a topic the other side’s own account never raises.'),
      c.credited_only_by_other.map((p) => h('blockquote', { class: `ev-passage side-${p.side === 'china_government' ? 'cn' : 'us'}` },
        h('p', { class: 'who-name' }, `${p.speaker}, according to the ${sideLabel(p.side)}`),
        h('p', { class: 'text' }, p.text),
        h('p', { class: 'muted' }, (p.topics || []).map((t) => topicLabel(t)).join(', ')))))
    : null;

  const requested = (c.requested_by || []).length
    ? h('p', { class: 'ev-requested' }, 'Who asked for it: ',
      c.requested_by.map((r, i) => [i ? '; ' : '', `${REQUESTER[r.side] || r.side} (says `,
        h('a', { href: `/article/${encodeURIComponent(r.account)}`, 'data-nav': '' }, 'an account'),
        `: “${r.evidence}”)`]))
    : null;

  const press = accounts.filter((a) => !GOVERNMENTS.some((g) => g.side === a.side));
  const pressSection = press.length
    ? h('section', { class: 'ev-press', 'aria-labelledby': 'ev-press-title' },
      h('h2', { id: 'ev-press-title' }, 'Press accounts'),
      h('ul', { class: 'ev-accounts' }, press.map((a) => [accountItem(a),
        h('span', { class: 'tag' }, sideLabel(a.side))])))
    : null;

  box.replaceChildren(...[
    h('header', { class: 'a-head' },
      h('h1', { class: 'a-title' }, title),
      h('p', { class: 'a-meta' }, h('time', { datetime: ev.date || null }, formatDateLong(ev.date)),
        ev.place ? h('span', { class: 'ev-place' }, ` · ${ev.place.name}`) : null,
        ` · ${accounts.length} account${accounts.length === 1 ? '' : 's'}`),
      h('p', { class: 'a-people' }, h('span', { class: 'label' }, 'Taking part '),
        [...(ev.china || []), ...(ev.us || [])].map((n) => speakerTag(n))),
      requested,
      h('p', { class: 'ev-all' }, h('a', { href: '/events', 'data-nav': '' }, 'All events, newest first'))),
    columns,
    rows.length
      ? h('section', { class: 'ev-topics', 'aria-labelledby': 'ev-topics-title' },
        h('h2', { id: 'ev-topics-title' }, 'Topic by topic'),
        h('div', { class: 'ev-row ev-row-head', 'aria-hidden': 'true' }, h('span'),
          GOVERNMENTS.map((g) => h('span', { class: `side-${g.cls}` }, g.label))),
        rows)
      : null,
    credited,
    pressSection].filter(Boolean));
}
