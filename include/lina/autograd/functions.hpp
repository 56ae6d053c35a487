// Differentiable operations on lina::autograd::Tensor. Each computes its value with
// the lina array function of the same name (same broadcasting, same NEP 50 types:
// `t_f32 * 2.0` stays float32) and records its backward rule beside it.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "lina/autograd/tensor.hpp"
#include "lina/core/axes.hpp"
#include "lina/core/scalar.hpp"

namespace lina::autograd {

// Arithmetic with broadcasting; a C++ number is a weak scalar.
Tensor add(const Tensor& a, const Tensor& b);
Tensor subtract(const Tensor& a, const Tensor& b);
Tensor multiply(const Tensor& a, const Tensor& b);
Tensor divide(const Tensor& a, const Tensor& b);
Tensor power(const Tensor& a, const Tensor& b);
Tensor add(const Tensor& a, Scalar b);
Tensor subtract(const Tensor& a, Scalar b);
Tensor subtract(Scalar a, const Tensor& b);
Tensor multiply(const Tensor& a, Scalar b);
Tensor divide(const Tensor& a, Scalar b);
Tensor divide(Scalar a, const Tensor& b);
Tensor power(const Tensor& a, Scalar exponent);
Tensor negative(const Tensor& a);

inline Tensor operator+(const Tensor& a, const Tensor& b) { return add(a, b); }
inline Tensor operator+(const Tensor& a, Scalar b) { return add(a, b); }
inline Tensor operator+(Scalar a, const Tensor& b) { return add(b, a); }
inline Tensor operator-(const Tensor& a, const Tensor& b) { return subtract(a, b); }
inline Tensor operator-(const Tensor& a, Scalar b) { return subtract(a, b); }
inline Tensor operator-(Scalar a, const Tensor& b) { return subtract(a, b); }
inline Tensor operator*(const Tensor& a, const Tensor& b) { return multiply(a, b); }
inline Tensor operator*(const Tensor& a, Scalar b) { return multiply(a, b); }
inline Tensor operator*(Scalar a, const Tensor& b) { return multiply(b, a); }
inline Tensor operator/(const Tensor& a, const Tensor& b) { return divide(a, b); }
inline Tensor operator/(const Tensor& a, Scalar b) { return divide(a, b); }
inline Tensor operator/(Scalar a, const Tensor& b) { return divide(a, b); }
inline Tensor operator-(const Tensor& a) { return negative(a); }

// Elementwise functions.
Tensor exp(const Tensor& a);
Tensor log(const Tensor& a);
Tensor sqrt(const Tensor& a);
Tensor tanh(const Tensor& a);
Tensor sigmoid(const Tensor& a);
Tensor relu(const Tensor& a);
Tensor abs(const Tensor& a);
Tensor maximum(const Tensor& a, const Tensor& b);  // ties share the gradient equally
Tensor minimum(const Tensor& a, const Tensor& b);
Tensor maximum(const Tensor& a, Scalar b);
Tensor minimum(const Tensor& a, Scalar b);
// cond is a plain bool array (no gradient flows into a condition).
Tensor where(const Array& cond, const Tensor& x, const Tensor& y);
// The gradient passes where lo <= a <= hi, as PyTorch's clamp.
Tensor clip(const Tensor& a, Scalar lo, Scalar hi);

// Products. matmul follows numpy.matmul (1-D operands, broadcast batch dimensions);
// dot is numpy.dot for operands of up to two dimensions.
Tensor matmul(const Tensor& a, const Tensor& b);
Tensor dot(const Tensor& a, const Tensor& b);
// x @ weight.T + bias in one operation (the Linear layer): x (..., in), weight
// (out, in), bias (out,) or an empty Tensor for none.
Tensor linear(const Tensor& x, const Tensor& weight, const Tensor& bias);

// Shapes.
Tensor transpose(const Tensor& a);
Tensor transpose(const Tensor& a, const std::vector<int>& axes);
Tensor reshape(const Tensor& a, const Shape& shape);
Tensor expand_dims(const Tensor& a, const Axes& axis);
Tensor squeeze(const Tensor& a, const Axes& axis = {});
Tensor concatenate(const std::vector<Tensor>& tensors, int axis = 0);
Tensor stack(const std::vector<Tensor>& tensors, int axis = 0);

// Reductions over any axes (None: all), with keepdims.
Tensor sum(const Tensor& a, const Axes& axis = {}, bool keepdims = false);
Tensor mean(const Tensor& a, const Axes& axis = {}, bool keepdims = false);
Tensor max(const Tensor& a, const Axes& axis = {}, bool keepdims = false);  // ties share

// Normalisation along one axis, computed stably (the row maximum subtracted first).
Tensor softmax(const Tensor& a, int axis = -1);
Tensor log_softmax(const Tensor& a, int axis = -1);

// Losses, averaged over all elements / samples.
Tensor mse(const Tensor& prediction, const Tensor& target);
// Mean cross-entropy of logits (N, C) against integer class labels (N,) in [0, C),
// fused with the log-softmax (stable for logits of any size).
Tensor cross_entropy(const Tensor& logits, const Array& labels);

}  // namespace lina::autograd
