#!/usr/bin/env node
// Browser tests of the web page: indexes tests/e2e/fixtures into a temporary database, starts
// readouts-server on a free port, drives Debian's chromium with playwright-core and checks what a
// reader sees. No test framework: each check records a failure and the run goes on; the exit
// status is 1 when any check failed (or when chromium or playwright-core is missing).
//
// Usage: node run.mjs --index PATH/readouts-index --server PATH/readouts-server [--out DIR]
//        [--chromium /usr/bin/chromium] [--web DIR (default: the repository's web/)] [--headed]
// ctest passes the paths (tests/cmake/e2e.cmake).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const started = Date.now();

// ---- arguments --------------------------------------------------------------------------------
function parseArgs(argv) {
  const out = { out: path.join(repo, 'tests', 'e2e', 'output'), web: path.join(repo, 'web'), chromium: process.env.CHROMIUM || '/usr/bin/chromium', headed: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) die(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--index') out.index = val();
    else if (a === '--server') out.server = val();
    else if (a === '--out') out.out = val();
    else if (a === '--chromium') out.chromium = val();
    else if (a === '--web') out.web = val();
    else if (a === '--headed') out.headed = true;
    else die(`unknown argument ${a}`);
  }
  if (!out.index || !out.server) die('usage: node run.mjs --index PATH --server PATH [--out DIR]');
  return out;
}
function die(msg) {
  console.error(`e2e: FAIL: ${msg}`);
  process.exit(1);
}
const args = parseArgs(process.argv.slice(2));

// ---- prerequisites: fail loudly, never skip ---------------------------------------------------
for (const [what, p] of [['readouts-index', args.index], ['readouts-server', args.server]]) {
  if (!fs.existsSync(p)) die(`${what} not found at ${p}: build it first (make build)`);
}
if (!fs.existsSync(args.chromium)) {
  die(`chromium not found at ${args.chromium}: install it with "make deps-test" ` +
    '(tools/install-deps.sh test installs Debian\'s chromium) or pass --chromium PATH');
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  die('playwright-core is not installed in tests/e2e/node_modules: run "make deps-test" ' +
    '(or "cd tests/e2e && npm ci"). ' + e.message);
}

// ---- checks -----------------------------------------------------------------------------------
const results = [];
let current = '(setup)';
function check(cond, what, detail) {
  results.push({ ok: !!cond, what: `${current}: ${what}`, detail });
  console.log(`${cond ? '  ok  ' : '  FAIL'} ${current}: ${what}${!cond && detail !== undefined ? ` (got: ${typeof detail === 'string' ? detail : JSON.stringify(detail)})` : ''}`);
  return !!cond;
}
async function step(name, fn) {
  current = name;
  const t = Date.now();
  console.log(`- ${name}`);
  try {
    await fn();
  } catch (e) {
    check(false, 'ran without throwing', String(e && e.stack || e).split('\n').slice(0, 4).join(' | '));
    try { await shot(`failed-${name.replace(/[^a-z0-9]+/gi, '-')}`); } catch (_) { /* ignore */ }
  }
  console.log(`  (${Date.now() - t} ms)`);
}

// ---- processes --------------------------------------------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'readouts-e2e-'));
fs.mkdirSync(args.out, { recursive: true });
let server = null;
let context = null;
let serverLog = '';

async function cleanup() {
  if (context) {
    try { await Promise.race([context.close(), new Promise((r) => setTimeout(r, 5000))]); } catch (_) { /* ignore */ }
    context = null;
  }
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => {
      const t = setTimeout(() => { try { server.kill('SIGKILL'); } catch (_) { /* ignore */ } r(); }, 3000);
      server.once('exit', () => { clearTimeout(t); r(); });
    });
  }
  try { fs.rmSync(tmp, { recursive: true, force: true }); } catch (_) { /* ignore */ }
}
let cleaning = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    if (cleaning) return;
    cleaning = true;
    console.error(`e2e: ${sig}: stopping`);
    await cleanup();
    process.exit(1);
  });
}

function startServer(db) {
  return new Promise((resolve, reject) => {
    const proc = spawn(args.server, ['--db', db, '--host', '127.0.0.1', '--port', '0', '--quiet',
      '--web', args.web], { stdio: ['ignore', 'pipe', 'pipe'] });
    server = proc;
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not print its address in 15 s: ${out} ${serverLog}`)), 15000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/[^\s/]+:\d+)\//.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.stderr.on('data', (d) => { serverLog += d; if (serverLog.length > 20000) serverLog = serverLog.slice(-20000); });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}: ${serverLog}`)); });
  });
}

// Text whose colour has less than 4.5:1 contrast with the first opaque background behind it.
function contrastProbe(sel) {
  const rgba = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const out = [];
  for (const el of document.querySelectorAll(sel)) {
    if (!el.textContent.trim() || !el.getClientRects().length) continue;
    const fg = rgba(el instanceof SVGElement ? getComputedStyle(el).fill : getComputedStyle(el).color);
    const bg = background(el);
    const [a, b] = [lum(fg) + 0.05, lum(bg) + 0.05];
    const ratio = Math.max(a, b) / Math.min(a, b);
    if (ratio < 4.5) out.push(`${el.getAttribute('class') || el.tagName} "${el.textContent.trim().slice(0, 20)}" ${ratio.toFixed(2)}`);
  }
  return out;
}

// ---- the browser ------------------------------------------------------------------------------
let page;
let base;
const consoleErrors = [];
const dialogs = [];
let allowedErrors = [];  // regexes of console errors a step provokes on purpose

