// The JSON API client: GET or POST a request, errors as ApiError, and the archive's stats (cached).
import { learnTopicLabel } from './labels.js';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
// GET url, or POST postBody (a JSON string) to url.
export async function getJSON(url, signal, postBody = null) {
  let res;
  try {
    res = await fetch(url, postBody === null ? { signal, headers: { Accept: 'application/json' } }
      : { method: 'POST', signal, body: postBody,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' } });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The server cannot be reached. Is readouts-server running?');
  }
  let body = null;
  try { body = await res.json(); } catch (e) {
    if (e && e.name === 'AbortError') throw e;
  }
  if (!res.ok) {
    const err = body && body.error;
    throw new ApiError(res.status, (err && err.code) || 'http_' + res.status,
      (err && err.message) || `The server answered ${res.status} ${res.statusText}.`);
  }
  if (body === null) throw new ApiError(res.status, 'bad_json', 'The server sent an unreadable answer.');
  return body;
}

export let stats = null;  // the last answer of /api/stats
let statsPromise = null;
export function loadStats() {
  if (!statsPromise) {
    statsPromise = getJSON('/api/stats').then((st) => {
      stats = st;
      for (const t of st.topics || []) if (t.label) learnTopicLabel(t.value, t.label);
      return st;
    }).catch(() => { statsPromise = null; return null; });
  }
  return statsPromise;
}
