// How many threads lina's own loops use (the caller and pool workers). Defaults to
// LINA_NUM_THREADS, else OpenMP's default (the number of cores). Work is split only
// above a grain size, and never from inside another parallel region, lina's or the
// user's OpenMP one (no oversubscription).
#pragma once

namespace lina {

int get_num_threads();
void set_num_threads(int n);  // n >= 1; ValueError otherwise

}  // namespace lina
