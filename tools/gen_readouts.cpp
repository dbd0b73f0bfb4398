// gen_readouts: a deterministic generator of synthetic China–US diplomatic readouts, for load and
// speed tests only (the text is word salad with the right shape, not real content).
//
//   gen_readouts --count N [--seed S] [--start K]                  JSON Lines on standard output
//   gen_readouts --count N [--seed S] --out DIR --shards M         DIR/part-00000.jsonl ... (M
//   files)
//
// Each line: {"id","title","date","body","source","url","language"} (the indexer's JSON Lines
// format). Article i is a pure function of (seed, i): the same seed gives the same bytes whatever
// the shard count, and `--start K` continues a corpus. Dates 2013-01-01..2026-12-31; speakers
// from data/people.json's real names, chosen by era; attribution verbs ("said", "stressed",
// "pointed out" ...); topic vocabulary from data/topics.json; Chinese articles (12%) and Chinese
// quotes in English articles (8%) with 表示/指出/强调; filler words drawn from a Zipf (s=1.0)
// vocabulary of 30,000 words; 250 to 1,000 words per article.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ---- PRNG: splitmix64, portable and deterministic (no std:: distributions). ----
struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed) {}
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>((next() >> 32) * n >> 32); }
  double unit() { return (next() >> 11) * (1.0 / 9007199254740992.0); }
  bool chance(double p) { return unit() < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(static_cast<uint32_t>(v.size()))];
  }
};

uint64_t mix(uint64_t a, uint64_t b) {
  Rng r(a * 0x100000001b3ULL ^ (b + 0x632be59bd9b4e019ULL));
  r.next();
  return r.next();
}

// ---- Vocabulary ----
const char* kCommon[] = {"the",
                         "of",
                         "and",
                         "to",
                         "in",
                         "a",
                         "that",
                         "is",
                         "for",
                         "on",
                         "with",
                         "as",
                         "by",
                         "it",
                         "be",
                         "at",
                         "this",
                         "are",
                         "from",
                         "has",
                         "have",
                         "its",
                         "an",
                         "will",
                         "not",
                         "was",
                         "which",
                         "their",
                         "also",
                         "more",
                         "between",
                         "two",
                         "other",
                         "all",
                         "should",
                         "would",
                         "can",
                         "relations",
                         "cooperation",
                         "countries",
                         "development",
                         "side",
                         "sides",
                         "world",
                         "peace",
                         "security",
                         "economic",
                         "trade",
                         "global",
                         "international",
                         "bilateral",
                         "dialogue",
                         "communication",
                         "stability",
                         "mutual",
                         "respect",
                         "common",
                         "interests",
                         "issues",
                         "important",
                         "president",
                         "country",
                         "people",
                         "policy",
                         "support",
                         "meeting",
                         "call",
                         "leaders",
                         "agreed",
                         "work",
                         "together",
                         "future",
                         "strategic",
                         "major",
                         "china",
                         "united",
                         "states",
                         "chinese",
                         "american",
                         "principle",
                         "consensus",
                         "partners",
                         "responsibility",
                         "differences",
                         "manage",
                         "properly",
                         "win-win",
                         "exchanges",
                         "region",
                         "regional",
                         "efforts",
                         "positive",
                         "constructive",
                         "frank",
                         "in-depth",
                         "views",
                         "concerns",
                         "competition",
                         "conflict",
                         "confrontation",
                         "stable",
                         "healthy",
                         "sustainable",
                         "path",
                         "right",
                         "way",
                         "great",
                         "power",
                         "history",
                         "shared",
                         "commitment",
                         "implement",
                         "progress",
                         "framework",
                         "channels",
                         "teams",
                         "level",
                         "high",
                         "new",
                         "year",
                         "years",
                         "time",
                         "first",
                         "next",
                         "further",
                         "good",
                         "broad",
                         "key",
                         "areas",
                         "field",
                         "fields",
                         "matters",
                         "necessary",
                         "sovereignty",
                         "territorial",
                         "integrity",
                         "core",
                         "red",
                         "line",
                         "lines",
                         "sanctions",
                         "investment",
                         "market",
                         "markets",
                         "companies",
                         "business",
                         "supply",
                         "chains",
                         "energy",
                         "health",
                         "students",
                         "visas",
                         "flights",
                         "journalists",
                         "military",
                         "defense",
                         "nuclear",
                         "summit",
                         "visit",
                         "invitation",
                         "phone",
                         "video",
                         "talks",
                         "round",
                         "statement"};
