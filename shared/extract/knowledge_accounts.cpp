// Knowledge: accounts.json, how an article's account of an exchange is read (kinds, ranks).
#include <xapian.h>

#include "shared/extract/knowledge.h"
#include "shared/knowledge/data_json.h"
#include "shared/text/utf8.h"

namespace readouts {

namespace {

// The strings under `key` of an object; none when the key is absent.
Result<std::vector<std::string>> strings_of(const nlohmann::json& root, const char* key,
                                            std::string_view origin) {
  if (!root.contains(key)) return std::vector<std::string>{};
  return data_strings(root[key], origin, std::string("\"") + key + "\"");
}

}  // namespace

Status Knowledge::add_accounts_json(std::string_view json_text, std::string_view origin) {
  if (trim(json_text).empty()) return Status::Ok();
  auto doc = parse_data_json(json_text, origin);
  if (!doc.ok()) return doc.error();
  const nlohmann::json& root = doc.value();
  if (!root.is_object()) return data_error(origin, "expected an object");
  AccountRules rules = account_rules_;  // a later folder extends an earlier one
  if (root.contains("kinds")) {
    if (!root["kinds"].is_array()) return data_error(origin, "\"kinds\" must be a list");
    for (const auto& k : root["kinds"]) {
      if (!k.is_object() || !k.contains("kind") || !k["kind"].is_string() || !k.contains("group") ||
          !k["group"].is_string() || k["kind"].get<std::string>().empty() ||
          k["group"].get<std::string>().empty())
        return data_error(
            origin, "every entry of \"kinds\" needs non-empty strings \"kind\" and \"group\"");
      auto words = strings_of(k, "words", origin);
      if (!words.ok()) return words.error();
      for (std::string& w : words.value()) w = ascii_lower(w);
      rules.kinds.push_back(
          {k["kind"].get<std::string>(), k["group"].get<std::string>(), words.value()});
    }
  }
  if (root.contains("ranks")) {
    if (!root["ranks"].is_array()) return data_error(origin, "\"ranks\" must be a list");
    for (const auto& r : root["ranks"]) {
      if (!r.is_object() || !r.contains("rank") || !r["rank"].is_number_integer())
        return data_error(origin, "every entry of \"ranks\" needs an integer \"rank\"");
      auto words = strings_of(r, "role_words", origin);
      if (!words.ok()) return words.error();
      rules.ranks.push_back({r["rank"].get<int>(), std::move(words.value())});
    }
  }
  if (root.contains("default_rank")) {
    if (!root["default_rank"].is_number_integer())
      return data_error(origin, "\"default_rank\" must be an integer");
    rules.default_rank = root["default_rank"].get<int>();
  }
  auto not_participants = strings_of(root, "not_participants", origin);
  if (!not_participants.ok()) return not_participants.error();
  auto carriers = strings_of(root, "government_carriers", origin);
  if (!carriers.ok()) return carriers.error();
  auto answering = strings_of(root, "answering_words", origin);
  if (!answering.ok()) return answering.error();
  auto request = strings_of(root, "request_words", origin);
  if (!request.ok()) return request.error();
  if (root.contains("side_names")) {
    if (!root["side_names"].is_object())
      return data_error(origin, "\"side_names\" must map \"china\" and \"us\" to lists");
    for (const auto& [side, names] : root["side_names"].items()) {
      if (side != "china" && side != "us")
        return data_error(origin, "\"side_names\" keys are \"china\" and \"us\"");
      auto list = strings_of(root["side_names"], side.c_str(), origin);
      if (!list.ok()) return list.error();
      rules.side_names.emplace_back(side, std::move(list.value()));
    }
  }
  if (root.contains("request_questions")) {
    const nlohmann::json& rq = root["request_questions"];
    if (!rq.is_object())
      return data_error(origin,
                        "\"request_questions\" must be an object of lists: question_words, "
                        "verbs, phrases, evidence");
    auto& q = rules.request_questions;
    for (auto [key, list] :
         {std::pair{"question_words", &q.question_words}, std::pair{"verbs", &q.verbs},
          std::pair{"phrases", &q.phrases}, std::pair{"evidence", &q.evidence}}) {
      auto words = strings_of(rq, key, origin);
      if (!words.ok()) return words.error();
      for (auto& w : words.value()) list->push_back(Xapian::Unicode::tolower(w));
    }
  }
  auto preview = strings_of(root, "preview_words", origin);
  if (!preview.ok()) return preview.error();
  auto not_after = strings_of(root, "preview_not_after", origin);
  if (!not_after.ok()) return not_after.error();
  // Lists matched in Unicode lower case, in any script.
  for (auto [key, into] : {std::pair{"preview_after_exchange", &rules.preview_after_exchange},
                           std::pair{"title_report_words", &rules.title_report_words},
                           std::pair{"arrival_words", &rules.arrival_words},
                           std::pair{"state_visit_words", &rules.state_visit_words},
                           std::pair{"arrival_meeting_words", &rules.arrival_meeting_words},
                           std::pair{"deadline_before", &rules.deadline_before},
                           std::pair{"deadline_after", &rules.deadline_after}}) {
    auto words = strings_of(root, key, origin);
    if (!words.ok()) return words.error();
    for (auto& s : words.value()) into->push_back(Xapian::Unicode::tolower(s));
  }
  auto commentary = strings_of(root, "commentary_words", origin);
  if (!commentary.ok()) return commentary.error();
  auto lead_preview = strings_of(root, "lead_preview_words", origin);
  if (!lead_preview.ok()) return lead_preview.error();
  auto lead_report = strings_of(root, "lead_report_words", origin);
  if (!lead_report.ok()) return lead_report.error();
  for (auto& s : lead_preview.value()) rules.lead_preview_words.push_back(ascii_lower(s));
  for (auto& s : lead_report.value()) rules.lead_report_words.push_back(ascii_lower(s));
  for (auto& s : preview.value()) rules.preview_words.push_back(ascii_lower(s));
  for (auto& s : not_after.value()) rules.preview_not_after.push_back(ascii_lower(s));
  for (auto& s : commentary.value()) rules.commentary_words.push_back(ascii_lower(s));
  for (auto& s : answering.value()) rules.answering_words.push_back(std::move(s));
  for (auto& s : request.value()) rules.request_words.push_back(std::move(s));
  for (auto& s : not_participants.value()) rules.not_participants.push_back(std::move(s));
  for (auto& s : carriers.value()) rules.government_carriers.push_back(std::move(s));
  if (root.contains("weekdays")) {
    const auto& days = root["weekdays"];
    if (!days.is_array() || days.size() != 7)
      return data_error(origin, "\"weekdays\" must be seven lists of words, Monday first");
    rules.weekdays.resize(7);
    for (size_t d = 0; d < 7; ++d) {
      auto words = data_strings(days[d], origin, "\"weekdays\"");
      if (!words.ok()) return words.error();
      for (const std::string& w : words.value())
        rules.weekdays[d].push_back(Xapian::Unicode::tolower(w));
    }
  }
  account_rules_ = std::move(rules);
  return Status::Ok();
}

Status Knowledge::add_event_corrections_json(std::string_view json_text, std::string_view origin) {
  if (trim(json_text).empty()) return Status::Ok();
  auto doc = parse_data_json(json_text, origin);
  if (!doc.ok()) return doc.error();
  auto list = data_list(doc.value(), "corrections", origin);
  if (!list.ok()) return list.error();
  std::vector<EventCorrection> parsed;
  for (const auto& c : list.value()) {
    if (!c.is_object() || !c.contains("article") || !c["article"].is_string() ||
        c["article"].get<std::string>().empty() || !c.contains("event") ||
        !(c["event"].is_string() || c["event"].is_null()))
      return data_error(origin,
                        "every correction needs \"article\" (an article id) and \"event\" (an "
                        "event id, or null for none)");
    const std::string event = c["event"].is_string() ? c["event"].get<std::string>() : "";
    for (char ch : event)
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '_' && ch != '.')
        return data_error(origin, "event ids are letters, digits and - _ . (\"" + event + "\")");
    parsed.push_back({c["article"].get<std::string>(), event});
  }
  // A later correction of the same article wins.
  for (EventCorrection& c : parsed) {
    std::erase_if(event_corrections_,
                  [&](const EventCorrection& old) { return old.article == c.article; });
    event_corrections_.push_back(std::move(c));
  }
  return Status::Ok();
}

}  // namespace readouts
