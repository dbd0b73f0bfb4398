// A small, fixed Knowledge for the query tests (edits to data/ must not change them).
#pragma once

#include <doctest/doctest.h>

#include "shared/extract/knowledge.h"

namespace readouts {

inline const Knowledge& query_test_knowledge() {
  static const Knowledge knowledge = [] {
    Knowledge k;
    REQUIRE(k.add_people_json(R"({"people": [
      {"id": "xi_jinping", "name": "Xi Jinping",
       "aliases": ["Xi", "President Xi", "习近平", "習近平", "시진핑"]},
      {"id": "donald_trump", "name": "Donald J. Trump",
       "aliases": ["Trump", "Donald Trump", "President Trump", "特朗普", "川普", "트럼프"]},
      {"id": "joe_biden", "name": "Joe Biden", "aliases": ["Biden", "拜登"]},
      {"id": "li_qiang", "name": "Li Qiang", "aliases": ["Premier Li Qiang", "李强"]},
      {"id": "wang_yi", "name": "Wang Yi", "aliases": ["王毅"]},
      {"id": "he_lifeng", "name": "He Lifeng", "aliases": ["Vice Premier He", "何立峰"]}
    ]})",
                              "people.json")
                .ok());
    REQUIRE(k.add_topics_json(R"({"topics": [
      {"id": "taiwan", "label": "Taiwan", "label_zh": "台湾", "terms": ["taiwan"]},
      {"id": "fentanyl", "label": "Fentanyl", "terms": ["fentanyl"]},
      {"id": "climate", "label": "Climate", "terms": ["climate"]},
      {"id": "north_korea", "label": "North Korea", "terms": ["north korea"]}
    ]})",
                              "topics.json")
                .ok());
    REQUIRE(k.add_synonyms_text("prc, china\ndprk, north korea\nphone call, call, 通电话\n",
                                "synonyms.txt")
                .ok());
    REQUIRE(k.add_pair_names_json(R"({"people": [
      {"name": "Xi Jinping", "initials": ["习", "習"]},
      {"name": "Donald J. Trump", "initials": ["川"]},
      {"name": "Joe Biden", "initials": ["拜"]}],
      "endings": ["会", "會", "通话"]})",
                                  "pair_names.json")
                .ok());
    return k;
  }();
  return knowledge;
}

}  // namespace readouts
