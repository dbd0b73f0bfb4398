// Shared setup for the fuzz targets: the default knowledge (data/) loaded once. Targets load it
// in LLVMFuzzerInitialize, so that the load (seconds under ASan on a busy machine) never counts
// against libFuzzer's per-input -timeout (it once made the first input "time out").
#pragma once

#include <cstdio>
#include <cstdlib>

#include "shared/extract/knowledge.h"

namespace readouts::fuzz {

inline const Knowledge& knowledge() {
  static const Knowledge* k = [] {
    auto loaded = load_knowledge({default_data_dir()});
    if (!loaded.ok()) {
      std::fprintf(stderr, "fuzz: cannot load knowledge from %s: %s\n", default_data_dir().c_str(),
                   loaded.error().message.c_str());
      std::abort();
    }
    return new Knowledge(std::move(loaded.value()));
  }();
  return *k;
}

}  // namespace readouts::fuzz
