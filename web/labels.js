// Labels for people, topics and languages: which side a speaker is on, topic and language names.
import { h } from './dom.js';

// Knowledge the page needs before the server offers it (see docs/ui.md: a /api/people
// endpoint would replace this map). Canonical names as in data/people.json.
const SIDE = Object.create(null);
for (const n of ['Xi Jinping', 'Wang Yi', 'Qin Gang', 'Yang Jiechi', 'He Lifeng', 'Liu He',
  'Li Qiang', 'Li Keqiang', 'Han Zheng', 'Ding Xuexiang', 'Li Chenggang', 'Wang Wentao',
  'Dong Jun', 'Li Shangfu', 'Wei Fenghe', 'Mao Ning', 'Lin Jian', 'Guo Jiakun', 'Hua Chunying',
  'Zhao Lijian', 'Wang Wenbin', 'Geng Shuang', 'Xie Feng', 'Mao Zedong', 'Deng Xiaoping',
  'Zhou Enlai']) SIDE[n] = 'cn';
for (const n of ['Donald J. Trump', 'Joe Biden', 'Barack Obama', 'Kamala Harris', 'JD Vance',
  'Mike Pence', 'Marco Rubio', 'Antony Blinken', 'Mike Pompeo', 'Rex Tillerson', 'John Kerry',
  'Scott Bessent', 'Janet Yellen', 'Steven Mnuchin', 'Jamieson Greer', 'Katherine Tai',
  'Robert Lighthizer', 'Howard Lutnick', 'Gina Raimondo', 'Wilbur Ross', 'Lloyd Austin',
  'Pete Hegseth', 'Jake Sullivan', 'Mike Waltz', 'Karine Jean-Pierre', 'Karoline Leavitt',
  'Kurt Campbell', 'Nicholas Burns', 'David Perdue', 'Nancy Pelosi', 'Elon Musk', 'Jensen Huang',
  'Richard Nixon', 'Henry Kissinger']) SIDE[n] = 'us';
const SIDE_NAME = { cn: 'China', us: 'United States', other: '' };

// Topic ids -> labels (data/topics.json); the facets' labels win when present.
const TOPICS = {
  taiwan: 'Taiwan', trade_tariffs: 'Trade and tariffs', fentanyl: 'Fentanyl and drug control',
  ukraine: 'Ukraine and Russia', technology_export_controls: 'Technology and export controls',
  north_korea: 'North Korea', south_china_sea: 'South China Sea', climate: 'Climate change',
  human_rights: 'Human rights', hong_kong: 'Hong Kong', xinjiang: 'Xinjiang', tibet: 'Tibet',
  military_communication: 'Military communication', covid: 'COVID-19',
  agriculture: 'Agriculture', people_to_people: 'People-to-people exchanges',
  ww2_history: 'Second World War and history', middle_east: 'Middle East',
  ai: 'Artificial intelligence', iran: 'Iran', japan: 'Japan',
  nuclear_arms_control: 'Nuclear arms control', cyber: 'Cybersecurity',
  finance_currency: 'Finance and currency',
  global_governance: 'Global governance and multilateralism',
};
const topicLabels = Object.assign(Object.create(null), TOPICS);

const LANGS = { en: 'English', 'zh-Hans': 'Chinese (simplified)', 'zh-Hant': 'Chinese (traditional)',
  zh: 'Chinese' };
let langNames = null;
try { langNames = new Intl.DisplayNames(['en'], { type: 'language' }); } catch (e) { /* old */ }

export function sideOf(name) { return (name && SIDE[name]) || 'other'; }

export function speakerTag(name, extraClass) {
  const side = sideOf(name);
  return h('span', {
    class: `tag person side-${side}${extraClass ? ' ' + extraClass : ''}`,
    title: SIDE_NAME[side] ? `${name} (${SIDE_NAME[side]})` : name,
  }, name);
}
// A label the server gives for a topic (stats, facets) replaces the built-in one.
export function learnTopicLabel(id, label) { topicLabels[id] = label; }
export function topicLabel(id) { return topicLabels[id] || id.replace(/_/g, ' '); }
export function topicTag(id) { return h('span', { class: 'tag topic' }, topicLabel(id)); }
export function langLabel(tag) {
  if (!tag) return '';
  if (LANGS[tag]) return LANGS[tag];
  try { return (langNames && langNames.of(tag)) || tag; } catch (e) { return tag; }
}

