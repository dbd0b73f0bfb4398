// The article view's frame, shared by the article and event pages: shows it, loading, and loads one answer.
import { ApiError, getJSON } from './api.js';
import { $, h } from './dom.js';
import { page } from './page_state.js';

let detailController = null;

// Shows the article view (an article or an event) loading, and loads `url` into it: the answer,
// or null when it failed (the view then says so) or a newer load took over. `what` names the
// thing in messages ("readout", "event").
export async function loadIntoDetailView(url, what) {
  $('search-view').hidden = true;
  $('article-view').hidden = false;
  document.body.classList.add('article-page');
  const box = $('article');
  box.replaceChildren(h('p', { class: 'loading-note' }, 'Loading…'));
  const back = $('back-link');
  back.setAttribute('href', page.lastSearchUrl || '/');
  back.textContent = page.lastSearchUrl && page.lastSearchUrl !== '/' ? '← Back to results' : '← Search';
  if (detailController) detailController.abort();
  const controller = new AbortController();
  detailController = controller;
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
  return controller === detailController ? { answer, controller } : null;
}

// Whether the load that `controller` belongs to is still the one shown (later loads check it).
export function isCurrentLoad(controller) { return controller === detailController; }

// Leaving the article view: its loads under way are no longer wanted.
export function abortDetail() {
  if (detailController) { detailController.abort(); detailController = null; }
}
