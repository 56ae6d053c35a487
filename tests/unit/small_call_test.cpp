// The small-array fast path of binary operations (NOTE: [Small-array fast path] in
// src/ops/elementwise.cpp) gives what the general path gives: for every dtype pair and
// operation, contiguous operands (which may take it) are compared bit for bit with
// strided views of the same values (which cannot), into new arrays and into out=.
// Operands the fast path must leave alone (non-contiguous, overlapping out=, another
// out= dtype or shape) are checked against results computed from copies.
#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "lina/lina.hpp"

namespace {

using lina::Array;
using lina::DType;

const std::vector<DType> kDTypes{lina::bool_, lina::uint8, lina::int32, lina::int64, lina::float32, lina::float64};

struct BinaryOp {
  const char* name;
  std::function<Array(const Array&, const Array&)> into_new;
  std::function<Array&(const Array&, const Array&, Array&)> into_out;
};

#define LINA_TEST_OP(f)                                                            \
  BinaryOp {                                                                       \
    #f, [](const Array& a, const Array& b) { return lina::f(a, b); },              \
        [](const Array& a, const Array& b, Array& o) -> Array& { return lina::f(a, b, o); } \
  }

const std::vector<BinaryOp>& ops() {
  static const std::vector<BinaryOp> all{
      LINA_TEST_OP(add),          LINA_TEST_OP(subtract),    LINA_TEST_OP(multiply),   LINA_TEST_OP(divide),
      LINA_TEST_OP(floor_divide), LINA_TEST_OP(remainder),   LINA_TEST_OP(power),      LINA_TEST_OP(maximum),
      LINA_TEST_OP(minimum),      LINA_TEST_OP(equal),       LINA_TEST_OP(not_equal),  LINA_TEST_OP(less),
      LINA_TEST_OP(less_equal),   LINA_TEST_OP(greater),     LINA_TEST_OP(greater_equal), LINA_TEST_OP(logical_and),
      LINA_TEST_OP(logical_or),   LINA_TEST_OP(logical_xor)};
  return all;
}

#undef LINA_TEST_OP

// Same dtype, shape and bytes.
void expect_identical(const Array& got, const Array& want, const std::string& what) {
  ASSERT_EQ(got.dtype(), want.dtype()) << what;
  ASSERT_EQ(got.shape(), want.shape()) << what;
  const Array g = got.contiguous(), w = want.contiguous();
  EXPECT_EQ(std::memcmp(g.raw_data(), w.raw_data(), static_cast<std::size_t>(g.nbytes())), 0) << what;
}

// `values` (shape `shape`) as a C-contiguous array of `dt`, and the same values as a
// view with every other element of a twice-as-long buffer: never contiguous.
Array values_of(const std::vector<double>& values, const lina::Shape& shape, DType dt) {
  return lina::frombuffer<double>(values, shape).astype(dt);
}
Array strided_copy_of(const Array& a) {
  lina::Shape wide = a.shape();
  wide.push_back(2);
  Array buffer = lina::zeros(wide, a.dtype());
  Array view = buffer(lina::ellipsis, 0);
  view.assign(a);
  EXPECT_FALSE(view.is_contiguous() && view.size() > 1);
  return view;
}

// Runs f; returns the exception's message, or "" when it did not throw.
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

void check_op_on(const BinaryOp& op, const Array& a, const Array& b, const std::string& what) {
  const Array sa = strided_copy_of(a), sb = strided_copy_of(b);
  Array fast, general;
  const std::string fast_error = error_of([&] { fast = op.into_new(a, b); });
  const std::string general_error = error_of([&] { general = op.into_new(sa, sb); });
  ASSERT_EQ(fast_error, general_error) << what;
  if (!general_error.empty()) return;
  expect_identical(fast, general, what + " into a new array");
  Array out = lina::zeros(general.shape(), general.dtype());
  Array& returned = op.into_out(a, b, out);
  EXPECT_EQ(&returned, &out) << what;
  expect_identical(out, general, what + " into out=");
}

TEST(SmallCall, FastPathMatchesGeneralPathForEveryDtypePair) {
  const std::vector<double> av{3, 1, 4, 1, 5, 9, 2, 6}, bv{2, 7, 1, 8, 2, 8, 1, 3};
  int compared = 0;
  for (const BinaryOp& op : ops()) {
    for (DType da : kDTypes) {
      for (DType db : kDTypes) {
        const std::string what = std::string(op.name) + "(" + lina::dtype_name(da) + ", " + lina::dtype_name(db) + ")";
        check_op_on(op, values_of(av, {8}, da), values_of(bv, {8}, db), what + " (8,)");
        check_op_on(op, values_of(av, {2, 4}, da), values_of(bv, {2, 4}, db), what + " (2,4)");
        if (HasFatalFailure()) return;
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, static_cast<int>(ops().size() * kDTypes.size() * kDTypes.size()));
}

TEST(SmallCall, ZeroDimensionalAndEmptyOperands) {
  for (const BinaryOp& op : ops()) {
    for (DType dt : kDTypes) {
      const std::string what = std::string(op.name) + " " + lina::dtype_name(dt);
      // 0-d: the value of the same operation on one-element arrays, with shape ().
      const Array a0 = values_of({5}, {}, dt), b0 = values_of({2}, {}, dt);
      Array r0, r1;
      const std::string e0 = error_of([&] { r0 = op.into_new(a0, b0); });
      const std::string e1 = error_of([&] { r1 = op.into_new(a0.reshape({1}), b0.reshape({1})); });
      ASSERT_EQ(e0, e1) << what;
      if (!e0.empty()) continue;
      EXPECT_EQ(r0.shape(), lina::Shape{}) << what;
      expect_identical(r0.reshape({1}), r1, what + " 0-d");
      Array out0 = lina::zeros({}, r0.dtype());
      op.into_out(a0, b0, out0);
      expect_identical(out0, r0, what + " 0-d into out=");
      // Size 0: an empty result of the right dtype.
      const Array e = lina::zeros({0}, dt), e2 = lina::zeros({2, 0}, dt);
      const Array re = op.into_new(e, e);
      EXPECT_EQ(re.shape(), lina::Shape{0}) << what;
      EXPECT_EQ(re.dtype(), r0.dtype()) << what;
      EXPECT_EQ(op.into_new(e2, e2).shape(), (lina::Shape{2, 0})) << what;
      Array oute = lina::zeros({0}, r0.dtype());
      op.into_out(e, e, oute);
      EXPECT_EQ(oute.size(), 0) << what;
    }
  }
}

// Operands the fast path must not take: their results are those of contiguous copies.
TEST(SmallCall, NonContiguousOperandsGoTheGeneralWay) {
  const Array m = lina::arange(0, 8, 1, lina::float32).reshape({2, 4});
  const Array n = lina::arange(10, 18, 1, lina::float32).reshape({2, 4});
  // Transposed: same shape (4,2) for both, neither contiguous.
  expect_identical(m.T() + n.T(), m.T().copy() + n.T().copy(), "transposed + transposed");
  expect_identical(m.T() + n.T().copy(), m.T().copy() + n.T().copy(), "transposed + contiguous");
  expect_identical(m.T().copy() + n.T(), m.T().copy() + n.T().copy(), "contiguous + transposed");
  // Reversed: negative strides.
  const Array r = m.reshape({8})(lina::slice(lina::none, lina::none, -1));
  const Array c = n.reshape({8});
  expect_identical(r * c, r.copy() * c, "reversed * contiguous");
  expect_identical(c * r, c * r.copy(), "contiguous * reversed");
  // A contiguous out= of a transposed input.
  Array out = lina::zeros({4, 2}, lina::float32);
  lina::subtract(m.T(), n.T(), out);
  expect_identical(out, m.T().copy() - n.T().copy(), "transposed into out=");
}

TEST(SmallCall, OutputThatOverlapsAnInputGoesTheGeneralWay) {
  // out = x[1:], a = x[:8]: NumPy reads a as it was before writing (np.add(x[:8], b,
  // out=x[1:])), where a flat loop over shared memory would read its own results.
  Array x = lina::arange(0, 9, 1, lina::float32);
  const Array b = lina::full({8}, 10.0f, lina::float32);
  const Array expected = x(lina::slice(0, 8)).copy() + b;
  Array out = x(lina::slice(1, 9));
  lina::add(x(lina::slice(0, 8)), b, out);
  expect_identical(out, expected, "add into an overlapping out=");
  // The very same view (in place) is fine and gives a + b.
  Array y = lina::arange(0, 8, 1, lina::float32);
  const Array y_plus_b = y.copy() + b;
  y += b;
  expect_identical(y, y_plus_b, "in place");
  Array z = lina::arange(0, 8, 1, lina::int64);
  const Array z_times_z = z.copy() * z.copy();
  lina::multiply(z, z, z);
  expect_identical(z, z_times_z, "z *= z");
}

TEST(SmallCall, OutputOfAnotherDtypeOrShapeIsCheckedAsBefore) {
  const Array a = lina::arange(0, 8, 1, lina::float32), b = lina::ones({8}, lina::float32);
  Array wide = lina::zeros({8}, lina::float64);
  lina::add(a, b, wide);  // float32 result cast to float64, as NumPy's out=
  expect_identical(wide, (a + b).astype(lina::float64), "float32 into float64 out=");
  Array ints = lina::zeros({8}, lina::int32);
  EXPECT_THROW(lina::add(a, b, ints), lina::TypeError);
  Array wrong = lina::zeros({2, 4}, lina::float32);
  EXPECT_THROW(lina::add(a, b, wrong), lina::ShapeError);
  Array strided = lina::zeros({8, 2}, lina::float32)(lina::colon, 0);
  lina::add(a, b, strided);
  expect_identical(strided, a + b, "into a strided out=");
}

}  // namespace
