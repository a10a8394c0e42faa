#!/usr/bin/env bash
# Runs the whole test suite: a release build, then an AddressSanitizer + UndefinedBehaviorSanitizer
# build (clang), each with every unit, rule-fixture and end-to-end test (CTest), then each
# reader's libFuzzer target, from the sanitizer build, for a fixed time (ci/fuzz.sh; CITELINT_FUZZ_SECONDS per target, default 10).
#   ci/test.sh            both builds
#   CITELINT_QUICK=1 ci/test.sh   the release build only
set -euo pipefail
cd "$(dirname "$0")/.."

# In CI, as root, the package test also installs the .deb with apt-get (and removes it).
if [ "${CI:-}" = true ] && [ "$(id -u)" = 0 ]; then export CITELINT_TEST_INSTALL=1; fi

# Each stage says when it starts (seconds since the start): CI must stay under 25 minutes.
stage() { echo "== $1 (at ${SECONDS} s) =="; }
stage "release build"
ci/build.sh build
ctest --test-dir build --output-on-failure --parallel "$(nproc)"

if [ "${CITELINT_QUICK:-0}" != 1 ]; then
  # One clang build serves the sanitizers' test run and the fuzz targets (ci/fuzz.sh): the
  # library is compiled once for both, not twice.
  stage "ASan + UBSan build (clang, with the fuzz targets)"
  CC=clang CXX=clang++ ci/build.sh build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCITELINT_FUZZ=ON \
    -DCITELINT_MIMALLOC=OFF
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS="suppressions=$PWD/ci/lsan.supp:print_suppressions=0" \
    ctest --test-dir build-sanitize --output-on-failure --parallel "$(nproc)"
  stage "fuzzing the readers (libFuzzer)"
  ci/fuzz.sh "${CITELINT_FUZZ_SECONDS:-10}"
fi
echo "== done in ${SECONDS} s =="
