// Queries asking who asked for an exchange (shared/search/query_request.h and the interpreter),
// with data/accounts.json's request_questions.
#include <doctest/doctest.h>

#include <algorithm>

#include "shared/search/query_interpreter.h"
#include "shared/search/query_request.h"
#include "tests/unit/test_default_knowledge.h"

using namespace readouts;

namespace {

const AccountRules::RequestQuestions& rules() {
  return readouts::testing::default_knowledge().account_rules().request_questions;
}

bool holds(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("a question word with a request verb, or a phrase, asks who asked for the exchange") {
  CHECK(asks_who_requested("Who requested the phone call in March?", rules()));
  CHECK(asks_who_requested("which side initiated the Busan meeting", rules()));
  CHECK(asks_who_requested("Wer hat das Gespräch angeregt?", rules()));
  CHECK(asks_who_requested("по чьей инициативе состоялся разговор", rules()));
  CHECK(asks_who_requested("这次通话是谁主动提出的", rules()));
  CHECK(asks_who_requested("누가 요청했나 통화", rules()));
  // Asking, but not who asked; a verb without a question; a word only containing "ask".
  CHECK_FALSE(asks_who_requested("who said what about Taiwan", rules()));
  CHECK_FALSE(asks_who_requested("Xi requested more purchases of soybeans", rules()));
  CHECK_FALSE(asks_who_requested("who is Haskell", rules()));
}

TEST_CASE("the words that only ask are not searched, and the rest are") {
  const Knowledge& k = readouts::testing::default_knowledge();
  const Interpretation en = interpret_query("who asked for the call about fentanyl", k, false);
  CHECK(en.asks_request);
  CHECK(holds(en.words, "fentanyl"));
  CHECK(holds(en.words, "call"));
  CHECK_FALSE(holds(en.words, "asked"));
  const Interpretation zh = interpret_query("中美元首通话是谁主动提出的", k, false);
  CHECK(zh.asks_request);
  for (const std::string& w : zh.words) CHECK(w.find("主动") == std::string::npos);
  CHECK_FALSE(interpret_query("who asked for the call", k, /*literal=*/true).asks_request);
  CHECK(only_asks_who_requested("主动提出", rules()));
  CHECK_FALSE(only_asks_who_requested("通话", rules()));
}
