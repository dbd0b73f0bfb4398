// Shared setup for the fuzz targets: the default knowledge (data/) loaded once.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "shared/extract/knowledge.h"

namespace readouts::fuzz {

inline const Knowledge& knowledge() {
  static const Knowledge* k = [] {
    auto loaded = load_knowledge({default_data_dir()});
    if (!loaded.ok()) {
      std::fprintf(stderr, "fuzz: cannot load knowledge from %s: %s\n",
                   default_data_dir().c_str(), loaded.error().message.c_str());
      std::abort();
    }
    return new Knowledge(std::move(loaded.value()));
  }();
  return *k;
}

}  // namespace readouts::fuzz
