#!/usr/bin/env bash
# Builds the readers' libFuzzer targets with clang (AddressSanitizer and UBSan on) and runs each
# for a fixed time on the project's fixtures as seeds. A crash, a leak or a sanitizer report
# fails the run and leaves the input that caused it in build-sanitize/crashes/.
#   ci/fuzz.sh [SECONDS]     per target; default 15
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
# The sanitizer build of ci/test.sh, which has the fuzz targets (CITELINT_FUZZ); made here when
# there is none.
dir="${CITELINT_FUZZ_BUILD:-build-sanitize}"
if [ ! -f "$dir/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCITELINT_FUZZ=ON \
    -DCITELINT_MIMALLOC=OFF >/dev/null
fi
cmake --build "$dir" --parallel "$(nproc)" --target read_fuzz
mkdir -p "$dir/crashes"
# Seeds: tests/fixtures/FORMAT (plain text's are the examples) and tests/fuzz/seeds/FORMAT, the
# hostile ones (nesting thousands deep, files cut short; tests/fuzz/make_seeds.py writes them).
seeds_of() {
  # The PDF target lays out words, not PDF files: its own seeds only.
  [ "$1" = pdf ] && { echo tests/fuzz/seeds/pdf; return 0; }
  # The citations' fixtures (tests/fixtures/cite/FORMAT) seed their format's scanner too.
  for d in "tests/fixtures/$1" "tests/fuzz/seeds/$1" "tests/fixtures/cite/$1"; do
    [ -d "$d" ] && echo "$d"
  done
  [ "$1" = text ] && echo examples
  return 0
}
formats=$(CITELINT_FUZZ_LIST=1 "$dir/tests/fuzz/read_fuzz")
for format in $formats; do
  corpus="$dir/corpus/$format"
  log="$dir/read_${format}_fuzz.log"
  mkdir -p "$corpus"
  # shellcheck disable=SC2046  # no seeds: no argument
  if ! CITELINT_FUZZ_FORMAT="$format" ASAN_OPTIONS=detect_leaks=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 "$dir/tests/fuzz/read_fuzz" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$dir/crashes/${format}-" "$corpus" $(seeds_of "$format") >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "ci/fuzz.sh: read_fuzz ($format) failed; the input is in $dir/crashes/" >&2
    exit 1
  fi
  echo "read_fuzz $format: $(grep -E '^Done [0-9]+ runs' "$log" || tail -1 "$log")"
done