constexpr size_t kCommonCount = sizeof(kCommon) / sizeof(kCommon[0]);

const char* kSyllables[] = {"ka",  "lo",  "mi",  "ren", "sa",  "to",  "vi",   "der", "an",  "bel",
                            "cor", "dun", "el",  "fa",  "gor", "hal", "is",   "jen", "kur", "lan",
                            "mor", "nel", "or",  "pra", "qui", "ros", "sten", "tur", "ul",  "vas",
                            "wen", "xor", "yal", "zen", "ber", "cal", "dor",  "ten", "ing", "ment"};
constexpr size_t kSyllableCount = sizeof(kSyllables) / sizeof(kSyllables[0]);

struct Vocabulary {
  std::vector<std::string> words;
  std::vector<double> cdf;  // Zipf s=1.0
  explicit Vocabulary(size_t n) {
    words.reserve(n);
    for (size_t i = 0; i < kCommonCount && words.size() < n; ++i) words.emplace_back(kCommon[i]);
    for (size_t r = 0; words.size() < n; ++r) {
      // Pseudo-words of 2-4 syllables, a bijection from r: distinct, deterministic.
      std::string w;
      size_t x = r + kSyllableCount * kSyllableCount;  // at least two syllables
      while (x) {
        w += kSyllables[x % kSyllableCount];
        x /= kSyllableCount;
      }
      words.push_back(std::move(w));
    }
    cdf.resize(n);
    double sum = 0;
    for (size_t i = 0; i < n; ++i) cdf[i] = (sum += 1.0 / static_cast<double>(i + 1));
    for (auto& c : cdf) c /= sum;
  }
  const std::string& draw(Rng& r) const {
    double u = r.unit();
    size_t i = static_cast<size_t>(std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
    return words[std::min(i, words.size() - 1)];
  }
};

// ---- People, by era (years inclusive) ----
struct Person {
  const char* name;
  const char* ref;  // later references
  const char* zh;   // Chinese name ("" if none)
  const char* title_en;
  int from, to;
};
const std::vector<Person> kChina = {
    {"Xi Jinping", "President Xi", "习近平", "Chinese President", 2013, 2026},
    {"Wang Yi", "Wang", "王毅", "Chinese Foreign Minister", 2013, 2026},
    {"Yang Jiechi", "Yang", "杨洁篪", "Chinese State Councilor", 2013, 2022},
    {"Liu He", "Vice Premier Liu", "刘鹤", "Chinese Vice Premier", 2018, 2022},
    {"He Lifeng", "Vice Premier He", "何立峰", "Chinese Vice Premier", 2023, 2026},
    {"Li Qiang", "Premier Li", "李强", "Chinese Premier", 2023, 2026},
    {"Li Keqiang", "Premier Li", "李克强", "Chinese Premier", 2013, 2022},
    {"Qin Gang", "Qin", "秦刚", "Chinese Foreign Minister", 2023, 2023},
    {"Mao Ning", "Mao", "毛宁", "Foreign Ministry spokesperson", 2022, 2026},
    {"Lin Jian", "Lin", "林剑", "Foreign Ministry spokesperson", 2024, 2026},
    {"Hua Chunying", "Hua", "华春莹", "Foreign Ministry spokesperson", 2013, 2024},
    {"Zhao Lijian", "Zhao", "赵立坚", "Foreign Ministry spokesperson", 2020, 2022},
    {"Wang Wenbin", "Wang", "汪文斌", "Foreign Ministry spokesperson", 2020, 2023},
    {"Geng Shuang", "Geng", "耿爽", "Foreign Ministry spokesperson", 2015, 2020},
    {"Dong Jun", "Admiral Dong", "董军", "Chinese Defense Minister", 2024, 2026},
    {"Wei Fenghe", "Wei", "魏凤和", "Chinese Defense Minister", 2018, 2022},
};
const std::vector<Person> kUS = {
    {"Barack Obama", "President Obama", "奥巴马", "U.S. President", 2013, 2016},
    {"Donald J. Trump", "President Trump", "特朗普", "U.S. President", 2017, 2020},
    {"Joe Biden", "President Biden", "拜登", "U.S. President", 2021, 2024},
    {"Donald J. Trump", "President Trump", "特朗普", "U.S. President", 2025, 2026},
    {"John Kerry", "Secretary Kerry", "克里", "U.S. Secretary of State", 2013, 2016},
    {"Rex Tillerson", "Secretary Tillerson", "蒂勒森", "U.S. Secretary of State", 2017, 2017},
    {"Mike Pompeo", "Secretary Pompeo", "蓬佩奥", "U.S. Secretary of State", 2018, 2020},
    {"Antony Blinken", "Secretary Blinken", "布林肯", "U.S. Secretary of State", 2021, 2024},
    {"Marco Rubio", "Secretary Rubio", "鲁比奥", "U.S. Secretary of State", 2025, 2026},
    {"Janet Yellen", "Secretary Yellen", "耶伦", "U.S. Treasury Secretary", 2021, 2024},
    {"Steven Mnuchin", "Secretary Mnuchin", "姆努钦", "U.S. Treasury Secretary", 2017, 2020},
    {"Scott Bessent", "Secretary Bessent", "贝森特", "U.S. Treasury Secretary", 2025, 2026},
    {"Jake Sullivan", "Sullivan", "沙利文", "U.S. National Security Advisor", 2021, 2024},
    {"Lloyd Austin", "Secretary Austin", "奥斯汀", "U.S. Defense Secretary", 2021, 2024},
    {"Katherine Tai", "Ambassador Tai", "戴琪", "U.S. Trade Representative", 2021, 2024},
    {"Jamieson Greer", "Ambassador Greer", "格里尔", "U.S. Trade Representative", 2025, 2026},
};

const Person& pick_person(Rng& r, const std::vector<Person>& people, int year, bool leaders) {
  // Leaders (the first few entries of each list) half the time: most readouts are leader calls.
  for (int tries = 0; tries < 64; ++tries) {
    const Person& p = leaders ? people[r.below(4)] : r.pick(people);
    if (year >= p.from && year <= p.to) return p;
  }
  for (const auto& p : people)
    if (year >= p.from && year <= p.to) return p;
  return people[0];
}

// ---- Topics (phrases from data/topics.json) ----
struct Topic {
  const char* label;
  std::vector<const char*> phrases;
  std::vector<const char*> zh;
};
const std::vector<Topic> kTopics = {
    {"Taiwan",
     {"the Taiwan question", "Taiwan independence", "the one-China principle", "the Taiwan Strait",
      "arms sales to Taiwan", "cross-strait relations"},
     {"台湾问题", "一个中国原则", "台湾海峡"}},
    {"Trade",
     {"tariffs", "the trade deal", "trade war", "market access", "the trade deficit",
      "economic and trade consultations"},
     {"关税", "经贸磋商", "贸易战"}},
    {"Fentanyl",
     {"fentanyl", "precursor chemicals", "counternarcotics cooperation"},
     {"芬太尼", "禁毒合作"}},
    {"Ukraine",
     {"the Ukraine crisis", "the war in Ukraine", "Russia", "a ceasefire"},
     {"乌克兰危机", "俄罗斯"}},
    {"Export controls",
     {"export controls", "the entity list", "semiconductors", "advanced chips", "rare earths"},
     {"出口管制", "稀土", "芯片"}},
    {"North Korea",
     {"the Korean Peninsula", "North Korea", "denuclearization"},
     {"朝鲜半岛", "无核化"}},
    {"South China Sea",
     {"the South China Sea", "freedom of navigation", "maritime disputes"},
     {"南海", "航行自由"}},
    {"Climate",
     {"climate change", "carbon neutrality", "clean energy", "methane emissions"},
     {"气候变化", "碳中和"}},
    {"Human rights",
     {"human rights", "Xinjiang", "Tibet", "Hong Kong", "democracy"},
     {"人权", "新疆", "香港"}},
    {"Military",
     {"military-to-military communication", "military communication", "defense talks"},
     {"两军沟通", "军事热线"}},
    {"COVID-19", {"COVID-19", "the pandemic", "vaccines", "public health"}, {"新冠疫情", "疫苗"}},
    {"Agriculture", {"soybeans", "farm purchases", "agricultural products"}, {"大豆", "农产品"}},
    {"People-to-people",
     {"people-to-people exchanges", "students", "journalists", "direct flights", "visas"},
     {"人文交流", "留学生", "直航"}},
    {"AI", {"artificial intelligence", "AI safety", "AI governance"}, {"人工智能"}},
    {"Iran", {"Iran", "the Iran nuclear issue", "the Middle East", "Gaza"}, {"伊朗", "中东"}},
    {"TikTok", {"TikTok", "data security", "social media platforms"}, {"TikTok", "数据安全"}},
};

const std::vector<const char*> kVerbs = {
    "said",  "stressed",  "pointed out", "noted",      "emphasized", "underscored",
    "added", "expressed", "urged",       "called for", "outlined",   "told reporters"};
const std::vector<const char*> kZhVerbs = {"表示", "指出", "强调", "说", "认为", "希望"};
// Common Chinese characters for filler (Zipf by position in this string).
const char kZhChars[] =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子"
    "说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机"
    "当"
    "使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反"
    "你"
    "明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五"
    "果"
    "料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运"
    "农"
    "指几九区强放决西被干做必战先回则任取据处府研质美双方合作发展关系稳定对话沟通";

struct ZhTable {
  std::vector<std::string> chars;
  std::vector<double> cdf;
  ZhTable() {
    std::string_view s(kZhChars);
    for (size_t i = 0; i + 3 <= s.size(); i += 3) chars.emplace_back(s.substr(i, 3));
    double sum = 0;
    for (size_t i = 0; i < chars.size(); ++i)
      cdf.push_back(sum += 1.0 / static_cast<double>(i + 1));
    for (auto& c : cdf) c /= sum;
  }
  const std::string& draw(Rng& r) const {
    size_t i =
        static_cast<size_t>(std::lower_bound(cdf.begin(), cdf.end(), r.unit()) - cdf.begin());
    return chars[std::min(i, chars.size() - 1)];
  }
};

const char* kMonthsShort[] = {"Jan.", "Feb.", "March", "April", "May",  "June",
                              "July", "Aug.", "Sept.", "Oct.",  "Nov.", "Dec."};
const char* kMonthsLong[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};
struct Source {
  const char* name;
  const char* host;
  const char* city;
  const char* agency;
};
const std::vector<Source> kSources = {
    {"Xinhua", "english.news.cn", "BEIJING", "Xinhua"},
    {"Ministry of Foreign Affairs of the PRC", "www.mfa.gov.cn", "BEIJING", "MFA"},
    {"The White House", "www.whitehouse.gov", "WASHINGTON", ""},
    {"U.S. Department of State", "www.state.gov", "WASHINGTON", ""},
    {"APP", "www.app.com.pk", "BEIJING", "APP"},
    {"Reuters", "www.reuters.com", "WASHINGTON", "Reuters"},
    {"CGTN", "news.cgtn.com", "BEIJING", "CGTN"},
    {"China Daily", "www.chinadaily.com.cn", "BEIJING", "China Daily"},
};

void json_escape_append(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
}

struct Generator {
  uint64_t seed;
  Vocabulary vocab{30000};
  ZhTable zh;
  explicit Generator(uint64_t s) : seed(s) {}

