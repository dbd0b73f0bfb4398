// Browser history of searches: live typing replaces the current entry, a committed search is pushed.
import { searchUrl } from './search_state.js';

// Typing replaces the current entry; Enter (or any click on a filter) commits: the
// entry typing overwrote gets its old URL back and the new state is pushed after it, so Back
// returns to the previous committed search, not to every prefix typed.
let typingBase = null;  // URL of the committed entry that live typing is overwriting
let typingBaseState = null;  // and its history.state (pasted text)

function histState(pasted) { return pasted ? { readouts: 1, pasted } : { readouts: 1 }; }
// The pasted text of the current entry (never in the URL).
export function currentPasted() { return (history.state && history.state.pasted) || ''; }
export function currentUrl() { return location.pathname + location.search; }
// Live typing: replaces the current entry, remembering the committed one it overwrites.
export function liveReplace(st) {
  const url = searchUrl(st);
  if (url === currentUrl() && st.pasted === currentPasted()) return;
  if (typingBase === null) { typingBase = currentUrl(); typingBaseState = history.state; }
  history.replaceState(histState(st.pasted), '', url);
}
// Enter, or a click on a filter: the search gets an entry of its own.
export function commit(st) {
  const url = searchUrl(st);
  if (typingBase !== null) {
    const base = typingBase, baseState = typingBaseState;
    typingBase = null;
    typingBaseState = null;
    if (base !== url || ((baseState && baseState.pasted) || '') !== st.pasted) {
      history.replaceState(baseState, '', base);
      history.pushState(histState(st.pasted), '', url);
    } else {
      history.replaceState(histState(st.pasted), '', url);
    }
    return;
  }
  if (url !== currentUrl() || st.pasted !== currentPasted()) history.pushState(histState(st.pasted), '', url);
}

// Following an internal link; `pasted` keeps the pasted text (the pager's links).
export function pushUrl(url, pasted = '') {
  if (typingBase !== null) {
    // Leaving a typed (uncommitted) search: keep it in history, so Back returns to it.
    const typed = currentUrl(), typedState = history.state;
    history.replaceState(typingBaseState, '', typingBase);
    if (typed !== typingBase) history.pushState(typedState, '', typed);
    typingBase = null;
    typingBaseState = null;
  }
  if (url !== currentUrl() || pasted !== currentPasted()) history.pushState(histState(pasted), '', url);
}

// Back or Forward: the entry live typing was overwriting is no longer current.
export function forgetTyping() {
  typingBase = null;
  typingBaseState = null;
}
