#!/usr/bin/env bash
# Installs the Debian packages that lina's build, tests and examples need.
# Idempotent: packages already present are left alone; `apt-get update` runs once,
# only when something is missing.
set -euo pipefail

PACKAGES=(
  cmake ninja-build pkg-config g++ clang libomp-dev libclang-rt-14-dev  # compilers, OpenMP, sanitizers
  googletest libgtest-dev libgmock-dev libbenchmark-dev         # tests and benchmarks
  libhwy-dev                                                    # SIMD with runtime dispatch
  libcli11-dev libedit-dev libzip-dev zlib1g-dev                # the lina command, .npz, gzip
  python3-numpy                                                 # the oracle (/usr/bin/python3)
  libopenblas-dev                                               # the optional GEMM backend's test (-DLINA_BLAS)
  libxml2-utils librsvg2-bin tmux                               # checking pictures; the REPL on a terminal
  dataset-fashion-mnist                                         # the training example's data
  python3-torch                                                 # autograd and optimizers checked against PyTorch
  doxygen                                                       # the API reference (the `docs` target)
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: all ${#PACKAGES[@]} packages present"
