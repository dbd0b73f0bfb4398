// How the server read a query (the search response's `interpreted`), as short sentences (an ES module).
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

// "11-24" -> "24 November"
function dayLabel(mmdd) {
  const [m, d] = mmdd.split('-').map(Number);
  return `${d} ${MONTHS[m - 1] || mmdd}`;
}

// The notes for one response: plain strings, for textContent (never markup).
export function queryNotes(inter, match) {
  const notes = [];
  if (!inter) return notes;
  if (inter.long_text) notes.push('Read as pasted text: ranked as “more like this”, every word counts, no date filter.');
  if ((inter.punctuation || []).length) {
    notes.push(`Read as punctuation, not search syntax: ${inter.punctuation.join(' ')}`);
  }
  if (inter.syntax_ignored) notes.push('The search syntax matched nothing, so its words were searched instead.');
  else if (inter.syntax && match === 'any') notes.push('The search syntax matched few readouts: those come first, then readouts with its words.');
  if ((inter.months || []).length) {
    notes.push(`Dated in ${inter.months.map((m) => MONTHS[m - 1]).join(' or ')} of any year.`);
  }
  if ((inter.days || []).length) {
    notes.push(`Dated on ${inter.days.map(dayLabel).join(' or ')} of any year (or a day either side).`);
  }
  if (inter.undated_included) notes.push('Readouts without a known date are included after the dated ones.');
  if (inter.dates_as_words) notes.push('Nothing had that date, so the date was searched as words.');
  if (inter.asks_request) notes.push('Read as asking who asked for the exchange: readouts that say who asked are searched.');
  if (inter.event_first) {
    notes.push(`The accounts of one exchange (${inter.event_first}) come first, in every language, then the other matches.`);
  }
  return notes;
}

