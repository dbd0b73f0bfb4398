// Compares the accounts of one event: which topics each raises, with each side's passages; the
// topics only one government raises; who asked for the call; and what one government credits to
// the other's people on a topic the other's own account never raises. Pure.
#pragma once

#include <string>
#include <vector>

#include "shared/core/article.h"
#include "shared/extract/knowledge.h"

namespace readouts {

struct SidePassage {
  std::string account;  // article id
  std::string side;     // the account's side
  std::string speaker;  // "" for narration
  std::string text;
  std::vector<std::string> topics;  // credited_only_by_other: the topics the other never raises
};

struct TopicComparison {
  std::string topic;                  // topic id
  std::vector<std::string> accounts;  // ids of the accounts raising it
  std::vector<SidePassage> passages;  // the passages on it, government accounts first
};

struct RequestClaim {
  std::string side;      // "china" or "us": the side that asked for the exchange
  std::string account;   // the account saying so
  std::string evidence;  // the words it says it with ("应约", "at the request of")
};

struct Comparison {
  std::vector<TopicComparison> topics;  // by number of accounts raising them
  std::vector<std::string> only_china_government, only_us_government;  // topic ids
  std::vector<RequestClaim> requested_by;
  // Passages of one government's account where a person of the other side speaks on a topic
  // the other government's own accounts never raise.
  std::vector<SidePassage> credited_only_by_other;
};

// Compares the accounts (articles with passages and side). Government accounts are the sides'
// own; "only" and "credited" lists are empty unless both governments have an account.
Comparison compare_accounts(const std::vector<Article>& accounts, const Knowledge& knowledge);

// The topics a passage is about: those of the taxonomy with a specific term (weight 2 or more)
// in it.
std::vector<std::string> passage_topics(const Passage& passage, const Knowledge& knowledge);

}  // namespace readouts
