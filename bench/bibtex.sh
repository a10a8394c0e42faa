#!/usr/bin/env bash
# Offline throughput on BibTeX: a .bib of about 50 MB (BibLaTeX @online and @article entries,
# one in ten with a defect the rules report), read and linted, the JSON report written.
#   bench/bibtex.sh [ENTRIES]      default 180000 (about 50 MB)
# Prints input MB, the median wall time of 5 runs, MB/s, CPU time and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/build.sh build >/dev/null
n="${1:-180000}"
out=bench/out
mkdir -p "$out"
bib="$out/refs-$n.bib"
build/citelint-bench-gen "$n" 7714 bibtex > "$bib"
bytes=$(stat -c %s "$bib")
rows=()
for _ in 1 2 3 4 5; do
  /usr/bin/time -f '%e %U %S %M' -o "$out/time" \
    build/citelint check --offline --as-of 2024-01-01 --fail-on never --format json \
    -o "$out/report-bib-$n.json" "$bib"
  rows+=("$(cat "$out/time")")
done
median=$(printf '%s\n' "${rows[@]}" | sort -n | sed -n 3p)
read -r wall user sys rss <<<"$median"
python3 - "$n" "$bytes" "$wall" "$user" "$sys" "$rss" <<'PY'
import sys
n, size, wall, user, sys_, rss = sys.argv[1:]
mb = int(size) / 1e6
print(f"{'entries':<10} {'MB':>8} {'wall_s':>9} {'MB/s':>8} {'cpu_s':>8} {'rss_MB':>9}")
print(f"{n:<10} {mb:8.1f} {float(wall):9.3f} {mb / float(wall):8.1f} "
      f"{float(user) + float(sys_):8.2f} {int(rss) / 1024:9.0f}")
PY
