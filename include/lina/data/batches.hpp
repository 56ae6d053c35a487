// Mini-batches: a seeded shuffled order of sample indices, and gathering the rows of
// one batch into a reused buffer (no allocation per batch).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "lina/core/array.hpp"
#include "lina/ops/random.hpp"

namespace lina::data {

class BatchSampler {
 public:
  // Batches of `batch_size` indices over [0, n); the last batch may be smaller unless
  // drop_last. With shuffle, each epoch draws a new order from a generator seeded once.
  BatchSampler(std::int64_t n, std::int64_t batch_size, bool shuffle, std::uint64_t seed = 0, bool drop_last = false);

  // Starts an epoch (reshuffling when shuffling).
  void start_epoch();
  // The next batch's indices, or an empty span at the end of the epoch.
  std::span<const std::int64_t> next();

  std::int64_t num_batches() const;
  std::int64_t batch_size() const { return batch_size_; }

 private:
  std::int64_t n_, batch_size_;
  bool shuffle_, drop_last_;
  Generator gen_;
  std::vector<std::int64_t> order_;
  std::int64_t pos_ = 0;
};

// Copies rows `rows` of src (n, ...) into out, which is resized (reallocated) only
// when its leading size or dtype differ: out gets shape (rows.size(), ...).
void gather_rows(const Array& src, std::span<const std::int64_t> rows, Array& out);

}  // namespace lina::data
