#include "lina/data/batches.hpp"

#include <cstring>
#include <numeric>

#include "lina/core/errors.hpp"

namespace lina::data {

BatchSampler::BatchSampler(std::int64_t n, std::int64_t batch_size, bool shuffle, std::uint64_t seed, bool drop_last)
    : n_(n), batch_size_(batch_size), shuffle_(shuffle), drop_last_(drop_last), gen_(seed) {
  if (n < 0) throw ValueError("BatchSampler: number of samples must be >= 0, got " + std::to_string(n));
  if (batch_size < 1) throw ValueError("BatchSampler: batch_size must be >= 1, got " + std::to_string(batch_size));
  order_.resize(static_cast<std::size_t>(n));
  std::iota(order_.begin(), order_.end(), std::int64_t{0});
  pos_ = n_;  // nothing until start_epoch()
}

void BatchSampler::start_epoch() {
  if (shuffle_) {
    // Fisher-Yates with the generator's unbiased bounded draws.
    for (std::int64_t i = n_ - 1; i > 0; --i) {
      const auto j = static_cast<std::int64_t>(gen_.next_below(static_cast<std::uint64_t>(i + 1)));
      std::swap(order_[static_cast<std::size_t>(i)], order_[static_cast<std::size_t>(j)]);
    }
  }
  pos_ = 0;
}

std::span<const std::int64_t> BatchSampler::next() {
  const std::int64_t left = n_ - pos_;
  if (left <= 0 || (drop_last_ && left < batch_size_)) return {};
  const std::int64_t take = std::min(left, batch_size_);
  std::span<const std::int64_t> out(order_.data() + pos_, static_cast<std::size_t>(take));
  pos_ += take;
  return out;
}

std::int64_t BatchSampler::num_batches() const {
  return drop_last_ ? n_ / batch_size_ : (n_ + batch_size_ - 1) / batch_size_;
}

void gather_rows(const Array& src, std::span<const std::int64_t> rows, Array& out) {
  if (src.ndim() < 1) throw ShapeError("gather_rows: source must have at least one dimension, got a 0-d array");
  Shape shape = src.shape();
  const std::int64_t n = shape[0];
  shape[0] = static_cast<std::int64_t>(rows.size());
  if (out.shape() != shape || out.dtype() != src.dtype() || !out.is_contiguous()) out = Array(shape, src.dtype());
  const Array s = src.contiguous();
  const std::int64_t row_bytes = n > 0 ? s.nbytes() / n : 0;
  const auto* from = static_cast<const std::byte*>(s.raw_data());
  auto* to = static_cast<std::byte*>(out.raw_data());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::int64_t r = rows[i];
    if (r < 0 || r >= n)
      throw IndexError("gather_rows: row " + std::to_string(r) + " is out of bounds for " + std::to_string(n) + " rows");
    std::memcpy(to + static_cast<std::int64_t>(i) * row_bytes, from + r * row_bytes, static_cast<std::size_t>(row_bytes));
  }
}

}  // namespace lina::data
