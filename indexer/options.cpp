// Strict flag parsing for the indexer's commands.
#include "indexer/options.h"

namespace readouts {

std::optional<std::string> ParsedArgs::value(const std::string& name) const {
  auto it = flags.find(name);
  if (it == flags.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> ParsedArgs::values(const std::string& name) const {
  auto it = flags.find(name);
  return it == flags.end() ? std::vector<std::string>{} : it->second;
}

Result<ParsedArgs> parse_args(const std::vector<std::string>& args,
                              const std::vector<FlagSpec>& specs) {
  ParsedArgs out;
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (flags_done || a == "-" || !a.starts_with("-")) {
      out.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      flags_done = true;
      continue;
    }
    std::string name = a, inline_value;
    bool has_inline = false;
    if (auto eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      inline_value = a.substr(eq + 1);
      has_inline = true;
    }
    const FlagSpec* spec = nullptr;
    for (const auto& s : specs)
      if (s.name == name) spec = &s;
    if (!spec)
      return make_error(Code::kInvalidArgument, "unknown option " + name + " (see --help)");
    if (out.flags.count(name) && !spec->repeatable)
      return make_error(Code::kInvalidArgument, "option " + name + " given twice");
    if (spec->takes_value) {
      std::string v;
      if (has_inline) {
        v = inline_value;
      } else {
        if (i + 1 >= args.size())
          return make_error(Code::kInvalidArgument,
                            "option " + name + " needs a value (" + spec->value_name + ")");
        v = args[++i];
      }
      if (v.empty())
        return make_error(Code::kInvalidArgument, "option " + name + " needs a non-empty value");
      out.flags[name].push_back(v);
    } else {
      if (has_inline)
        return make_error(Code::kInvalidArgument, "option " + name + " takes no value");
      out.flags[name].push_back("");
    }
  }
  return out;
}

Result<size_t> parse_size(std::string_view text) {
  if (text.empty()) return make_error(Code::kInvalidArgument, "empty size");
  size_t mult = 1;
  char last = text.back();
  if (last == 'K' || last == 'k') mult = 1024;
  if (last == 'M' || last == 'm') mult = 1024 * 1024;
  if (last == 'G' || last == 'g') mult = 1024ull * 1024 * 1024;
  std::string_view digits = mult == 1 ? text : text.substr(0, text.size() - 1);
  if (digits.empty() || digits.size() > 12)
    return make_error(Code::kInvalidArgument,
                      "size '" + std::string(text) + "' is not a number like 32M");
  size_t v = 0;
  for (char c : digits) {
    if (c < '0' || c > '9')
      return make_error(Code::kInvalidArgument,
                        "size '" + std::string(text) + "' is not a number like 32M");
    v = v * 10 + static_cast<size_t>(c - '0');
  }
  if (v == 0) return make_error(Code::kInvalidArgument, "size must be more than 0");
  return v * mult;
}

}  // namespace readouts
