// The page-ahead prefetches (kernels/page_prefetch.hpp) change no result, so a wrong
// page test would only show as lost speed. These tests pin down the part that decides
// where they go: starts_page is true for exactly one step in every page a loop walks,
// whatever the step and wherever the loop starts, and prefetch_pages_ahead touches one
// line per page start inside the stretch it is given.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>

#include "kernels/page_prefetch.hpp"

namespace {

using lina::kernels::kPageBytes;
using lina::kernels::starts_page;

const void* address(std::uintptr_t a) { return reinterpret_cast<const void*>(a); }

TEST(PagePrefetch, StartsPageOncePerPageForEveryStepAndStart) {
  const std::uintptr_t base = std::uintptr_t{1} << 30;  // page-aligned; never dereferenced
  for (std::uintptr_t step = 4; step <= kPageBytes; step *= 2) {
    // Starts at several offsets in a page, among them half a step (the arithmetic
    // kernels step by two vectors from a start aligned to one).
    for (std::uintptr_t offset : {std::uintptr_t{0}, step / 2, step, kPageBytes / 2, kPageBytes - step}) {
      std::map<std::uintptr_t, int> hits;  // page -> steps that started it
      const std::uintptr_t begin = base + offset;
      std::uintptr_t last_start = begin;
      for (std::uintptr_t a = begin; a < begin + 8 * kPageBytes; a += step) {
        if (starts_page(address(a), step)) ++hits[a / kPageBytes];
        last_start = a;
      }
      // Every page after the first in which a step starts has exactly one hit; the
      // first page has one when the walk starts within a step of its beginning.
      const std::uintptr_t first = begin / kPageBytes;
      EXPECT_EQ(hits[first], offset % kPageBytes < step ? 1 : 0) << "step " << step << " offset " << offset;
      for (std::uintptr_t page = first + 1; page <= last_start / kPageBytes; ++page)
        EXPECT_EQ(hits[page], 1) << "step " << step << " offset " << offset << " page " << page - first;
    }
  }
}

TEST(PagePrefetch, StartsPageIsFalseInsideAPage) {
  const std::uintptr_t page = std::uintptr_t{7} << 20;
  EXPECT_TRUE(starts_page(address(page), 64));
  EXPECT_TRUE(starts_page(address(page + 63), 64));
  EXPECT_FALSE(starts_page(address(page + 64), 64));
  EXPECT_FALSE(starts_page(address(page + kPageBytes - 1), 64));
  EXPECT_TRUE(starts_page(address(page + kPageBytes), 64));
}

// The prefetches only hint, so what can be checked is that they accept any stretch
// (empty, inside one page, across pages, at the end of a real array) without reading
// memory: under AddressSanitizer (the test suite's second build) a read past `data`
// would fail this test.
TEST(PagePrefetch, PrefetchesAnyStretchWithoutFaulting) {
  alignas(64) static float data[4096];
  lina::kernels::prefetch_pages_ahead(data, 0);
  lina::kernels::prefetch_pages_ahead(data, sizeof(data));
  lina::kernels::prefetch_pages_ahead(data + 4095, 4);
  lina::kernels::prefetch_page_ahead(data + 4095, 64);
  lina::kernels::prefetch_ahead(data + 4095, kPageBytes);
  SUCCEED();
}

}  // namespace
