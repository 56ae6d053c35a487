// The IDX reader against files NumPy writes (every element type, gzip and plain,
// 0-d to 4-d and size-0 shapes), the real Fashion-MNIST files where installed, and
// every kind of damage: each raises IOError naming the file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "lina/data/batches.hpp"
#include "lina/data/datasets.hpp"
#include "lina/lina.hpp"
#include "unit/test_support.hpp"

namespace {

using lina_test::TempDir;

// Python that writes case_N.idx[.gz] and case_N.npy (the expected values, widened as
// lina widens: byte/short/int to int32) for many types and shapes.
const char* kWriteCases = R"PY(
import gzip, struct
rng = np.random.default_rng(5)
types = [(0x08, '>u1', np.uint8), (0x09, '>i1', np.int32), (0x0B, '>i2', np.int32),
         (0x0C, '>i4', np.int32), (0x0D, '>f4', np.float32), (0x0E, '>f8', np.float64)]
shapes = [(), (0,), (7,), (3, 4), (2, 0, 3), (2, 3, 4, 5), (1, 28, 28)]
n = 0
for code, be, widened in types:
    for shape in shapes:
        info = np.iinfo(be) if np.dtype(be).kind in 'iu' else None
        if info is not None:
            a = np.asarray(rng.integers(info.min, info.max, size=shape, endpoint=True), dtype=be)
        else:
            a = np.asarray(rng.normal(size=shape) * 1e3, dtype=be)  # asarray: 0-d stays an array
        data = bytes([0, 0, code, len(shape)]) + b''.join(struct.pack('>I', s) for s in shape) + a.tobytes()
        for gz in (False, True):
            name = f'case_{n}.idx' + ('.gz' if gz else '')
            with open(name, 'wb') as f:
                f.write(gzip.compress(data) if gz else data)
            np.save(f'case_{n}.npy', a.astype(widened))
            print(name)
            n += 1
)PY";

TEST(Idx, ReadsWhatNumPyWritesForEveryTypeAndShape) {
  TempDir dir;
  std::istringstream names(lina_test::run_numpy(kWriteCases, dir));
  std::string name;
  int checked = 0;
  while (std::getline(names, name)) {
    const std::string stem = name.substr(0, name.find('.'));
    const lina::Array got = lina::load_idx(dir.file(name));
    const lina::Array want = lina::load_npy(dir.file(stem + ".npy"));
    ASSERT_EQ(got.dtype(), want.dtype()) << name;
    ASSERT_EQ(got.shape(), want.shape()) << name;
    ASSERT_TRUE(lina::array_equal(got, want)) << name;
    ++checked;
  }
  EXPECT_EQ(checked, 6 * 7 * 2);
}

std::string write(const TempDir& dir, const std::string& name, const std::string& bytes) {
  std::ofstream(dir.file(name), std::ios::binary) << bytes;
  return dir.file(name);
}