  // Appends an English clause of n filler words, sometimes with a topic phrase.
  int clause(Rng& r, std::string& out, int n, const std::vector<const Topic*>& topics) {
    int words = 0;
    int topic_at = r.chance(0.6) ? static_cast<int>(r.below(static_cast<uint32_t>(n))) : -1;
    for (int i = 0; i < n; ++i) {
      if (i) out += ' ';
      if (i == topic_at) {
        const char* ph = r.pick(r.pick(topics)->phrases);
        out += ph;
        words += 1 + static_cast<int>(std::count(ph, ph + std::strlen(ph), ' '));
      } else {
        out += vocab.draw(r);
        ++words;
      }
    }
    return words;
  }

  int zh_sentence(Rng& r, std::string& out, const Person& p,
                  const std::vector<const Topic*>& topics) {
    out += p.zh;
    out += r.pick(kZhVerbs);
    out += "，";
    int n = 12 + static_cast<int>(r.below(30));
    int topic_at = static_cast<int>(r.below(static_cast<uint32_t>(n)));
    for (int i = 0; i < n; ++i) {
      if (i == topic_at) out += r.pick(r.pick(topics)->zh);
      out += zh.draw(r);
      if (i % 9 == 8 && i + 1 < n) out += "，";
    }
    out += "。";
    return n / 2 + 2;  // counted as roughly one word per two characters
  }

