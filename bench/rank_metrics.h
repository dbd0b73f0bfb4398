// Ranking metrics over graded judgments (bench/rank_eval.cpp, docs/ranking-eval.md). Pure, no I/O.
//
// A ranking is a list of document ids, best first; judgments map a document id to its grade
// (gain), and a grade > 0 means relevant. Judged documents that no system can return (not in the
// index) still count in the ideal ranking and in the number of relevant documents, so that a
// collection with missing documents scores lower for every system alike.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace bench {

using Grades = std::map<std::string, int>;

inline int grade_of(const Grades& grades, const std::string& id) {
  auto it = grades.find(id);
  return it == grades.end() ? 0 : it->second;
}

inline size_t relevant_count(const Grades& grades) {
  return static_cast<size_t>(
      std::count_if(grades.begin(), grades.end(), [](const auto& g) { return g.second > 0; }));
}

// nDCG@k with gain 2^grade - 1 and discount log2(rank + 1) (rank from 1).
inline double ndcg_at(const std::vector<std::string>& ranked, const Grades& grades, size_t k) {
  auto gain = [](int g) { return g > 0 ? std::pow(2.0, g) - 1 : 0.0; };
  auto discount = [](size_t i) { return std::log2(static_cast<double>(i) + 2); };
  double dcg = 0;
  for (size_t i = 0; i < ranked.size() && i < k; ++i)
    dcg += gain(grade_of(grades, ranked[i])) / discount(i);
  std::vector<int> ideal;
  for (const auto& [id, g] : grades) ideal.push_back(g);
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (size_t i = 0; i < ideal.size() && i < k; ++i) idcg += gain(ideal[i]) / discount(i);
  return idcg > 0 ? dcg / idcg : 0;
}

// Average precision over the whole list given (the caller cuts it at its depth): the mean, over
// every relevant document, of the precision at its rank (0 for those not retrieved).
inline double average_precision(const std::vector<std::string>& ranked, const Grades& grades) {
  const size_t relevant = relevant_count(grades);
  if (relevant == 0) return 0;
  double sum = 0;
  size_t found = 0;
  for (size_t i = 0; i < ranked.size(); ++i) {
    if (grade_of(grades, ranked[i]) > 0) {
      ++found;
      sum += static_cast<double>(found) / static_cast<double>(i + 1);
    }
  }
  return sum / static_cast<double>(relevant);
}

// Precision at k: relevant documents among the first k, divided by k (short lists count as
// misses).
inline double precision_at(const std::vector<std::string>& ranked, const Grades& grades, size_t k) {
  size_t hits = 0;
  for (size_t i = 0; i < ranked.size() && i < k; ++i)
    if (grade_of(grades, ranked[i]) > 0) ++hits;
  return static_cast<double>(hits) / static_cast<double>(k);
}

}  // namespace bench
