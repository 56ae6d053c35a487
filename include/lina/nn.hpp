// Neural networks on lina: modules, layers, optimizers, schedules, parameter files.
#pragma once

#include "lina/autograd.hpp"
#include "lina/nn/init.hpp"
#include "lina/nn/layers.hpp"
#include "lina/nn/module.hpp"
#include "lina/nn/optim.hpp"
#include "lina/nn/schedule.hpp"
#include "lina/nn/serialize.hpp"
