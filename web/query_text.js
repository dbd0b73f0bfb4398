// Rewriting a query from the server's reading of it, leaving parts out (a chip's ×, "Did you mean").
import { compactHigh, compactLow } from './format.js';
import { topicLabel } from './labels.js';

// Rebuilds a query from its interpretation, leaving parts out. Dates become tokens the
// interpreter reads back to the same range.
export function rebuildQuery(inter, drop) {
  const parts = [];
  for (const sp of inter.speakers || []) if (!(drop.speaker === sp)) parts.push(sp);
  // Dates searched as words ("1972 Shanghai Communique" found nothing dated 1972).
  if (inter.dates_as_words) parts.push(...(inter.date_words || []));
  // Months and days of every year ("11月", "11月24日"): written back the way they are read.
  if (!drop.date && !inter.dates_as_words) {
    for (const m of inter.months || []) parts.push(`${m}月`);
    for (const d of inter.days || []) {
      const [mm, dd] = d.split('-').map(Number);
      parts.push(`${mm}月${dd}日`);
    }
  }
  if (!drop.date && (inter.from || inter.to)) {
    const a = compactLow(inter.from || inter.to), b = compactHigh(inter.to || inter.from);
    parts.push(a === b ? a : `${a} ${b}`);
  }
  // Fields typed in the query (speaker:trump): kept as fields, values quoted when spaced.
  for (const [field, values] of Object.entries(inter.filters || {})) {
    for (const v of values) {
      if (drop.field && drop.field[0] === field && drop.field[1] === v) continue;
      parts.push(`${field}:${/\s/.test(v) ? `"${v}"` : v}`);
    }
  }
  let text = drop.text ? '' : (drop.replaceText !== undefined ? drop.replaceText : inter.text || '');
  if (drop.topic && text) text = removeTopicWords(text, drop.topic);
  if (text.trim()) parts.push(text.trim());
  return parts.join(', ');
}
function removeTopicWords(text, id) {
  const names = [id, id.replace(/_/g, ' '), topicLabel(id)].map((x) => x.toLowerCase());
  const words = text.split(/\s+/);
  const norm = (w) => w.toLowerCase().replace(/[,.;:!?]+$/, '').replace(/['’]s$/, '');
  for (const name of names) {
    const n = name.split(/\s+/);
    for (let i = 0; i + n.length <= words.length; i++) {
      if (n.every((part, k) => norm(words[i + k]) === part)) {
        words.splice(i, n.length);
        return words.join(' ');
      }
    }
  }
  // A topic named by a word that is not its label (an alias): drop the boost by keeping the
  // words but quoting nothing; the simplest faithful move is to leave the text as it is.
  return text;
}
