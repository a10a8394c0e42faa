#!/usr/bin/env bash
# Offline speed on a PDF: a typeset two-column reference list (tests/fixtures/pdf/
# make_fixtures.py: long URLs wrapping, running heads and page numbers on every page), read
# through poppler, laid out, linted, the JSON report written.
#   bench/pdf.sh [ENTRIES]      default 10000 (about 170 pages)
# Prints pages, entries, the median wall time of 5 runs, entries/s, CPU time and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/build.sh build >/dev/null
n="${1:-10000}"
out=bench/out
mkdir -p "$out"
pdf="$out/refs-$n.pdf"
python3 tests/fixtures/pdf/make_fixtures.py "$n" "$pdf"
pages=$(grep -ac '/Type /Page ' "$pdf")
rows=()
for _ in 1 2 3 4 5; do
  /usr/bin/time -f '%e %U %S %M' -o "$out/time" \
    build/citelint check --offline --as-of 2024-01-01 --fail-on never --format json \
    -o "$out/report-pdf-$n.json" "$pdf"
  rows+=("$(cat "$out/time")")
done
refs=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['references'])" \
  "$out/report-pdf-$n.json")
median=$(printf '%s\n' "${rows[@]}" | sort -n | sed -n 3p)
read -r wall user sys rss <<<"$median"
python3 - "$pages" "$refs" "$wall" "$user" "$sys" "$rss" <<'PY'
import sys
pages, refs, wall, user, sys_, rss = sys.argv[1:]
print(f"{'pages':>6} {'refs':>7} {'wall_s':>8} {'refs/s':>8} {'cpu_s':>7} {'rss_MB':>7}")
print(f"{pages:>6} {refs:>7} {float(wall):8.3f} {int(refs) / float(wall):8.0f} "
      f"{float(user) + float(sys_):7.2f} {int(rss) / 1024:7.0f}")
PY
