#!/usr/bin/env bash
# Builds the readers' libFuzzer targets with clang (AddressSanitizer and UBSan on) and runs each
# for a fixed time on the project's fixtures as seeds. A crash, a leak or a sanitizer report
# fails the run and leaves the input that caused it in build-fuzz/crashes/.
#   ci/fuzz.sh [SECONDS]     per target; default 15
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
dir=build-fuzz
if [ ! -f "$dir/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCITELINT_FUZZ=ON \
    -DCITELINT_MIMALLOC=OFF >/dev/null
fi
cmake --build "$dir" --parallel "$(nproc)" --target read_text_fuzz read_bibtex_fuzz \
  read_csl_json_fuzz read_ris_fuzz read_jats_fuzz read_latex_fuzz read_markdown_fuzz read_html_fuzz \
  read_docx_fuzz read_pdf_fuzz
mkdir -p "$dir/crashes"
declare -A seeds=([text]=examples [bibtex]=tests/fixtures/bibtex [csl_json]=tests/fixtures/csl
                  [ris]=tests/fixtures/ris [jats]=tests/fixtures/jats [latex]=tests/fixtures/latex
                  [markdown]=tests/fixtures/markdown [html]=tests/fixtures/html
                  [docx]=tests/fixtures/docx [pdf]=tests/fuzz/seeds/pdf)
for format in text bibtex csl_json ris jats latex markdown html docx pdf; do
  corpus="$dir/corpus/$format"
  log="$dir/read_${format}_fuzz.log"
  mkdir -p "$corpus"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$dir/tests/fuzz/read_${format}_fuzz" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$dir/crashes/${format}-" \
    "$corpus" "${seeds[$format]}" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "ci/fuzz.sh: read_${format}_fuzz failed; the input is in $dir/crashes/" >&2
    exit 1
  fi
  echo "read_${format}_fuzz: $(grep -E '^Done [0-9]+ runs' "$log" || tail -1 "$log")"
done
