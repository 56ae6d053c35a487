#include <gtest/gtest.h>

#include "lina/lina.hpp"
#include "unit/test_support.hpp"

namespace {

using lina::Array;
using lina_test::TempDir;

std::vector<Array> sample_arrays() {
  lina::Generator g(7);
  std::vector<Array> out;
  for (lina::DType t : {lina::bool_, lina::uint8, lina::int32, lina::int64, lina::float32, lina::float64}) {
    out.push_back(g.uniform(-100, 100, {2, 3, 4}).astype(t));
    out.push_back(lina::full({}, 7, t));
    out.push_back(lina::zeros({0, 3}, t));
    out.push_back(g.uniform(-5, 5, {5, 6}).astype(t).T());              // non-contiguous
    out.push_back(g.uniform(-5, 5, {9}).astype(t)(lina::slice(lina::none, lina::none, -2)));
  }
  return out;
}

bool same(const Array& a, const Array& b) {
  if (a.shape() != b.shape() || a.dtype() != b.dtype()) return false;
  return lina::all(lina::equal(a, b) || (lina::not_equal(a, a) && lina::not_equal(b, b))).item<bool>();
}

TEST(Npy, RoundTripsEveryDtypeAndLayout) {
  TempDir dir;
  for (const Array& a : sample_arrays()) {
    lina::save_npy(dir.file("x.npy"), a);
    const Array b = lina::load_npy(dir.file("x.npy"));
    EXPECT_TRUE(same(a, b)) << lina::repr(a) << " vs " << lina::repr(b);
  }
}

TEST(Npy, WritesExactlyWhatNumPySaveWrites) {
  TempDir dir;
  const auto arrays = sample_arrays();
  std::string script = "import sys\n";
  for (std::size_t i = 0; i < arrays.size(); ++i) {
    lina::save_npy(dir.file("l" + std::to_string(i) + ".npy"), arrays[i]);
    script += "np.save('n" + std::to_string(i) + ".npy', np.load('l" + std::to_string(i) + ".npy'))\n";
  }
  lina_test::run_numpy(script, dir);
  for (std::size_t i = 0; i < arrays.size(); ++i)
    EXPECT_EQ(lina_test::read_file(dir.file("l" + std::to_string(i) + ".npy")),
              lina_test::read_file(dir.file("n" + std::to_string(i) + ".npy")))
        << "array " << i << ": " << lina::repr(arrays[i]);
}

TEST(Npy, ReadsNumPyFilesOfEveryFlavour) {
  TempDir dir;
  const std::string script = R"(
from numpy.lib import format as fmt
a = np.arange(24, dtype='>i4').reshape(2, 3, 4)
np.save('big.npy', a)
np.save('fortran.npy', np.asfortranarray(np.arange(12.).reshape(3, 4)))
for v in [(1, 0), (2, 0), (3, 0)]:
    with open('v%d.npy' % v[0], 'wb') as f:
        fmt.write_array(f, np.arange(6, dtype=np.float32).reshape(2, 3), version=v)
np.save('bool.npy', np.array([True, False, True]))
np.save('be_f8.npy', np.array([1.5, -2.25], dtype='>f8'))
)";
  lina_test::run_numpy(script, dir);
  EXPECT_TRUE(same(lina::load_npy(dir.file("big.npy")), lina::arange(24).astype(lina::int32).reshape({2, 3, 4})));
  const Array f = lina::load_npy(dir.file("fortran.npy"));
  EXPECT_TRUE(same(f, lina::arange(12.0).reshape({3, 4})));
  EXPECT_TRUE(f.is_f_contiguous());
  for (const char* v : {"v1.npy", "v2.npy", "v3.npy"})
    EXPECT_TRUE(same(lina::load_npy(dir.file(v)), lina::arange(6).astype(lina::float32).reshape({2, 3}))) << v;
  EXPECT_TRUE(same(lina::load_npy(dir.file("bool.npy")), lina::array({true, false, true})));
  EXPECT_TRUE(same(lina::load_npy(dir.file("be_f8.npy")), lina::array({1.5, -2.25})));
}

TEST(Npy, NumPyLoadsLinaFiles) {
  TempDir dir;
  lina::save_npy(dir.file("a.npy"), lina::arange(6).reshape({2, 3}).astype(lina::float32) / 3.0);
  const std::string out = lina_test::run_numpy("a = np.load('a.npy'); print(a.dtype, a.shape, repr(a[1, 2]))\n", dir);
  EXPECT_EQ(out, "float32 (2, 3) 1.6666666\n");
}

TEST(Npy, BadFilesRaiseIOErrorNamingTheReason) {
  TempDir dir;
  const std::string path = dir.file("a.npy");
  lina::save_npy(path, lina::arange(10));
  const std::string good = lina_test::read_file(path);
  auto load_bytes = [](const std::string& s) {
    return lina::npy_from_bytes(std::span<const std::byte>(reinterpret_cast<const std::byte*>(s.data()), s.size()), "t.npy");
  };
  EXPECT_THROW_MSG(load_bytes(good.substr(0, good.size() - 3)), lina::IOError, "t.npy", "truncated");
  EXPECT_THROW_MSG(load_bytes("NOTNUMPY" + good.substr(8)), lina::IOError, "magic");
  std::string bad_descr = good;
  bad_descr.replace(bad_descr.find("<i8"), 3, "<c8");
  EXPECT_THROW_MSG(load_bytes(bad_descr), lina::IOError, "descr", "<c8");
  std::string absurd = good;
  absurd.replace(absurd.find("(10,)"), 5, "(99999999999999999,)");
  EXPECT_THROW(load_bytes(absurd), lina::IOError);
  std::string long_header = good;
  long_header[8] = '\xff';
  long_header[9] = '\x7f';
  EXPECT_THROW_MSG(load_bytes(long_header), lina::IOError, "header");
  EXPECT_THROW_MSG(lina::load_npy(dir.file("missing.npy")), lina::IOError, "missing.npy");
}

TEST(Npy, FailedWriteLeavesNothingBehind) {
  TempDir dir;
  EXPECT_THROW_MSG(lina::save_npy(dir.file("no/such/dir/a.npy"), lina::arange(3)), lina::IOError, "a.npy");
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace

namespace {

TEST(Npy, ADirectoryIsAnIOErrorNotACrash) {
  lina_test::TempDir dir;
  EXPECT_THROW_MSG(lina::load_npy(dir.path().string()), lina::IOError, "is a directory");
  const std::string where = dir.path().string();
  EXPECT_THROW_MSG(lina::load_npz(where), lina::IOError, where.c_str(), "cannot open");
}

}  // namespace
