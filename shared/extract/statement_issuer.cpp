// Who issued a statement an article reproduces: the spokesperson's office (statement_issuer.h).
#include "shared/extract/statement_issuer.h"

#include <algorithm>
#include <string_view>

#include "shared/text/utf8.h"

namespace readouts {

namespace {

constexpr size_t kOpeningParagraphs = 6;
constexpr size_t kLongestName = 48;  // bytes of a spokesperson's name after the formula
constexpr size_t kShortestOfficeName = 10;

// The outlet of kind "official" whose name or alias (ten bytes or more) the role's first clause
// holds, the longest; nullptr when none.
const Outlet* office_in_role(std::string_view role, const Outlets& outlets) {
  role = role.substr(0, role.find(';'));
  const Outlet* best = nullptr;
  size_t best_size = 0;
  for (const Outlet& o : outlets.all()) {
    if (o.kind != "official") continue;
    auto consider = [&](const std::string& name) {
      if (name.size() >= kShortestOfficeName && name.size() > best_size &&
          role.find(name) != std::string_view::npos)
        best = &o, best_size = name.size();
    };
    consider(o.name);
    for (const std::string& alias : o.aliases) consider(alias);
  }
  return best;
}

}  // namespace

const Outlet* statement_issuer(const std::vector<std::string>& paragraphs,
                               const Knowledge& knowledge) {
  static constexpr std::string_view kFormulas[] = {
      "attributable to spokesperson ", "attributed to spokesperson ", "stated by spokesperson "};
  for (size_t i = 0; i < paragraphs.size() && i < kOpeningParagraphs; ++i) {
    const std::string lower = ascii_lower(paragraphs[i]);
    for (std::string_view formula : kFormulas) {
      const size_t at = lower.find(formula);
      if (at == std::string::npos) continue;
      std::string_view name = std::string_view(paragraphs[i]).substr(at + formula.size());
      name = name.substr(0, std::min(name.find_first_of(":,;"), kLongestName));
      while (!name.empty() && name.back() == '.') name.remove_suffix(1);
      const Person* person = knowledge.find_person(trim(name));
      if (!person) continue;
      if (const Outlet* o = office_in_role(person->role, knowledge.outlets())) return o;
    }
  }
  return nullptr;
}

}  // namespace readouts
