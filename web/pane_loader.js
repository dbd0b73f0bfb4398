// A pane's latest request: the answer shown is the last asked for (an older one still in flight is
// dropped), and asking again for the answer on screen draws it without asking the server.
import { ApiError, getJSON } from './api.js';

export function paneLoader() {
  let controller = null;
  let lastKey = '';
  let lastData = null;
  return {
    // Forgets the answer and drops any request in flight (the pane shows something else).
    reset() {
      if (controller) controller.abort();
      lastKey = '';
    },
    // Draws the answer of url in pane with draw(data); on failure, fail(message) with the API's
    // message or fallback. pane is marked busy while the server answers.
    async load(pane, url, draw, fail, fallback) {
      if (url === lastKey && lastData) {
        draw(lastData);
        return;
      }
      if (controller) controller.abort();
      const mine = new AbortController();
      controller = mine;
      pane.setAttribute('aria-busy', 'true');
      try {
        const data = await getJSON(url, mine.signal);
        if (controller !== mine) return;
        lastKey = url;
        lastData = data;
        draw(data);
      } catch (e) {
        if (e && e.name === 'AbortError') return;
        if (controller !== mine) return;
        lastKey = '';
        fail(e instanceof ApiError ? e.message : fallback);
      } finally {
        if (controller === mine) {
          controller = null;
          pane.removeAttribute('aria-busy');
        }
      }
    },
  };
}