  std::string article(uint64_t index) {
    Rng r(mix(seed, index));
    // Date: 2013-01-01 .. 2026-12-31 (days 1-28 keep every month valid).
    int year = 2013 + static_cast<int>(r.below(14));
    int month = 1 + static_cast<int>(r.below(12));
    int day = 1 + static_cast<int>(r.below(28));
    bool leaders = r.chance(0.5);
    const Person& cn = pick_person(r, kChina, year, leaders);
    const Person& us = pick_person(r, kUS, year, leaders);
    std::vector<const Topic*> topics;
    int ntopics = 1 + static_cast<int>(r.below(3));
    for (int i = 0; i < ntopics; ++i)
      topics.push_back(&kTopics[r.below(static_cast<uint32_t>(kTopics.size()))]);
    const Source& src = r.pick(kSources);
    bool chinese = r.chance(0.12);
    bool zh_quotes = !chinese && r.chance(0.08);
    int target = 250 + static_cast<int>(r.below(751));

    std::string title;
    switch (r.below(chinese ? 1 : 4)) {
      case 0:
        if (chinese) {
          title = std::string(cn.zh) + "同" + us.zh + "会谈：" + topics[0]->zh[0];
        } else {
          title = std::string(cn.name) + " Speaks with " + us.title_en + " " + us.name +
                  " on the Phone";
        }
        break;
      case 1:
        title =
            std::string("Readout of ") + us.name + "'s Call with " + cn.title_en + " " + cn.name;
        break;
      case 2:
        title = std::string(cn.name) + " Meets with " + us.title_en + " " + us.name;
        break;
      default:
        title = std::string(topics[0]->label) + " on agenda as " + us.ref + " and " + cn.ref +
                " hold talks";
    }

    std::string body;
    body.reserve(static_cast<size_t>(target) * 8);
    char buf[128];
    if (src.agency[0]) {
      std::snprintf(buf, sizeof buf, "%s, %s %d (%s) -- ", src.city, kMonthsShort[month - 1], day,
                    src.agency);
    } else {
      std::snprintf(buf, sizeof buf, "%s, %s %d, %d -- ", src.city, kMonthsLong[month - 1], day,
                    year);
    }
    body += buf;
    int words = 0;
    const Person* speakers[2] = {&cn, &us};
    int sentence = 0;
    while (words < target) {
      const Person& p = *speakers[(sentence / 3) % 2];  // a few sentences per speaker in turn
      if (chinese || (zh_quotes && r.chance(0.25))) {
        words += zh_sentence(r, body, p, topics);
      } else {
        int kind = static_cast<int>(r.below(10));
        if (kind < 6) {
          body += sentence < 2 ? p.name : (r.chance(0.3) ? "He" : p.ref);
          body += ' ';
          body += r.pick(kVerbs);
          body += " that ";
          words += 3 + clause(r, body, 8 + static_cast<int>(r.below(16)), topics);
        } else if (kind < 8) {
          body += r.chance(0.5) ? "The two sides agreed to " : "Both sides discussed ";
          words += 4 + clause(r, body, 6 + static_cast<int>(r.below(14)), topics);
        } else {
          body += "\"";
          std::string q;
          words += clause(r, q, 6 + static_cast<int>(r.below(12)), topics);
          if (!q.empty()) q[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(q[0])));
          body += q;
          body += ",\" ";
          body += p.ref;
          body += " said";
          words += 2;
        }
        body += '.';
      }
      ++sentence;
      body += (sentence % 4 == 0) ? "\n\n" : " ";
    }

    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    std::string date = buf;
    std::snprintf(buf, sizeof buf, "gen-%llx-%llu", static_cast<unsigned long long>(seed),
                  static_cast<unsigned long long>(index));
    std::string id = buf;

