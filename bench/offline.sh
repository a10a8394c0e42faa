#!/usr/bin/env bash
# Offline linting throughput: read, extract, every core rule, JSON written to a file.
#   bench/offline.sh [SIZES...]     default sizes: 25000 50000 100000 200000 references
#   bench/offline.sh --extracted [SIZES...] a journal's list as PDF extraction leaves it: long
#                                           entries (550 bytes), each with two or three defects;
#                                           about 4,500 findings a MB
#   bench/offline.sh --damaged [SIZES...]   harsher: short entries (190 bytes), each with two or
#                                           three defects; about 12,000 findings a MB
# Prints, per size: input MB, median wall time of 5 runs, MB/s, CPU time, peak RSS, and the
# time per reference relative to the smallest size (1.00 means linear).
set -euo pipefail
cd "$(dirname "$0")/.."
ci/build.sh build >/dev/null
kind=""
if [ "${1:-}" = "--damaged" ] || [ "${1:-}" = "--extracted" ]; then
  kind=${1#--}
  shift
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(25000 50000 100000 200000)
out=bench/out
mkdir -p "$out"

printf '%-10s %8s %9s %8s %8s %9s %10s\n' refs MB wall_s MB/s cpu_s rss_MB per_ref
base=""
for n in "${sizes[@]}"; do
  list="$out/refs-$n${kind:+-$kind}.txt"
  # always anew: the generator may have changed
  build/citelint-bench-gen "$n" 7714 $kind > "$list"
  bytes=$(stat -c %s "$list")
  rows=()
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f '%e %U %S %M' -o "$out/time" \
      build/citelint check --offline --as-of 2024-01-01 --fail-on never --format json \
      -o "$out/report-$n.json" "$list"
    rows+=("$(cat "$out/time")")
  done
  median=$(printf '%s\n' "${rows[@]}" | sort -n | sed -n 3p)
  read -r wall user sys rss <<<"$median"
  python3 - "$n" "$bytes" "$wall" "$user" "$sys" "$rss" "${base:-}" <<'PY'
import sys
n, size, wall, user, sys_, rss = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:7])
base = float(sys.argv[7]) if sys.argv[7] else None
mb = size / 1e6
per_ref = wall / n
print(f"{n:<10} {mb:8.1f} {wall:9.3f} {mb / wall:8.1f} {user + sys_:8.2f} {rss / 1024:9.0f} "
      f"{(per_ref / base if base else 1.0):10.2f}")
with open("bench/out/per_ref", "w") as f:
    f.write(str(base if base else per_ref))
PY
  base=$(cat "$out/per_ref")
done
