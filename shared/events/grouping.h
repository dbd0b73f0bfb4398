// Groups accounts into events: the same exchange told by each side, whatever the language or
// outlet. Pure: the database side is shared/index/event_index.h.
#pragma once

#include <string>
#include <vector>

#include "shared/extract/knowledge.h"

namespace readouts {

// What grouping needs of one account (from its Exchange and date).
struct AccountSignature {
  int day = -1;      // days since 1970-01-01 of the article's date (day precision), else -1
  std::string kind;  // Exchange::kind
  std::vector<std::string> china, us;
  // A user's correction: this event id, or kNoEvent; empty when the grouping decides.
  std::string forced;
  int month = -1;                  // year * 12 + month - 1 when the month is known, else -1
  std::vector<std::string> named;  // named events the article names (Exchange::named)
  // month * 100 + day of Exchange::month_day ("10-30": 1030), the day alone of "--DD" (1..31),
  // else 0
  int month_day = 0;
  int weekday = 0;            // Exchange::weekday: 1 = Monday .. 7 = Sunday, 0 when none
  std::string place;          // Exchange::place: a places.json id, "" for calls and when unsaid
  std::string place_country;  // Exchange::place_country
  bool place_stands_for_government = false;  // Exchange::place_stands_for_government
};

// A named event of data/events.json: its id, its days and its people.
struct NamedEvent {
  std::string id;
  int from_day = 0, to_day = 0;
  std::vector<std::string> people;
  // The wider places its place lies in (places.json "within"): an undated account saying where
  // in those words ("San Francisco" of the Filoli estate) is held there.
  std::vector<std::string> areas;
};

// Accounts join one event when their dates are at most kLinkDays apart (Beijing is a day ahead of
// Washington; accounts follow the exchange by a day or two), their kinds agree (a call is not a
// meeting; an unknown kind agrees with any), and they share a side's lead participant. An event
// spans at most kMaxSpanDays, unless a named event covers it.
inline constexpr int kLinkDays = 2;
inline constexpr int kMaxSpanDays = 3;
// An account naming one named event joins it up to kRecapDays after its last day (a recap of a
// summit's two days written three days later); others up to two days after.
inline constexpr int kRecapDays = 7;

// The event id of each account, in input order: the named event's id when one matches (its days,
// widened by one day before and two after, and a participant of each side among its people), else
// "YYYY-MM-DD-kind-us-lead-china-lead" of its first day
// ("2025-11-24-call-donald-j-trump-xi-jinping"), with "-2", "-3" for a second and third such event.
// A forced account takes its forced id (none for kNoEvent) and links no other.
std::vector<std::string> group_accounts(const std::vector<AccountSignature>& accounts,
                                        const std::vector<NamedEvent>& named);

inline constexpr const char* kNoEvent = "-";

// Named events of the knowledge (events.json groups with a span).
std::vector<NamedEvent> named_events(const Knowledge& knowledge);

// Days since 1970-01-01 of "YYYYMMDD" or "YYYY-MM-DD" with a day; -1 when not a full date.
int day_number(std::string_view date);
// year * 12 + month - 1 of "YYYYMM.." or "YYYY-MM.." with a month; -1 when the month is unknown.
int month_number(std::string_view date);
// "YYYY-MM-DD" of a day number.
std::string iso_of_day(int day);
// month * 100 + day of "MM-DD" (Exchange::month_day), the day of "--DD"; 0 when it is not a day
// of the calendar.
int month_day_number(std::string_view month_day);

}  // namespace readouts
