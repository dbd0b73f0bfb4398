// Reads events and their accounts from a database (readouts-index events, /api/events).
// The caller owns the Xapian::Database (one per thread); Xapian errors become Errors.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "nlohmann/json_fwd.hpp"
#include "shared/core/article.h"
#include "shared/core/status.h"
#include "shared/events/comparison.h"

namespace readouts {

struct EventAccount {
  Article article;      // as stored (passages included)
  std::string copy_of;  // the id of the account this one reposts (shared/events/copies.h), or ""
};

struct EventDetail {
  std::string id;
  std::string date;                    // the first account's date, ISO
  std::string kind;                    // the most common kind of its accounts; "" when none says
  std::vector<std::string> china, us;  // participants named by its accounts, leads first
  std::string place;       // data/places.json id: the place most of its accounts name; ""
  std::string place_name;  // its name to show (name_place)
  std::vector<EventAccount> accounts;  // by date, then side
  Comparison comparison;               // filled by compare() (needs the knowledge)
};

// Fills e.place_name from the knowledge (the place's English name).
void name_place(EventDetail& e, const Knowledge& knowledge);

// Fills e.comparison from its accounts (shared/events/comparison.h).
void compare(EventDetail& e, const Knowledge& knowledge);

// Every event (only_id empty) or the one event with that id (empty list when unknown).
Result<std::vector<EventDetail>> read_events(const Xapian::Database& db,
                                             std::string_view only_id = "");

// {"id","date","kind","place":{"id","name"}|null,"china","us","accounts":[{"id","title","date","source","side","language",
// "url","speakers","topics"}],"topics_by_side":{"china_government":[...],"us_government":[...]},
// "comparison":{"topics":[{"topic","accounts","passages":[{"account","side","speaker","text"}]}],
// "only_china_government","only_us_government","requested_by":[{"side","account","evidence"}],
// "credited_only_by_other":[passage]}}
void to_json(nlohmann::json& j, const EventDetail& e);

}  // namespace readouts
