// load_knowledge(): reads the data files of each data folder and merges them in order.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "shared/extract/knowledge.h"

namespace readouts {

namespace fs = std::filesystem;

std::filesystem::path default_data_dir() {
  if (const char* env = std::getenv("READOUTS_DATA_DIR"); env && *env) return fs::path(env);
  return fs::path(READOUTS_SOURCE_DIR) / "data";
}

namespace {

// Reads a whole data file; a missing file is fine unless required.
Result<std::string> read_data_file(const fs::path& path, bool required) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (required) return make_error(Code::kNotFound, path.string() + ": data file not found");
    return std::string();
  }
  if (fs::is_directory(path, ec))
    return make_error(Code::kIoError, path.string() + ": is a folder, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Code::kIoError, path.string() + ": cannot open data file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return make_error(Code::kIoError, path.string() + ": read error");
  return ss.str();
}

}  // namespace

Result<Knowledge> load_knowledge(const std::vector<std::filesystem::path>& dirs) {
  Knowledge k;
  k.begin_load();
  for (size_t d = 0; d < dirs.size(); ++d) {
    const fs::path& dir = dirs[d];
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
      return make_error(Code::kNotFound, dir.string() + ": data folder not found");
    const bool required = d == 0;
    auto people = read_data_file(dir / "people.json", required);
    if (!people.ok()) return people.error();
    auto topics = read_data_file(dir / "topics.json", required);
    if (!topics.ok()) return topics.error();
    auto synonyms = read_data_file(dir / "synonyms.txt", required);
    if (!synonyms.ok()) return synonyms.error();
    auto outlets = read_data_file(dir / "outlets.json", required);
    if (!outlets.ok()) return outlets.error();
    if (Status s = k.add_people_json(people.value(), (dir / "people.json").string()); !s.ok())
      return s.error();
    if (Status s = k.add_topics_json(topics.value(), (dir / "topics.json").string()); !s.ok())
      return s.error();
    if (Status s = k.add_synonyms_text(synonyms.value(), (dir / "synonyms.txt").string()); !s.ok())
      return s.error();
    if (Status s = k.add_outlets_json(outlets.value(), (dir / "outlets.json").string()); !s.ok())
      return s.error();
    // Places before events: an event's group takes in its place's names.
    for (const char* name : {"places.json", "events.json"}) {
      auto text = read_data_file(dir / name, false);
      if (!text.ok()) return text.error();
      const std::string origin = (dir / name).string();
      Status s = std::string_view(name) == "places.json" ? k.add_places_json(text.value(), origin)
                                                         : k.add_events_json(text.value(), origin);
      if (!s.ok()) return s.error();
    }
    auto pairs = read_data_file(dir / "pair_names.json", false);
    if (!pairs.ok()) return pairs.error();
    if (Status s = k.add_pair_names_json(pairs.value(), (dir / "pair_names.json").string());
        !s.ok())
      return s.error();
    auto accounts = read_data_file(dir / "accounts.json", false);
    if (!accounts.ok()) return accounts.error();
    if (Status s = k.add_accounts_json(accounts.value(), (dir / "accounts.json").string()); !s.ok())
      return s.error();
    auto corrections = read_data_file(dir / "event_corrections.json", false);
    if (!corrections.ok()) return corrections.error();
    if (Status s = k.add_event_corrections_json(corrections.value(),
                                                (dir / "event_corrections.json").string());
        !s.ok())
      return s.error();
    auto attribution = read_data_file(dir / "attribution.json", false);
    if (!attribution.ok()) return attribution.error();
    if (Status s = k.add_attribution_json(attribution.value(), (dir / "attribution.json").string());
        !s.ok())
      return s.error();
  }
  k.end_load();
  return k;
}

}  // namespace readouts
