#include "lina/nn/module.hpp"

#include "lina/core/errors.hpp"

namespace lina::nn {

void Module::collect_parameters(const std::string&, std::vector<NamedTensor>&) const {}

std::vector<NamedTensor> Module::named_parameters() const {
  std::vector<NamedTensor> out;
  collect_parameters("", out);
  return out;
}

std::vector<Tensor> Module::parameters() const {
  std::vector<Tensor> out;
  for (auto& [name, t] : named_parameters()) out.push_back(t);
  return out;
}

std::int64_t Module::num_parameters() const {
  std::int64_t n = 0;
  for (const Tensor& t : parameters()) n += t.size();
  return n;
}

void Module::zero_grad() {
  for (Tensor t : parameters()) t.zero_grad();
}

Sequential& Sequential::add(std::shared_ptr<Module> layer) {
  if (!layer) throw ValueError("Sequential::add: null layer");
  layer->train(training_);
  layers_.push_back(std::move(layer));
  return *this;
}

Tensor Sequential::forward(const Tensor& x) {
  Tensor h = x;
  for (auto& layer : layers_) h = layer->forward(h);
  return h;
}

void Sequential::train(bool on) {
  training_ = on;
  for (auto& layer : layers_) layer->train(on);
}

std::string Sequential::describe() const {
  std::string s = "Sequential(\n";
  for (std::size_t i = 0; i < layers_.size(); ++i) s += "  (" + std::to_string(i) + "): " + layers_[i]->describe() + "\n";
  return s + ")";
}

void Sequential::collect_parameters(const std::string& prefix, std::vector<NamedTensor>& out) const {
  for (std::size_t i = 0; i < layers_.size(); ++i) layers_[i]->collect_parameters(prefix + std::to_string(i) + ".", out);
}

}  // namespace lina::nn
