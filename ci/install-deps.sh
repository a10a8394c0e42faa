#!/usr/bin/env bash
# Installs every Debian 12 package that citelint's build and tests need.
# Boost is 1.81 (Boost.URL first ships there), not libboost-dev (1.74).
#   ci/install-deps.sh           build and tests
#   ci/install-deps.sh --bench   also the peers bench/links.sh runs: linkchecker (Debian),
#                                linkinator and markdown-link-check (npm, versions pinned in
#                                bench/peers/package-lock.json, with the Node.js 22 that
#                                linkinator 8 needs, as an npm package)
set -euo pipefail
bench=false
[ "${1:-}" = "--bench" ] && bench=true

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost1.81-dev libboost-url1.81-dev
  libre2-dev libyaml-cpp-dev libcli11-dev nlohmann-json3-dev libmimalloc-dev
  libcurl4-openssl-dev libsqlite3-dev libssl-dev zlib1g-dev libpugixml-dev
  libzip-dev libpoppler-cpp-dev libpoppler-glib-dev libgumbo-dev libcmark-gfm-dev libcmark-gfm-extensions-dev wamerican libicu-dev libidn2-dev libpsl-dev
  catch2
  clang libclang-rt-dev
  python3 python3-jsonschema python3-rfc3987
  chromium
  dpkg-dev man-db bash-completion zsh fish
)
if $bench; then
  packages+=(linkchecker)
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "ci/install-deps.sh: installing ${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if $bench; then
  # npm from Debian, or the one that came with a newer Node.js already installed.
  (cd "$(dirname "$0")/../bench/peers" && npm ci --no-audit --no-fund --loglevel=error)
fi
