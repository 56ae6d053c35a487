#include <gtest/gtest.h>

#include <random>

#include "lina/lina.hpp"
#include "unit/test_support.hpp"

namespace {

using lina::Array;

std::map<std::string, Array> sample() {
  lina::Generator g(2);
  return {{"W1", g.normal(0, 1, {4, 3}, lina::float32)},
          {"b1", lina::zeros({3}, lina::float32)},
          {"labels", g.integers(0, 10, {7}).astype(lina::uint8)},
          {"mask", lina::array({true, false})},
          {"scalar", lina::full({}, 2.5)},
          {"0.weight", lina::arange(6).reshape({2, 3}).T()}};
}

bool same(const Array& a, const Array& b) {
  return a.shape() == b.shape() && a.dtype() == b.dtype() && lina::all(lina::equal(a, b)).item<bool>();
}

TEST(Npz, RoundTripsStoredAndDeflated) {
  lina_test::TempDir dir;
  for (bool compressed : {false, true}) {
    lina::save_npz(dir.file("a.npz"), sample(), compressed);
    const auto back = lina::load_npz(dir.file("a.npz"));
    ASSERT_EQ(back.size(), sample().size());
    for (const auto& [k, v] : sample()) EXPECT_TRUE(same(back.at(k), v)) << k;
  }
}

TEST(Npz, NumPyReadsLinaArchivesAndLinaReadsNumPys) {
  lina_test::TempDir dir;
  lina::save_npz(dir.file("stored.npz"), sample(), false);
  lina::save_npz(dir.file("deflated.npz"), sample(), true);
  const std::string out = lina_test::run_numpy(R"(
import zipfile
for f in ['stored.npz', 'deflated.npz']:
    z = np.load(f)
    print(f, sorted(z.files), z['W1'].dtype, z['0.weight'].tolist(), zipfile.ZipFile(f).infolist()[0].compress_type)
a = np.arange(12.).reshape(3, 4)
np.savez('np_plain.npz', a=a, i=np.arange(3, dtype=np.int32))
np.savez_compressed('np_comp.npz', a=a, i=np.arange(3, dtype=np.int32))
)", dir);
  EXPECT_NE(out.find("stored.npz ['0.weight', 'W1', 'b1', 'labels', 'mask', 'scalar'] float32 [[0, 3], [1, 4], [2, 5]] 0"),
            std::string::npos) << out;
  EXPECT_NE(out.find("deflated.npz ['0.weight', 'W1', 'b1', 'labels', 'mask', 'scalar'] float32 [[0, 3], [1, 4], [2, 5]] 8"),
            std::string::npos) << out;
  for (const char* f : {"np_plain.npz", "np_comp.npz"}) {
    const auto z = lina::load_npz(dir.file(f));
    EXPECT_TRUE(same(z.at("a"), lina::arange(12.0).reshape({3, 4}))) << f;
    EXPECT_TRUE(same(z.at("i"), lina::arange(3).astype(lina::int32))) << f;
  }
}

TEST(Npz, DamagedArchivesRaiseIOError) {
  lina_test::TempDir dir;
  lina::save_npz(dir.file("a.npz"), sample(), true);
  const std::string good = lina_test::read_file(dir.file("a.npz"));
  auto load = [](const std::string& s) {
    return lina::npz_from_bytes(std::span<const std::byte>(reinterpret_cast<const std::byte*>(s.data()), s.size()), "t.npz");
  };
  EXPECT_THROW_MSG(load(good.substr(0, good.size() / 2)), lina::IOError, "t.npz");
  EXPECT_THROW_MSG(load("not a zip at all"), lina::IOError, "t.npz");
  EXPECT_THROW_MSG(lina::load_npz(dir.file("missing.npz")), lina::IOError, "missing.npz");
  std::mt19937_64 rng(4);
  int loaded = 0, rejected = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string s = good;
    if (i % 2) s = s.substr(0, 1 + rng() % (s.size() - 1));
    for (int k = 0; k < 1 + static_cast<int>(rng() % 3); ++k) s[rng() % s.size()] ^= static_cast<char>(1u << (rng() % 8));
    try {
      (void)load(s);
      ++loaded;
    } catch (const lina::IOError&) {
      ++rejected;
    }
  }
  EXPECT_EQ(loaded + rejected, 2000);
  EXPECT_GT(rejected, 500);
}

}  // namespace
