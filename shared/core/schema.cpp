// Builders of schema terms: how values become boolean terms (one spelling for indexer and server).
#include "shared/core/schema.h"

#include <cstdio>

namespace readouts::schema {

std::string normalize_value(std::string_view value) {
  size_t b = 0, e = value.size();
  while (b < e && (value[b] == ' ' || value[b] == '\t' || value[b] == '\n' || value[b] == '\r'))
    ++b;
  while (e > b && (value[e - 1] == ' ' || value[e - 1] == '\t' || value[e - 1] == '\n' ||
                   value[e - 1] == '\r'))
    --e;
  std::string out(value.substr(b, e - b));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string speaker_key(std::string_view canonical_name) {
  std::string out;
  for (char c : normalize_value(canonical_name)) {
    if (c == ' ')
      out += '_';
    else if (c != ':')
      out += c;
  }
  return out;
}

static std::string join(std::string_view prefix, std::string_view value) {
  std::string out(prefix);
  out += value;
  return out;
}

std::string facet_value(std::string_view date, std::string_view speakers, std::string_view topics,
                        std::string_view source, std::string_view language) {
  std::string out(date);
  for (std::string_view field : {speakers, topics, source, language}) {
    out += kFieldSeparator;
    out += field;
  }
  return out;
}

std::string id_term(std::string_view id) { return join(kIdPrefix, id); }
std::string speaker_term(std::string_view name) {
  return join(kSpeakerPrefix, normalize_value(name));
}
std::string mention_term(std::string_view name) {
  return join(kMentionPrefix, normalize_value(name));
}
std::string topic_term(std::string_view topic_id) {
  return join(kTopicPrefix, normalize_value(topic_id));
}
std::string source_term(std::string_view source) {
  return join(kSourcePrefix, normalize_value(source));
}
std::string language_term(std::string_view language) {
  return join(kLanguagePrefix, normalize_value(language));
}
std::string year_term(int year) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d", year);
  return join(kYearPrefix, buf);
}
std::string month_term(int year, int month) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d", year, month);
  return join(kMonthPrefix, buf);
}
std::string day_term(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
  return join(kDayPrefix, buf);
}
std::string spoken_prefix(std::string_view canonical_name) {
  std::string out(kSpokenPrefix);
  out += speaker_key(canonical_name);
  out += ':';
  return out;
}

std::string spoken_term(std::string_view spoken_prefix, std::string_view term) {
  if (term.empty()) return {};
  auto lower_ascii_word = [](std::string_view t) {
    if (t.empty() || t[0] < 'a' || t[0] > 'z') return false;
    for (char c : t)
      if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
  };
  std::string out;
  if (term[0] == 'Z') {
    std::string_view stem = term.substr(1);
    if (stem.empty() || stem[0] < 'a' || stem[0] > 'z') return {};
    out = "Z";
    out += spoken_prefix;
    out += stem;
    return out;
  }
  if (lower_ascii_word(term)) return {};
  out = spoken_prefix;
  out += term;
  return out;
}

std::string exchange_value(std::string_view date, std::string_view kind,
                           const std::vector<std::string>& china,
                           const std::vector<std::string>& us,
                           const std::vector<std::string>& named, std::string_view month_day,
                           int weekday, const std::vector<std::string>& place) {
  if (china.empty() || us.empty()) return "";
  auto joined = [](const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
      if (!out.empty()) out += kListSeparator;
      out += n;
    }
    return out;
  };
  std::string v(date);
  v += kFieldSeparator;
  v += kind;
  v += kFieldSeparator;
  v += joined(china);
  v += kFieldSeparator;
  v += joined(us);
  v += kFieldSeparator;
  v += joined(named);
  v += kFieldSeparator;
  v += month_day;
  v += kFieldSeparator;
  if (weekday >= 1 && weekday <= 7) v += static_cast<char>('0' + weekday);
  v += kFieldSeparator;
  v += joined(place);
  return v;
}

std::string exchange_term(std::string_view participant) {
  return std::string(kExchangePrefix) + normalize_value(participant);
}

std::string event_term(std::string_view event_id) {
  return std::string(kEventPrefix) + std::string(event_id);
}

}  // namespace readouts::schema
