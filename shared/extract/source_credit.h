// Who an article is by: an explicit field, the agency a dateline or an opening "(AFP)" credits,
// credit lines ("Fuente: EFE", "* AFP"), a "Source:" line, a repost's masthead line, the outlet
// owning the url's host, a name in the page chrome, else the url's domain; credits resolve to
// canonical outlet names (outlets.json). Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shared/knowledge/outlets.h"

namespace readouts {

struct SourceEvidence {
  std::string_view field;  // explicit source field ("" if none)
  // The office whose statement the text reproduces ("... attributable to Spokesperson X:",
  // statement_issuer.h): its outlet's name, "" if none. Above every credit but the field.
  std::string_view issuer;
  std::string_view dateline_credit;  // "APP", "Xinhua", "新华社" ("" if none)
  std::string_view source_line;      // a "Source: X" line near the top ("" if none)
  const std::vector<std::string>* credit_lines = nullptr;     // credit lines anywhere
  const std::vector<std::string>* bare_credits = nullptr;     // names alone on a line: "* AFP"
  const std::vector<std::string>* top_lines = nullptr;        // short lines above the article
  const std::vector<std::string>* copyright_lines = nullptr;  // "X版权所有", "© 2024 X"
  const std::vector<std::string>* paragraphs = nullptr;       // for "PARIS (AFP) -" openings
  std::string_view url;
};

std::string resolve_source(const SourceEvidence& evidence, const Outlets& outlets);

}  // namespace readouts
