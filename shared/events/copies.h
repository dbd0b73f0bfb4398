// Finds reposts among the accounts of one event: the same text on several sites (a Xinhua
// release carried by ten outlets) is one account with its copies. Pure.
#pragma once

#include <string>
#include <vector>

#include "shared/core/article.h"

namespace readouts {

// Share of word shingles two texts must have in common (Jaccard) to be one text.
inline constexpr double kCopyOverlap = 0.6;

// For each article, the index of the article it is a copy of, or -1 for an original. Of a set
// of copies the original is the government's account, else the earliest, else the first given.
std::vector<int> find_copies(const std::vector<const Article*>& articles);

// Jaccard overlap of the 4-word shingles of two articles' passages (CJK: 4 characters).
double text_overlap(const Article& a, const Article& b);

}  // namespace readouts
