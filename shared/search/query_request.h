// Reads whether a query asks who asked for an exchange ("who requested the call?", "是谁主动
//提出的", "Wer hat das Telefonat angeregt?"), from data/accounts.json's request_questions. Pure.
#pragma once

#include <string_view>

#include "shared/extract/knowledge.h"

namespace readouts {

// The query holds one of the question words with one of the verbs, or one of the phrases
// (ASCII ones as whole words, case-insensitive).
bool asks_who_requested(std::string_view query, const AccountRules::RequestQuestions& rq);

// A word of such a query that only asks (a question word, a verb, or a CJK run of them:
// "主動提出"): not searched.
bool only_asks_who_requested(std::string_view lower_word, const AccountRules::RequestQuestions& rq);

}  // namespace readouts