TEST(Idx, DamagedFilesRaiseIOErrorNamingTheFile) {
  TempDir dir;
  const std::string ok = std::string("\0\0\x08\x02\0\0\0\x02\0\0\0\x03", 12) + "abcdef";
  EXPECT_EQ(lina::load_idx(write(dir, "ok.idx", ok)).shape(), (lina::Shape{2, 3}));
  EXPECT_THROW_MSG(lina::load_idx(dir.file("missing.idx")), lina::IOError, "missing.idx", "cannot open");
  EXPECT_THROW_MSG(lina::load_idx(dir.path().string()), lina::IOError, "directory");
  EXPECT_THROW_MSG(lina::load_idx(write(dir, "empty.idx", "")), lina::IOError, "empty.idx", "too short");
  EXPECT_THROW_MSG(lina::load_idx(write(dir, "magic.idx", std::string("\x01\0\x08\x01", 4))), lina::IOError,
                   "magic.idx", "not an IDX file");
  EXPECT_THROW_MSG(lina::load_idx(write(dir, "type.idx", std::string("\0\0\x07\x01\0\0\0\0", 8))), lina::IOError,
                   "type.idx", "0x07");
  EXPECT_THROW_MSG(lina::load_idx(write(dir, "header.idx", std::string("\0\0\x08\x03\0\0\0\x02", 8))),
                   lina::IOError, "header.idx", "truncated header");
  EXPECT_THROW_MSG(lina::load_idx(write(dir, "short.idx", ok.substr(0, ok.size() - 1))), lina::IOError, "short.idx",
                   "truncated", "6 elements");
  EXPECT_THROW_MSG(lina::load_idx(write(dir, "long.idx", ok + "x")), lina::IOError, "long.idx", "1 bytes follow");
  EXPECT_THROW_MSG(lina::load_idx(write(dir, "huge.idx", std::string("\0\0\x0e\x03\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 16))),
                   lina::IOError, "huge.idx", "more than lina may allocate");
  // gzip damage: a cut stream and corrupt deflate data.
  lina_test::run_numpy(
      "import gzip\n"
      "data = bytes([0,0,8,1,0,0,0,100]) + bytes(range(100))\n"
      "z = gzip.compress(data)\n"
      "open('cut.idx.gz','wb').write(z[:len(z)//2])\n"
      "open('bad.idx.gz','wb').write(z[:10] + bytes([0xff]*8) + z[18:])\n",
      dir);
  EXPECT_THROW_MSG(lina::load_idx(dir.file("cut.idx.gz")), lina::IOError, "cut.idx.gz", "truncated");
  EXPECT_THROW(lina::load_idx(dir.file("bad.idx.gz")), lina::IOError);
}

TEST(Idx, DecompressionIsBoundedByTheAllocationLimit) {
  TempDir dir;
  // 64 MiB of zeros compress to about 64 KiB; with a 1 MiB limit it must stop early.
  lina_test::run_numpy(
      "import gzip\nopen('bomb.idx.gz','wb').write(gzip.compress(bytes([0,0,8,1,4,0,0,0]) + bytes(64 << 20)))\n", dir);
  const std::size_t saved = lina::max_alloc_bytes();
  lina::set_max_alloc_bytes(1 << 20);
  EXPECT_THROW_MSG(lina::load_idx(dir.file("bomb.idx.gz")), lina::IOError, "bomb.idx.gz", "allocation limit");
  lina::set_max_alloc_bytes(saved);
}

TEST(Datasets, MissingFilesNameThePathAndThePackage) {
  TempDir dir;
  EXPECT_THROW_MSG(lina::data::load_mnist_format(dir.path().string()), lina::IOError, "train-images-idx3-ubyte",
                   "dataset-fashion-mnist");
}

TEST(Datasets, FashionMnistAsDebianInstallsIt) {
  const std::string d = lina::data::fashion_mnist_dir();
  if (!std::filesystem::exists(d + "/train-images-idx3-ubyte.gz"))
    GTEST_SKIP() << "Fashion-MNIST is not installed at " << d << " (apt-get install dataset-fashion-mnist)";
  const lina::data::ImageDataset ds = lina::data::load_fashion_mnist();
  EXPECT_EQ(ds.train.images.shape(), (lina::Shape{60000, 784}));
  EXPECT_EQ(ds.test.images.shape(), (lina::Shape{10000, 784}));
  EXPECT_EQ(ds.train.labels.dtype(), lina::int64);
  EXPECT_EQ(lina::min(ds.train.images).item<float>(), 0.0f);
  EXPECT_EQ(lina::max(ds.train.images).item<float>(), 1.0f);
  // Fashion-MNIST is balanced: 6,000 training images per class.
  for (std::int64_t k = 0; k < 10; ++k)
    EXPECT_EQ(lina::sum(lina::equal(ds.train.labels, k)).item<std::int64_t>(), 6000) << "class " << k;
}

TEST(Batches, EveryIndexOncePerEpochAndReproducibleShuffles) {
  lina::data::BatchSampler a(10, 4, true, 42), b(10, 4, true, 42), plain(10, 4, false);
  EXPECT_EQ(a.num_batches(), 3);
  for (int epoch = 0; epoch < 3; ++epoch) {
    a.start_epoch();
    b.start_epoch();
    std::vector<std::int64_t> seen;
    std::vector<std::size_t> sizes;
    for (auto rows = a.next(); !rows.empty(); rows = a.next()) {
      auto other = b.next();
      EXPECT_TRUE(std::equal(rows.begin(), rows.end(), other.begin(), other.end()));
      seen.insert(seen.end(), rows.begin(), rows.end());
      sizes.push_back(rows.size());
    }
    EXPECT_EQ(sizes, (std::vector<std::size_t>{4, 4, 2}));
    std::sort(seen.begin(), seen.end());
    for (std::int64_t i = 0; i < 10; ++i) EXPECT_EQ(seen[static_cast<std::size_t>(i)], i);
  }
  plain.start_epoch();
  EXPECT_EQ(plain.next()[3], 3);
  lina::data::BatchSampler dropping(10, 4, false, 0, true);
  EXPECT_EQ(dropping.num_batches(), 2);
  EXPECT_THROW_MSG(lina::data::BatchSampler(10, 0, false), lina::ValueError, "batch_size");
}

TEST(Batches, GatherRowsCopiesRowsIntoAReusedBuffer) {
  const lina::Array src = lina::arange(12).reshape({4, 3});
  lina::Array out;
  const std::vector<std::int64_t> rows{3, 0};
  lina::data::gather_rows(src, rows, out);
  EXPECT_TRUE(lina::array_equal(out, lina::array<std::int64_t>({{9, 10, 11}, {0, 1, 2}})));
  const void* buffer = out.raw_data();
  lina::data::gather_rows(src.T().T(), rows, out);
  EXPECT_EQ(out.raw_data(), buffer);
  const std::vector<std::int64_t> bad{4};
  EXPECT_THROW_MSG(lina::data::gather_rows(src, bad, out), lina::IndexError, "row 4", "4 rows");
}

}  // namespace
