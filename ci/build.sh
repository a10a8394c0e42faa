#!/usr/bin/env bash
# Configures and builds citelint: ci/build.sh [BUILD_DIR] [extra cmake args...]
# BUILD_DIR defaults to build/ (Release). The binary is BUILD_DIR/citelint.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build}"
shift || true
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$dir/CMakeCache.txt" ]; then
  cmake -S . -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "$@"
fi
cmake --build "$dir" --parallel "$(nproc)"
