// The "Paste text" panel: opens a textarea under the search box and hands its text to the page.

export const PASTE_LIMIT = 20000;  // bytes of q the server accepts (docs/api.md)

const $ = (id) => document.getElementById(id);
const encoder = new TextEncoder();

export function byteLength(text) { return encoder.encode(text).length; }

// Wires the panel. onSearch(text) runs a search of the pasted text; onStop() ends paste mode.
// Returns {open(text), close()} for the page to keep the panel in step with its state.
export function setupPaste({ onSearch, onStop }) {
  const toggle = $('paste-toggle');
  const form = $('paste-form');
  const area = $('paste-text');
  const size = $('paste-size');
  const error = $('paste-error');

  function showSize() {
    const n = byteLength(area.value);
    size.textContent = `${n.toLocaleString('en-US')} of ${PASTE_LIMIT.toLocaleString('en-US')} bytes`;
    size.classList.toggle('over', n > PASTE_LIMIT);
  }
  function open(text) {
    if (typeof text === 'string' && text !== area.value) area.value = text;
    form.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    showSize();
  }
  function close() {
    form.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    error.textContent = '';
  }

  toggle.addEventListener('click', () => {
    if (form.hidden) {
      open();
      area.focus();
    } else {
      close();
      toggle.focus();
    }
  });
  area.addEventListener('input', () => { showSize(); error.textContent = ''; });
  area.addEventListener('keydown', (evt) => {
    if (evt.key === 'Enter' && (evt.ctrlKey || evt.metaKey)) {
      evt.preventDefault();
      form.requestSubmit();
    } else if (evt.key === 'Escape') {
      evt.preventDefault();
      close();
      toggle.focus();
    }
  });
  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    const text = area.value.trim();
    if (!text) {
      error.textContent = 'Paste some text first.';
      area.focus();
      return;
    }
    error.textContent = '';
    onSearch(text);
  });
  $('paste-clear').addEventListener('click', () => {
    area.value = '';
    close();
    onStop();
    $('q').focus();
  });

  return { open, close };
}
