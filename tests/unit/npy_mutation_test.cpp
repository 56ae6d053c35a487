// Reads at least 10,000 mutated variants of valid .npy files (truncations, bit flips,
// header edits); each must load or raise lina::IOError — never crash or read out of
// bounds (this test also runs under AddressSanitizer and UBSan).
#include <gtest/gtest.h>

#include <random>

#include "lina/lina.hpp"

namespace {

std::vector<std::string> seeds() {
  std::vector<std::string> out;
  lina::Generator g(3);
  for (lina::DType t : {lina::bool_, lina::uint8, lina::int32, lina::int64, lina::float32, lina::float64}) {
    out.push_back(lina::npy_to_bytes(g.uniform(-9, 9, {3, 4}).astype(t)));
    out.push_back(lina::npy_to_bytes(lina::full({}, 1, t)));
    out.push_back(lina::npy_to_bytes(lina::zeros({2, 0, 3}, t)));
  }
  // A Fortran-order, big-endian and a version 2.0 file, by header edits.
  std::string f = out[0];
  f.replace(f.find("False"), 5, "True ");
  out.push_back(f);
  std::string be = lina::npy_to_bytes(lina::arange(5).astype(lina::float32));
  be.replace(be.find("<f4"), 3, ">f4");
  out.push_back(be);
  return out;
}

int load_outcome(const std::string& bytes) {
  try {
    const lina::Array a =
        lina::npy_from_bytes(std::span<const std::byte>(reinterpret_cast<const std::byte*>(bytes.data()), bytes.size()));
    // Touch every element so a bad view would be caught by the sanitizers.
    (void)lina::repr(a);
    return 1;
  } catch (const lina::IOError&) {
    return 0;
  }
}

TEST(NpyMutation, TenThousandMutantsLoadOrRaiseIOError) {
  std::mt19937_64 rng(12345);
  int loaded = 0, rejected = 0;
  const auto base = seeds();
  for (const std::string& s : base) {
    for (std::size_t n = 0; n < s.size(); n += (n < 140 ? 1 : 7)) (load_outcome(s.substr(0, n)) ? loaded : rejected)++;
  }
  const std::vector<std::string> edits = {"(", ")", ",", "'", "{", "}", "-1", "999999999999", "True", "<f8", "|O",
                                          "<U3", "  ", "\n", "\x00", "descr", "shape", "1e3", "()", "(0,)"};
  while (loaded + rejected < 12000) {
    std::string s = base[rng() % base.size()];
    const int kind = static_cast<int>(rng() % 3);
    if (kind == 0) {  // bit flips anywhere
      for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k) s[rng() % s.size()] ^= static_cast<char>(1u << (rng() % 8));
    } else if (kind == 1) {  // edits inside the header
      const std::size_t header_end = std::min<std::size_t>(s.find('\n'), s.size());
      const std::size_t at = 10 + rng() % std::max<std::size_t>(1, header_end - 10);
      const std::string& e = edits[rng() % edits.size()];
      if (rng() % 2) s.replace(at, std::min<std::size_t>(e.size(), s.size() - at), e);
      else s.insert(at, e);
    } else {  // length-field edits
      s[8 + rng() % 2] = static_cast<char>(rng());
    }
    (load_outcome(s) ? loaded : rejected)++;
  }
  std::cout << "npy mutation: " << loaded + rejected << " variants, " << loaded << " loaded, " << rejected
            << " rejected with IOError\n";
  EXPECT_GE(loaded + rejected, 10000);
  EXPECT_GT(rejected, 1000);
}

}  // namespace
