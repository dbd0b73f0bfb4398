// What the views share: the current search, its last answer, the paste panel, and app.js's actions.
import { blankState } from './search_state.js';

export const page = {
  state: blankState(),  // the search shown (kept while an article is shown)
  lastData: null,       // the last search answer, for redrawing without asking again
  lastSearchUrl: '',    // where the article page's "Back to results" link goes
  paste: null,          // the "Paste text" panel: { open(text), close() } (paste.js)
};

// Filled in by app.js, so that views need not import it:
// go(st) changes the search and commits it to history; runSearch(st, { force }) runs it.
export const actions = {
  go: () => { throw new Error('actions.go: app.js has not started'); },
  runSearch: () => { throw new Error('actions.runSearch: app.js has not started'); },
};
