// The default data folder's Knowledge (data/), loaded once per test process for the tests that
// check extraction against the shipped data; a load failure fails the test that asks for it.
#pragma once

#include <doctest/doctest.h>

#include "shared/extract/knowledge.h"

namespace readouts::testing {

inline const Knowledge& default_knowledge() {
  static const Result<Knowledge> loaded = load_knowledge({default_data_dir()});
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  return loaded.value();
}

}  // namespace readouts::testing