    std::string line;
    line.reserve(body.size() + title.size() + 256);
    line += "{\"id\":\"";
    line += id;
    line += "\",\"title\":\"";
    json_escape_append(line, title);
    line += "\",\"date\":\"";
    line += date;
    line += "\",\"body\":\"";
    json_escape_append(line, body);
    line += "\",\"source\":\"";
    json_escape_append(line, src.name);
    line += "\",\"url\":\"https://";
    line += src.host;
    line += "/gen/";
    line += id;
    line += "\",\"language\":\"";
    line += chinese ? "zh-Hans" : "en";
    line += "\"}\n";
    return line;
  }
};

[[noreturn]] void usage(const char* msg) {
  std::fprintf(stderr,
               "gen_readouts: %s\nusage: gen_readouts --count N [--seed S] [--start K] "
               "[--out DIR --shards M]\n",
               msg);
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t count = 0, seed = 1, start = 0, shards = 1;
  bool have_count = false;
  std::string out_dir;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(("missing value for " + a).c_str());
      return argv[++i];
    };
    if (a == "--count") {
      count = std::strtoull(value().c_str(), nullptr, 10);
      have_count = true;
    } else if (a == "--seed") {
      seed = std::strtoull(value().c_str(), nullptr, 10);
    } else if (a == "--start") {
      start = std::strtoull(value().c_str(), nullptr, 10);
    } else if (a == "--shards") {
      shards = std::strtoull(value().c_str(), nullptr, 10);
    } else if (a == "--out") {
      out_dir = value();
    } else if (a == "--help" || a == "-h") {
      usage("help");
    } else {
      usage(("unknown argument " + a).c_str());
    }
  }
  if (!have_count) usage("--count is required");
  if (shards == 0) usage("--shards must be 1 or more");
  Generator gen(seed);
  if (out_dir.empty()) {
    static char iobuf[1 << 20];
    std::setvbuf(stdout, iobuf, _IOFBF, sizeof iobuf);
    for (uint64_t i = start; i < start + count; ++i) {
      std::string line = gen.article(i);
      std::fwrite(line.data(), 1, line.size(), stdout);
    }
    return std::fflush(stdout) == 0 ? 0 : 1;
  }
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "gen_readouts: cannot create %s: %s\n", out_dir.c_str(),
                 ec.message().c_str());
    return 1;
  }
  // Shard k holds a contiguous range of articles, so each file is a stable slice of the corpus.
  for (uint64_t k = 0; k < shards; ++k) {
    uint64_t lo = start + count * k / shards, hi = start + count * (k + 1) / shards;
    char name[64];
    std::snprintf(name, sizeof name, "/part-%05llu.jsonl", static_cast<unsigned long long>(k));
    std::string path = out_dir + name;
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
      std::perror(path.c_str());
      return 1;
    }
    std::setvbuf(f, nullptr, _IOFBF, 1 << 20);
    for (uint64_t i = lo; i < hi; ++i) {
      std::string line = gen.article(i);
      std::fwrite(line.data(), 1, line.size(), f);
    }
    if (std::fclose(f) != 0) {
      std::perror(path.c_str());
      return 1;
    }
  }
  return 0;
}