async function shot(name) {
  const file = path.join(args.out, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
// Waits until the page shows the search whose URL satisfies pred and the request finished.
async function settled(pred, what) {
  const deadline = Date.now() + 5000;
  for (;;) {
    let ok = false;
    try {
      ok = pred(new URL(page.url())) &&
        await page.evaluate(() => !document.body.classList.contains('pending') && !!document.getElementById('summary'));
    } catch (_) { ok = false; }  // a navigation in progress
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what || pred.toString()}; url=${page.url()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
const texts = (sel) => page.$$eval(sel, (els) => els.map((e) => e.textContent.trim()));
const count = (sel) => page.$$eval(sel, (els) => els.length);
const summaryTotal = async () => {
  const t = await page.textContent('#summary');
  const m = /([\d,]+) readouts?/.exec(t || '');
  return m ? Number(m[1].replace(/,/g, '')) : -1;
};

async function main() {
  // Index the fixtures.
  const db = path.join(tmp, 'db');
  const idx = spawnSync(args.index, ['add', '--db', db, '--quiet', '--no-sync', path.join(here, 'fixtures')],
    { encoding: 'utf8', timeout: 60000 });
  if (idx.status !== 0) die(`readouts-index add failed (${idx.status}): ${idx.stdout} ${idx.stderr}`);
  const fixtureCount = fs.readdirSync(path.join(here, 'fixtures')).filter((f) => f.endsWith('.md')).length;

  base = await startServer(db);
  console.log(`e2e: server at ${base}, output in ${args.out}`);

  const profile = path.join(tmp, 'profile');
  context = await chromium.launchPersistentContext(profile, {
    executablePath: args.chromium,
    headless: !args.headed,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'].filter((a) => !(args.headed && a === '--headless')),
    viewport: { width: 1280, height: 900 },
    timeout: 20000,
  });
  context.setDefaultTimeout(5000);
  page = context.pages()[0] || await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (allowedErrors.some((re) => re.test(text))) return;
    consoleErrors.push(`${current}: ${text}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`${current}: uncaught ${err.message}`));
  page.on('dialog', async (d) => {
    dialogs.push(`${current}: ${d.type()} ${d.message()}`);
    try { await d.dismiss(); } catch (_) { /* ignore */ }
  });

  await step('empty page', async () => {
    await page.goto(base + '/');
    await settled((u) => u.pathname === '/', 'the home page');
    await page.waitForSelector('#corpus-size');
    check(await page.evaluate(() => document.activeElement && document.activeElement.id) === 'q',
      'the search box has the focus');
    const corpus = await page.textContent('#corpus-size');
    check(corpus.includes(`${fixtureCount} readouts`), `the corpus size (${fixtureCount}) is shown`, corpus);
    check(/2021/.test(corpus) && /2025/.test(corpus), 'the date span is shown', corpus);
    const examples = await texts('.examples a');
    check(examples.includes('fentanyl tariffs') && examples.includes('习近平 特朗普 通电话'),
      'example queries are offered', examples);
    check(await count('.timeline svg g.bar') > 0, 'the timeline draws bars');
    const barTitle = await page.$$eval('.timeline g.bar title', (t) => t.map((x) => x.textContent).find((x) => !/: 0 /.test(x)));
    check(/\d+ readouts?$/.test(barTitle || ''), 'a bar has a title giving its count', barTitle);
    await shot('01-home');
  });

  await step('typing searches live with highlights', async () => {
    await page.click('#q');
    await page.keyboard.type('Taiwan', { delay: 20 });
    await settled((u) => u.searchParams.get('q') === 'Taiwan', 'q=Taiwan in the URL');
    await page.waitForSelector('#results mark');
    const marks = await texts('#results mark');
    check(marks.length > 0 && marks.every((m) => /taiwan/i.test(m)), 'snippets highlight the word with <mark>', marks);
    const summary = await page.textContent('#summary');
    check(/^\d+ readouts?, [\d.]+ ms/.test(summary), 'the count and time are shown', summary);
    check(await count('#results .r-snippet .who') > 0, 'snippets are prefixed by their speaker');
    const chips = await texts('#chips .chip');
    check(chips.some((c) => /^topic:\s*Taiwan/.test(c)), 'the interpretation shows the topic chip', chips);
    await shot('02-results');
  });

  let before = -1;
  await step('Enter commits; a speaker facet filters', async () => {
    const lenBefore = await page.evaluate(() => history.length);
    await page.press('#q', 'Enter');
    await page.waitForFunction((n) => history.length === n + 1, lenBefore);
    check(true, 'Enter adds a history entry');
    before = await summaryTotal();
    const box = page.locator('.facet-speaker label', { hasText: 'Wang Yi' }).locator('input');
    await box.click();
    await settled((u) => u.searchParams.getAll('speaker').includes('Wang Yi'), 'speaker=Wang Yi');
    const after = await summaryTotal();
    check(after > 0 && after < before, 'the facet narrows the results', { before, after });
    const people = await page.$$eval('#results .result', (items) => items.map((li) =>
      [...li.querySelectorAll('.tag.person')].map((t) => t.textContent)));
    check(people.length === after && people.every((p) => p.includes('Wang Yi')), 'every result has Wang Yi speaking', people);
    const first = await page.$eval('.facet-speaker li:first-child label', (l) => ({ text: l.textContent, checked: l.querySelector('input').checked }));
    check(first.checked && first.text.includes('Wang Yi'), 'the selected speaker is listed first and checked', first);
    check(await count('#chips .chip-filter') === 1, 'the filter shows as a removable chip');
    await shot('03-speaker-facet');
  });

  await step('text contrast is at least 4.5:1', async () => {
    const low = await page.evaluate(contrastProbe, '#summary, .chip-kind, .chip-value, .chip-legend, .literal-link, ' +
      '.facet-label, .facet .count, .filters legend, .r-title a, .r-meta, .tag, .r-snippet, .r-snippet .who, mark, .sort, ' +
      '.timeline text, .foot p');
    check(low.length === 0, 'no text below 4.5:1', low.slice(0, 10));
  });

  await step('back and forward restore the state', async () => {
    await page.goBack();
    await settled((u) => u.searchParams.get('q') === 'Taiwan' && !u.searchParams.has('speaker'), 'back to q=Taiwan');
    check(await summaryTotal() === before, 'the results come back', await summaryTotal());
    check(await page.inputValue('#q') === 'Taiwan', 'the search box shows the query');
    const checked = await page.$$eval('.facet-speaker input:checked', (e) => e.length);
    check(checked === 0, 'no speaker is checked any more', checked);
    await page.goForward();
    await settled((u) => u.searchParams.get('speaker') === 'Wang Yi', 'forward to speaker=Wang Yi');
    check(await page.isChecked('.facet-speaker li:first-child input'), 'the speaker is checked again');
    // Reload keeps the state.
    await page.reload();
    await settled((u) => u.searchParams.get('speaker') === 'Wang Yi', 'the reloaded page');
    check(await page.inputValue('#q') === 'Taiwan' && await page.isChecked('.facet-speaker li:first-child input'),
      'a reload keeps the query and the filter');
  });

  await step('a date range filters', async () => {
    await page.goto(base + '/');
    await settled((u) => u.pathname === '/' && !u.search, 'the home page');
    await page.fill('#from', '2025');
    await page.fill('#to', '2025-06');
    await page.press('#to', 'Enter');
    await settled((u) => u.searchParams.get('from') === '2025' && u.searchParams.get('to') === '2025-06', 'from=2025&to=2025-06');
    const dates = await page.$$eval('#results time', (t) => t.map((x) => x.getAttribute('datetime')));
    check(dates.length === 4, 'four fixtures fall in January to June 2025', dates);
    check(dates.every((d) => d >= '2025-01-01' && d <= '2025-06-30'), 'every date is in the range', dates);
    const chips = await texts('#chips .chip-filter');
    check(chips.some((c) => /Jan 2025|2025/.test(c) && /Jun 2025/.test(c)), 'the range shows as a chip', chips);
    // A bad date is refused with a message, not sent.
    await page.fill('#from', '2025-13');
    await page.press('#from', 'Enter');
    check(/month|year|day/.test(await page.textContent('#dates-error')), 'an invalid date is explained');
    check(new URL(page.url()).searchParams.get('from') === '2025', 'and not applied');
    await shot('04-date-range');
  });

  await step('clicking a timeline bar selects its period', async () => {
    await page.goto(base + '/');
    await settled((u) => u.pathname === '/' && !u.search, 'the home page');
    const bar = page.locator('.timeline g.bar:not(.zero)').last();
    const label = await bar.getAttribute('aria-label');
    await bar.click();
    await settled((u) => u.searchParams.has('from') && u.searchParams.has('to'), 'from/to set by the bar');
    const u = new URL(page.url());
    check(u.searchParams.get('from') === u.searchParams.get('to') && /^\d{4}(-\d{2})?$/.test(u.searchParams.get('from')),
      'the bar sets from and to to its period', u.search);
    const n = Number((/: (\d+) readout/.exec(label) || [])[1]);
    check(await summaryTotal() === n, `the result count equals the bar's count (${label})`, await summaryTotal());
    check(await count('.timeline g.bar.selected') >= 1, 'the chosen bar is marked');
  });

  await step('interpretation chips and the literal link', async () => {
    await page.goto(base + '/?q=' + encodeURIComponent('Taiwan, Xi, 2025'));
    await settled((u) => u.searchParams.get('q') === 'Taiwan, Xi, 2025', 'the query');
    const chips = await texts('#chips .chip');
    check(chips.some((c) => /speaker:\s*Xi Jinping/.test(c)), 'a speaker chip', chips);
    check(chips.some((c) => /date:\s*2025/.test(c)), 'a date chip', chips);
    check(chips.some((c) => /text:\s*Taiwan/.test(c)), 'a text chip', chips);
    await page.click('#chips .chip-speaker .chip-x');
    await settled((u) => !/Xi/.test(u.searchParams.get('q') || 'Xi'), 'the query without Xi');
    const q = new URL(page.url()).searchParams.get('q');
    check(/Taiwan/.test(q) && /2025/.test(q), 'removing the speaker chip keeps the other parts', q);
    check(!(await texts('#chips .chip')).some((c) => /speaker:/.test(c)), 'the speaker chip is gone');
    await page.click('text=search these words literally');
    await settled((u) => u.searchParams.get('literal') === '1', 'literal=1');
    check((await texts('#chips .chip')).some((c) => /^literal:/.test(c)), 'the literal query shows as one chip');
  });

  await step('typed fields show as removable chips', async () => {
    await page.goto(base + '/?q=' + encodeURIComponent('speaker:trump taiwan'));
    await settled((u) => u.searchParams.get('q') === 'speaker:trump taiwan', 'the query');
    const chips = await texts('#chips .chip');
    check(chips.some((c) => /speaker:\s*Donald J\. Trump/.test(c)), 'the field shows with the canonical name', chips);
    check(chips.some((c) => /text:\s*taiwan/.test(c)), 'the words show as text', chips);
    await page.click('#chips .chip-speaker .chip-x');
    await settled((u) => !/speaker/.test(u.searchParams.get('q') || 'speaker'), 'the query without the field');
    const q = new URL(page.url()).searchParams.get('q');
    check(q === 'taiwan', 'removing the field chip keeps the words', q);
  });

  await step('the page says how a query was read', async () => {
    const notesFor = async (q) => {
      await page.goto(base + '/?q=' + encodeURIComponent(q));
      await settled((u) => u.searchParams.get('q') === q, 'the query');
      await page.waitForSelector('#notice .reading-notes li', { timeout: 5000 }).catch(() => {});
      return texts('#notice .reading-notes li');
    };
    const question = await notesFor('What did Xi say about Taiwan?');
    check(question.some((n) => /punctuation/.test(n) && n.includes('?')), 'a question mark is read as punctuation', question);
    const pasted = await notesFor('The two presidents spoke by telephone and discussed trade, Taiwan, fentanyl, ' +
      'soybeans and the war in Ukraine before agreeing to meet again next year');
    check(pasted.some((n) => /pasted text/.test(n)), 'a long query is read as pasted text', pasted);
    const month = await notesFor('11月 习近平');
    check(month.some((n) => /November of any year/.test(n)), 'a month of no year is named', month);
    const plain = await notesFor('Taiwan');
    check(plain.length === 0, 'a plain query gets no notes', plain);
    const asked = await notesFor('who asked for the call');
    check(asked.some((n) => /who asked for the exchange/.test(n)), 'a question about who asked is named', asked);
    const busan = await notesFor('Busan tariffs');
    check(busan.some((n) => /accounts of one exchange \(busan-2025\) come first/.test(n)),
      'the event whose accounts come first is named', busan);
  });

  await step('pasted text is searched by POST', async () => {
    await page.goto(base + '/?lang=en');
    await settled((u) => u.searchParams.get('lang') === 'en', 'lang=en');
    check(!(await page.isVisible('#paste-form')), 'the paste box starts closed');
    await page.click('#paste-toggle');
    check(await page.isVisible('#paste-text'), 'the Paste text button opens a text box');
    check(await page.getAttribute('#paste-toggle', 'aria-expanded') === 'true', 'the button says it is expanded');
    check(/not kept in the address/i.test(await page.textContent('#paste-form')), 'the box says the text is not kept in the address');
    const text = 'Trump said that he values his great relationship with President Xi and looks forward to ' +
      'working together on trade, fentanyl and many other issues.';
    await page.fill('#paste-text', text);
    const isPost = (r) => new URL(r.url()).pathname === '/api/search' && r.method() === 'POST';
    const posted = page.waitForRequest(isPost);
    await page.click('#paste-form button[type=submit]');
    const req = await posted;
    let body = null;
    try { body = JSON.parse(req.postData() || ''); } catch (_) { /* checked below */ }
    check((req.headers()['content-type'] || '').startsWith('application/json'), 'the request is JSON', req.headers()['content-type']);
    check(body && body.q === text && body.per_page === 20, 'the body carries the text and the page size', body);
    check(body && Array.isArray(body.lang) && body.lang[0] === 'en', 'and the current filters', body);
    await settled((u) => !u.searchParams.has('q') && u.searchParams.get('lang') === 'en', 'the paste search');
    await page.waitForSelector('#chips .chip-pasted');
    const titles = await texts('#results .r-title');
    check(titles.length > 0 && titles[0].includes('Donald Trump on the phone'), 'the readout the text comes from ranks first', titles);
    check(!page.url().includes('fentanyl'), 'the address does not carry the text', page.url());
    const notes = await texts('#notice .reading-notes li');
    check(notes.some((n) => /pasted text/.test(n)), 'the notes say it was read as pasted text', notes);
    check(/^pasted:\s*2\d words/.test((await texts('#chips .chip-pasted'))[0] || ''), 'a chip counts its words', await texts('#chips .chip'));
    await shot('05b-pasted-text');
    // A filter keeps the pasted text; Back returns to the search without it.
    const total = await summaryTotal();
    const posted2 = page.waitForRequest(isPost).catch(() => null);  // checked below, never unhandled
    await page.locator('.facet-speaker label', { hasText: 'Joe Biden' }).locator('input').click();
    const req2 = await posted2;
    const body2 = JSON.parse((req2 && req2.postData()) || '{}');
    check(body2.q === text && (body2.speaker || []).includes('Joe Biden'), 'a facet searches the pasted text with the filter', body2);
    await settled((u) => u.searchParams.get('speaker') === 'Joe Biden' && !u.searchParams.has('q'), 'speaker=Joe Biden');
    const narrowed = await summaryTotal();
    check(narrowed > 0 && narrowed < total, 'and narrows it', { total, narrowed });
    await page.goBack();
    await settled((u) => !u.searchParams.has('speaker') && u.searchParams.get('lang') === 'en', 'back');
    check(await count('#chips .chip-pasted') === 1 && await summaryTotal() === total, 'Back restores the paste search', await summaryTotal());
    await page.reload();
    await settled((u) => u.searchParams.get('lang') === 'en', 'the reloaded page');
    await page.waitForSelector('#chips .chip-pasted');
    check(await summaryTotal() === total && await page.inputValue('#paste-text') === text,
      'a reload keeps the pasted text (in history.state)', await summaryTotal());
    // Typing in the search box leaves paste mode.
    await page.fill('#q', 'Busan');
    await settled((u) => u.searchParams.get('q') === 'Busan', 'q=Busan');
    check(await count('#chips .chip-pasted') === 0, 'typing a query ends the paste search');
  });

  await step('an over-limit paste shows the server\'s error', async () => {
    allowedErrors = [/status of 400/];
    await page.goto(base + '/');
    await settled((u) => u.pathname === '/', 'the home page');
    if (!(await page.isVisible('#paste-text'))) await page.click('#paste-toggle');
    await page.fill('#paste-text', 'tariffs '.repeat(3000));  // 24,000 bytes
    check(await page.$eval('#paste-size', (e) => e.classList.contains('over') && /24,000 of 20,000/.test(e.textContent)),
      'the byte count shows it is over the limit', await page.textContent('#paste-size'));
    await page.click('#paste-form button[type=submit]');
    await page.waitForSelector('.error-box');
    const msg = await page.textContent('.error-box');
    check(/could not be searched/.test(msg) && /2\d{4} bytes long/.test(msg) && /limit is 20000/.test(msg), 'the server\'s message is shown', msg);
    check(await count('#results .result') === 0, 'no stale results stay');
    await shot('05c-paste-too-long');
    await page.click('.error-box button');
    check(await page.evaluate(() => document.activeElement.id) === 'paste-text', 'the error offers to edit the text');
    await page.click('#paste-clear');
    await page.waitForSelector('#corpus-size');
    check(!(await page.isVisible('#paste-form')) && await count('.error-box') === 0, 'clearing the pasted text returns to the home page');
    allowedErrors = [];
  });

  await step('no results offers the correction and a way out', async () => {
    await page.goto(base + '/?q=fentanyk&lang=zh-Hans');
    await settled((u) => u.searchParams.get('q') === 'fentanyk', 'q=fentanyk');
    check(/No readouts match/.test(await page.textContent('#notice')), 'says nothing matched');
    const drops = await texts('#notice .drops li');
    check(drops.some((d) => /language/.test(d)), 'offers to drop the language filter', drops);
    const sug = await page.$('#notice .suggest');
    check(sug && (await sug.textContent()) === 'fentanyl', 'offers the "did you mean" correction');
    if (sug) {
      await sug.click();
      await settled((u) => u.searchParams.get('q') === 'fentanyl', 'q=fentanyl');
      check(await page.isVisible('#notice .drops'), 'still empty in Chinese: offers to drop the filter');
      await page.click('#notice .drops button:has-text("language")');
      await settled((u) => !u.searchParams.has('lang'), 'without lang');
      check(await summaryTotal() > 0, 'dropping the filter finds readouts', await summaryTotal());
    }
    await shot('05-fixed-query');
  });

  await step('an article shows passages by speaker', async () => {
    // Typed, not committed with Enter: opening an article still keeps the search for Back.
    await page.goto(base + '/');
    await settled((u) => u.pathname === '/' && !u.search, 'the home page');
    await page.fill('#q', 'tariffs');
    await settled((u) => u.searchParams.get('q') === 'tariffs', 'q=tariffs');
    const link = page.locator('#results .r-title a', { hasText: 'Trump and Xi discuss tariffs' });
    await link.click();
    await page.waitForURL(/\/article\/e2e-call-2025-06$/);
    await page.waitForSelector('.passage');
    check(/Trump and Xi discuss tariffs/.test(await page.textContent('h1.a-title')), 'the title');
    const who = await texts('.passage .who-name');
    check(who.includes('Donald J. Trump') && who.includes('Xi Jinping'), 'passages are labelled by speaker', who);
    check(await count('.passage.side-cn') > 0 && await count('.passage.side-us') > 0, 'passages are tinted by side');
    check(await page.getAttribute('.a-meta a.source-link', 'href') === 'https://example.org/e2e/call-2025-06', 'the source links to the original');
    const cite = await page.textContent('.cite');
    check(/Reuters/.test(cite) && /example\.org\/e2e\/call-2025-06/.test(cite) && /Retrieved/.test(cite), 'the cite block', cite.slice(0, 200));
    const low = await page.evaluate(contrastProbe, '.a-title, .a-meta, .a-meta a, .label, .tag, .passage .text, ' +
      '.who-name, .cite dt, .cite dd, .cite-text, .back a');
    check(low.length === 0, 'article text contrast is at least 4.5:1', low.slice(0, 10));
    await page.waitForSelector('#similar-list a');
    check(await count('#similar-list a') > 0, 'similar readouts are listed');
    check(/\/article\/e2e-call-2025-06$/.test(await page.getAttribute('a.permalink', 'href')), 'a permalink');
    await shot('06-article');
    await page.goBack();
    await settled((u) => u.pathname === '/' && u.searchParams.get('q') === 'tariffs', 'back to the results');
    check(await page.isVisible('#results .r-title a'), 'back returns to the results');
  });

  await step('an event shows the two governments\' accounts side by side', async () => {
    // The 2025-06-05 call: the White House's account and Xinhua's (the Chinese government's).
    await page.goto(base + '/article/e2e-call-2025-06-wh');
    await page.waitForSelector('.ev-others a.ev-compare');
    const others = await texts('.ev-others .ev-account a');
    check(others.some((t) => /习近平同美国总统特朗普通电话/.test(t)), 'the article lists the other accounts of its event', others);
    const sections = await page.$$eval('#article > section', (s) => s.map((x) => x.className));
    check(sections.indexOf('ev-others') >= 0 && sections.indexOf('ev-others') < sections.indexOf('similar'),
      'other accounts come before similar readouts', sections);
    await page.click('.ev-others a.ev-compare');
    await page.waitForURL(/\/event\//);
    await page.waitForSelector('.ev-columns');
    const heads = await texts('.ev-side h2');
    check(heads[0] === 'China' && heads[1] === 'United States', 'China | United States columns', heads);
    const cn = await texts('.ev-side.side-cn .ev-account a');
    const us = await texts('.ev-side.side-us .ev-account a');
    check(cn.some((t) => /通电话/.test(t)), "China's column holds the Chinese government's account", cn);
    check(us.some((t) => /Readout of the President/.test(t)), "the US column holds the White House's account", us);
    const box = await page.$eval('.ev-columns', (e) => {
      const [a, b] = e.querySelectorAll('.ev-side');
      const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
      return { sideBySide: ra.right <= rb.left + 1 && Math.abs(ra.top - rb.top) < 2 };
    });
    check(box.sideBySide, 'the two columns stand side by side', box);
    check(await count('.ev-row:not(.ev-row-head)') > 0, 'topics are aligned in rows');
    check(await count('.ev-press .ev-account') > 0, 'press accounts are listed below');
    const low = await page.evaluate(contrastProbe, '.ev-side h2, .ev-account a, .ev-account .muted, .ev-topic, ' +
      '.ev-flag, .ev-passage .text, .ev-passage .who-name, .ev-row-head span');
    check(low.length === 0, 'event page contrast is at least 4.5:1', low.slice(0, 10));
    await shot('06b-event');
    allowedErrors = [/status of 404/];
    await page.goto(base + '/event/no-such-event');
    await page.waitForSelector('.error-box');
    check(/No such event/.test(await page.textContent('.error-box h1')), 'an unknown event says so');
    allowedErrors = [];
    // A meeting says where it took place (data/events.json's Busan meeting); a call does not.
    await page.goto(base + '/event/busan-2025');
    await page.waitForSelector('.ev-columns');
    check((await page.textContent('.a-meta .ev-place') || '').includes('Busan'), 'a meeting shows its place');
    await page.goto(base + '/event/2025-06-05-call-donald-j-trump-xi-jinping');
    await page.waitForSelector('.ev-columns');
    check(await count('.a-meta .ev-place') === 0, 'a call shows no place');
  });

  await step('the events page lists every event, newest first, on a timeline', async () => {
    // Reached from an event page ("All events, newest first").
    await page.goto(base + '/event/busan-2025');
    await page.waitForSelector('.ev-all a');
    await page.click('.ev-all a');
    await settled((u) => u.pathname === '/events' && !u.search, '/events');
    await page.waitForSelector('#results .ev-item');
    const entries = () => page.$$eval('#results .ev-item', (items) => items.map((li) => ({
      date: li.querySelector('time').getAttribute('datetime'),
      title: li.querySelector('.r-title a').textContent,
      href: li.querySelector('.r-title a').getAttribute('href'),
      place: (li.querySelector('.ev-place') || { textContent: '' }).textContent,
      people: [...li.querySelectorAll('.r-tags .person')].map((t) => t.textContent),
      sides: li.querySelector('.ev-sides').textContent,
    })));
    const all = await entries();
    const dates = all.map((e) => e.date);
    check(all.length >= 6, 'every event of the fixtures is listed', dates);
    check(dates.every((d, i) => i === 0 || !d || !dates[i - 1] || dates[i - 1] >= d), 'newest first', dates);
    check(all.every((e) => /^\/event\/./.test(e.href)), 'each entry links to its event page', all.map((e) => e.href));
    check(new RegExp(`^${all.length} events\\b`).test(await page.textContent('#summary')), 'the count line counts events',
      await page.textContent('#summary'));
    const call = all.find((e) => e.href === '/event/2025-06-05-call-donald-j-trump-xi-jinping') || {};
    check(call.title === 'Phone call: Xi Jinping – Donald J. Trump', 'an entry names its kind and its two leads', call);
    check(call.date === '2025-06-05' && call.people.includes('Xi Jinping') && call.people.includes('Donald J. Trump'),
      'with its date and participants', call);
    check(/^3 accounts:/.test(call.sides) && /China gov 1/.test(call.sides) && /US gov 1/.test(call.sides) &&
      /press 1/.test(call.sides), 'and how many accounts it has, from which sides', call.sides);
    const busan = all.find((e) => e.href === '/event/busan-2025') || {};
    check(busan.place === 'Busan' && /^Meeting/.test(busan.title), 'a meeting shows its place', busan);
    check(!(await page.isVisible('.intro')), 'not the introduction');
    check(!(await page.isVisible('#sort')) && !(await page.isVisible('#group-events')), 'no sort or grouping: one order');
    const low = await page.evaluate(contrastProbe, '.ev-item .r-title a, .ev-item .r-meta, .ev-sides, .ev-side-count');
    check(low.length === 0, 'events page contrast is at least 4.5:1', low.slice(0, 10));
    await shot('06c-events');

    // The timeline counts events, each once: the call's three accounts are one event of June 2025.
    const labels = await page.$$eval('.timeline g.bar:not(.zero)', (g) => g.map((x) => x.getAttribute('aria-label')));
    const barTotal = labels.reduce((n, l) => n + Number((/: (\d+) events?$/.exec(l) || [0, NaN])[1]), 0);
    check(barTotal === all.length, 'the bars count every listed event once', labels);
    check(labels.includes('Jun 2025: 1 event'), "June 2025's bar counts one event", labels);
    await page.click('.timeline g.bar[aria-label="Jun 2025: 1 event"]');
    await settled((u) => u.pathname === '/events' && u.searchParams.get('from') === '2025-06' &&
      u.searchParams.get('to') === '2025-06', 'from=2025-06&to=2025-06 on /events');
    const june = await entries();
    check(june.length === 1 && june[0].href === call.href, 'a bar narrows the list to its month', june.map((e) => e.href));
    check((await texts('#chips .chip-filter')).some((c) => /Jun 2025/.test(c)), 'the range shows as a chip');

    // An entry reaches its event page; Back returns to the narrowed list.
    await page.click('#results .ev-item .r-title a');
    await page.waitForURL(/\/event\/2025-06-05-call-donald-j-trump-xi-jinping$/);
    await page.waitForSelector('.ev-columns');
    check((await texts('.ev-side h2')).join('|') === 'China|United States', 'the link opens the event page');
    await page.click('#back-link');
    await settled((u) => u.pathname === '/events' && u.searchParams.get('from') === '2025-06', 'back to the list');
    check(await count('#results .ev-item') === 1, 'Back returns to the narrowed list');

    // The header's Events link, from the search page; words typed there search the events.
    await page.goto(base + '/?q=Taiwan');
    await settled((u) => u.searchParams.get('q') === 'Taiwan', 'q=Taiwan');
    await page.click('#events-link');
    await settled((u) => u.pathname === '/events' && !u.search, 'the header link');
    check(await count('#results .ev-item') === all.length, 'the header link lists the same events');
    check(await page.getAttribute('#events-link', 'aria-current') === 'page', 'the header link is marked current');
    await page.fill('#q', 'Busan');
    await page.press('#q', 'Enter');
    await settled((u) => u.pathname === '/events' && u.searchParams.get('q') === 'Busan', '/events?q=Busan');
    const found = (await entries()).map((e) => e.href);
    check(found.includes('/event/busan-2025') && found.length < all.length, 'words search the events', found);
  });

  await step('one result per event', async () => {
    await page.goto(base + '/?q=' + encodeURIComponent('Trump Xi call'));
    await settled((u) => u.searchParams.get('q') === 'Trump Xi call', 'q=Trump Xi call');
    const before = await count('#results .result');
    check(await count('#results .r-event a') > 0, 'a result links to the other accounts of its event');
    await page.check('#group-events');
    await settled((u) => u.searchParams.get('group') === 'event', 'group=event');
    const after = await count('#results .result');
    check(after < before, 'the accounts of one event show as one result', { before, after });
    const links = await texts('#results .r-event a');
    check(links.some((t) => /^3 accounts/.test(t)), 'the result says how many accounts its event has', links);
    await page.reload();
    await page.waitForSelector('#results .result');
    check(await page.isChecked('#group-events'), 'the choice is kept in the URL');
  });

  await step('export links and the Atom feed of the search', async () => {
    await page.goto(base + '/?q=tariffs');
    await settled((u) => u.searchParams.get('q') === 'tariffs', 'q=tariffs');
    await page.waitForSelector('#export-links a[data-export="csv"]');
    const csvHref = await page.getAttribute('#export-links a[data-export="csv"]', 'href');
    const csvUrl = new URL(csvHref, base);
    check(csvUrl.pathname === '/api/export' && csvUrl.searchParams.get('q') === 'tariffs' &&
      csvUrl.searchParams.get('format') === 'csv' && csvUrl.searchParams.get('bom') === '1',
      'the CSV link exports this search with a byte order mark', csvHref);
    const formats = await page.$$eval('#export-links a[data-export]', (as) => as.map((a) => a.dataset.export));
    check(formats.join(',') === 'csv,jsonl,bibtex,ris,csl', 'five export formats', formats);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-links a[data-export="jsonl"]'),
    ]);
    const lines = fs.readFileSync(await download.path(), 'utf8').trim().split('\n');
    const total = Number((await page.textContent('#summary')).match(/\d+/)[0]);
    check(lines.length === total && JSON.parse(lines[0]).id, 'the JSON Lines download holds every result', { lines: lines.length, total });
    const feedHref = await page.getAttribute('link[rel="alternate"][type="application/atom+xml"]', 'href');
    check(feedHref === '/feed?q=tariffs', 'the page names the feed of this search in its head', feedHref);
    const feed = await page.evaluate(async (href) => {
      const r = await fetch(href);
      const doc = new DOMParser().parseFromString(await r.text(), 'application/xml');
      const ns = 'http://www.w3.org/2005/Atom';
      return { type: r.headers.get('content-type'), error: !!doc.querySelector('parsererror'),
        entries: doc.getElementsByTagNameNS(ns, 'entry').length };
    }, feedHref);
    check(/application\/atom\+xml/.test(feed.type) && !feed.error && feed.entries === total,
      'the feed is Atom with an entry per result', feed);
  });

  await step('the concordance lists every occurrence and sorts them', async () => {
    await page.goto(base + '/?q=tariffs');
    await settled((u) => u.searchParams.get('q') === 'tariffs', 'q=tariffs');
    await page.click('#tab-kwic');
    await page.waitForSelector('#kwic-pane .kwic-line');
    check(new URL(page.url()).searchParams.get('tab') === 'kwic', 'the tab is in the address');
    check(await page.isHidden('#results'), 'the results list gives way to the table');
    const api = await page.evaluate(async () => (await fetch('/api/kwic?q=tariffs&per_page=500')).json());
    const keys = await texts('#kwic-pane .kwic-key strong');
    check(keys.length >= 3 && keys.length === api.total, 'a row per occurrence the API counts', { rows: keys.length, api: api.total });
    check(keys.every((k) => /^tariffs?$/i.test(k)), 'each keyword is the word searched', keys);
    const look = await page.$eval('#kwic-pane td.kwic-left', (td) => ({ align: getComputedStyle(td).textAlign,
      bold: +getComputedStyle(td.parentElement.querySelector('.kwic-key strong')).fontWeight }));
    check(look.align === 'right' && look.bold >= 700, 'left context right-aligned, keyword bold', look);
    check(await count('#kwic-pane .kwic-doc a[href^="/article/"]') === keys.length, 'each row links its readout');
    const l1 = async () => (await texts('#kwic-pane td.kwic-left')).map((t) => (t.split(/\s+/).pop() || '').toLowerCase());
    await page.selectOption('#kwic-sort', 'left');
    await settled((u) => u.searchParams.get('ksort') === 'left', 'ksort=left');
    await page.waitForFunction(() => !document.getElementById('kwic-pane').hasAttribute('aria-busy'));
    const byLeft = await l1();
    check(byLeft.every((w, i) => i === 0 || byLeft[i - 1] <= w), 'sorted by the word before the keyword', byLeft);
    await page.selectOption('#kwic-sort', 'date');
    await settled((u) => u.searchParams.get('ksort') === 'date', 'ksort=date');
    await page.waitForFunction(() => !document.getElementById('kwic-pane').hasAttribute('aria-busy'));
    const dates = await page.$$eval('#kwic-pane .kwic-date time', (ts) => ts.map((t) => t.getAttribute('datetime')));
    check(dates.every((d, i) => i === 0 || dates[i - 1] >= d), 'newest first', dates);
    check((await l1()).join() !== byLeft.join(), 'the order changes with the sort', byLeft);
    await shot('11-concordance');
  });

  await step('the trends view charts, compares and opens a period', async () => {
    await page.goto(base + '/?q=tariffs&tab=trends');
    await settled((u) => u.searchParams.get('tab') === 'trends', 'tab=trends');
    await page.waitForSelector('#trends-chart svg circle.trend-point');
    const api = await page.evaluate(async () => (await fetch('/api/trends?q=tariffs&by=year')).json());
    const points = await page.$$eval('#trends-chart .trend-point[data-series="0"]', (ps) =>
      ps.map((p) => ({ period: p.dataset.period, count: +p.dataset.count, title: p.querySelector('title').textContent })));
    const fromApi = Object.fromEntries(api.series[0].points.map((p) => [p.period, p.count]));
    check(points.length > 0 && points.every((p) => (fromApi[p.period] || 0) === p.count), 'a point per year with the API\'s counts', { points, fromApi });
    const busy = points.find((p) => p.count > 0);
    check(busy && busy.title.includes(`${busy.period}: ${busy.count} readout`), 'the count shows on hover (title)', busy);
    await page.hover(`#trends-chart .trend-point[data-series="0"][data-period="${busy.period}"]`);
    check((await page.textContent('#trends-readout')).includes(`${busy.period}: ${busy.count}`), 'and under the chart', await page.textContent('#trends-readout'));
    await page.fill('#trends-add-q', 'Taiwan');
    await page.press('#trends-add-q', 'Enter');
    await settled((u) => u.searchParams.get('vs') === 'Taiwan', 'vs=Taiwan');
    await page.waitForSelector('#trends-chart .trend-point[data-series="1"]');
    check(await count('#trends-chart .legend text') === 2, 'two series, two legend entries');
    await page.selectOption('#trends-kind', 'bar');
    await settled((u) => u.searchParams.get('chart') === 'bar', 'chart=bar');
    await page.waitForSelector('#trends-chart svg rect.trend-point:not([data-count="0"])');
    check(await count('#trends-chart svg rect.trend-point') > 0, 'bars on request');
    await page.check('#trends-norm');
    await settled((u) => u.searchParams.get('norm') === '1', 'norm=1');
    await page.waitForFunction(() => /per 1,000/.test(document.querySelector('#trends-chart .trend-point title')?.textContent || ''));
    check(true, 'normalized counts say per 1,000');
    // Downloads: the chart as SVG (an svg document with its points) and as PNG.
    const [svgDl] = await Promise.all([page.waitForEvent('download'), page.click('#trends-svg')]);
    const svgText = fs.readFileSync(await svgDl.path(), 'utf8');
    check(svgDl.suggestedFilename().endsWith('.svg') && /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/.test(svgText) &&
      (svgText.match(/class="trend-point"/g) || []).length > 0, 'Download SVG gives an SVG file of the chart', svgText.slice(0, 200));
    const [pngDl] = await Promise.all([page.waitForEvent('download'), page.click('#trends-png')]);
    const png = fs.readFileSync(await pngDl.path());
    check(pngDl.suggestedFilename().endsWith('.png') && png.subarray(1, 4).toString() === 'PNG' && png.length > 1000,
      'Download PNG gives a PNG image', png.length);
    await shot('12-trends');
    // A click on a point: that period's readouts of its series.
    const target = `#trends-chart .trend-point[data-series="0"][data-period="${busy.period}"]`;
    await page.click(target);
    await settled((u) => u.searchParams.get('from') === busy.period && u.searchParams.get('to') === busy.period &&
      !u.searchParams.get('tab'), `from=to=${busy.period}`);
    check(new URL(page.url()).searchParams.get('q') === 'tariffs', 'the series\' query is searched');
    check(await page.isVisible('#results'), 'the results are shown');
    check(await summaryTotal() === busy.count, 'as many readouts as the point counted', { summary: await summaryTotal(), point: busy.count });
  });

  await step('the trends view splits by side, and a point opens that side\'s readouts', async () => {
    await page.goto(base + '/?q=tariffs&tab=trends&split=side');
    await page.waitForSelector('#trends-chart svg circle.trend-point');
    const api = await page.evaluate(async () => (await fetch('/api/trends?q=tariffs&by=year&split=side')).json());
    check(api.series.length >= 2, 'a series per side with matches', api.series.map((s) => s.split_value));
    check(await count('#trends-chart .legend text') === api.series.length, 'one legend entry per side');
    const first = api.series[0];
    const point = first.points[0];
    // By keyboard: the sides' points of one period may lie on one another.
    await page.focus(`#trends-chart .trend-point[data-series="0"][data-period="${point.period}"]`);
    await page.keyboard.press('Enter');
    await settled((u) => u.searchParams.get('from') === point.period && !u.searchParams.get('tab'), `from=${point.period}`);
    const sources = new URL(page.url()).searchParams.getAll('source');
    check(JSON.stringify(sources.sort()) === JSON.stringify([...first.sources].sort()), 'the side\'s outlets are the filter', { sources, want: first.sources });
    check(await summaryTotal() === point.count, 'as many readouts as the point counted', { summary: await summaryTotal(), point: point.count });
  });

  await step('a Chinese article', async () => {
    await page.goto(base + '/article/e2e-call-2025-06-zh');
    await page.waitForSelector('.passage');
    check(await page.getAttribute('.passages', 'lang') === 'zh-Hans', 'Chinese text is marked lang=zh-Hans');
    const font = await page.$eval('.passage .text', (e) => getComputedStyle(e).fontFamily);
    check(/PingFang SC|Noto Sans CJK SC/.test(font), 'Chinese text gets the CJK font stack', font);
  });

  await step('hostile markup renders as text', async () => {
    await page.goto(base + '/article/e2e-hostile-2024');
    await page.waitForSelector('.passage');
    await page.waitForTimeout(150);
    const body = await page.textContent('#article');
    check(body.includes('<script>alert(1)</script>'), 'the <script> tag is visible as text');
    check(body.includes('<img src=x onerror=alert(1)>'), 'the <img onerror> tag is visible as text');
    check(await page.isVisible('text=<script>alert(1)</script> must appear'), 'the text is visible on screen');
    check(await count('#article img, #article script, #article b, #article mark') === 0, 'no element was created from the text');
    check(await count('a[href^="javascript:"]') === 0, 'a javascript: URL is not made a link');
    await shot('07-hostile-article');
    await page.goto(base + '/?q=marker');
    await settled((u) => u.searchParams.get('q') === 'marker', 'q=marker');
    const snippets = await texts('#results .r-snippet');
    check(snippets.some((t) => t.includes('<script>alert(1)</script>') || t.includes('<img src=x onerror=alert(1)>')),
      'the snippet shows the markup as text', snippets);
    check(await count('#results img, #results script') === 0, 'no element was created in the results');
    const marks = await texts('#results mark');
    check(marks.length > 0 && marks.every((m) => /marker/i.test(m)), 'only real highlights are <mark> elements', marks);
    check(dialogs.length === 0, 'no dialog fired', dialogs);
  });

  await step('keyboard: / focuses, Escape clears', async () => {
    await page.goto(base + '/?q=climate');
    await settled((u) => u.searchParams.get('q') === 'climate', 'q=climate');
    await page.focus('#sort');
    await page.keyboard.press('Tab');
    await page.keyboard.press('/');
    check(await page.evaluate(() => document.activeElement.id) === 'q', '"/" moves the focus to the search box');
    await page.keyboard.press('Escape');
    check(await page.inputValue('#q') === '', 'Escape clears the box');
    await settled((u) => !u.searchParams.has('q'), 'the cleared URL');
    // Tab reaches the facets' checkboxes.
    let reached = false;
    await page.focus('#to');
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement.closest('.facet'));
    }
    check(reached, 'Tab reaches the facet checkboxes after the date inputs');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    check(outline !== 'none', 'the focused control shows an outline', outline);
  });

  await step('slow answers and server errors', async () => {
    allowedErrors = [/status of 500/];
    await page.goto(base + '/');
    await settled((u) => u.pathname === '/', 'the home page');
    await page.route('**/api/search?**', async (route) => {
      await new Promise((r) => setTimeout(r, 900));
      await route.continue();
    });
    await page.fill('#q', 'Biden');
    await page.waitForFunction(() => /Searching/.test(document.getElementById('busy').textContent), null, { timeout: 2000 });
    check(true, 'a slow answer shows "Searching…"');
    await settled((u) => u.searchParams.get('q') === 'Biden', 'q=Biden');
    check(await page.textContent('#busy') === '', 'the indicator goes away');
    await page.unroute('**/api/search?**');
    await page.route('**/api/search?**', (route) => route.fulfill({ status: 500, contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'internal', message: 'internal error; it has been logged' } }) }));
    await page.fill('#q', 'Blinken');
    await page.waitForSelector('.error-box');
    check(/internal error/.test(await page.textContent('.error-box')), 'a server error is shown with its message');
    check(await page.isVisible('.error-box button'), 'with a way to try again');
    await shot('08-server-error');
    await page.unroute('**/api/search?**');
    await page.click('.error-box button');
    await page.waitForSelector('#results .result');
    check(await page.$('.error-box') === null, 'trying again recovers');
    allowedErrors = [];
  });

  await step('partial results from missing shards are said so', async () => {
    await page.goto(base + '/');
    await settled((u) => u.pathname === '/', 'the home page');
    // The answer of a server whose remote shard did not answer (docs/api.md, "partial").
    await page.route('**/api/search?**', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.partial = true;
      body.missing_shards = ['tcp://10.0.0.2:7101'];
      await route.fulfill({ response, json: body });
    });
    await page.fill('#q', 'Taiwan');
    await page.press('#q', 'Enter');
    await page.waitForSelector('.partial-results');
    const note = await page.textContent('.partial-results');
    check(/Partial results/.test(note) && note.includes('tcp://10.0.0.2:7101'),
      'the missing shard is named above the results', note);
    check(await count('#results .result') > 0, 'the other shards\' results are shown');
    await page.unroute('**/api/search?**');
    await page.fill('#q', 'Biden');
    await page.press('#q', 'Enter');
    await settled((u) => u.searchParams.get('q') === 'Biden', 'q=Biden');
    check(await page.$('.partial-results') === null, 'a whole answer has no such note');
  });

  await step('phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(base + '/?q=Xi');
    await settled((u) => u.searchParams.get('q') === 'Xi', 'q=Xi');
    check(!(await page.isVisible('#filters')), 'the filters are folded away');
    check(await page.isVisible('#filters-toggle'), 'behind a Filters button');
    check(await page.isVisible('.timeline svg'), 'the timeline stays');
    const box = await page.$eval('#filters-toggle', (b) => b.getBoundingClientRect().top);
    const res = await page.$eval('#results', (b) => b.getBoundingClientRect().top);
    await page.click('#filters-toggle');
    check(await page.isVisible('#filters'), 'the button opens the filters');
    check(box < res, 'above the results');
    const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
    check(scrollW <= 390, 'nothing overflows the width', scrollW);
    await shot('09-phone');
    await page.goto(base + '/article/e2e-woodside-2023');
    await page.waitForSelector('.passage');
    await shot('10-phone-article');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  current = 'whole run';
  check(consoleErrors.length === 0, 'no console errors', consoleErrors);
  check(dialogs.length === 0, 'no dialogs', dialogs);
}

let fatal = null;
try {
  await main();
} catch (e) {
  fatal = e;
} finally {
  await cleanup();
}
const failed = results.filter((r) => !r.ok);
if (fatal) console.error(`e2e: FAIL: ${fatal.stack || fatal}`);
console.log(`e2e: ${results.length - failed.length}/${results.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${args.out}`);
for (const f of failed) console.log(`e2e: FAILED ${f.what}${f.detail !== undefined ? ` (got: ${JSON.stringify(f.detail)})` : ''}`);
process.exit(fatal || failed.length || results.length === 0 ? 1 : 0);
