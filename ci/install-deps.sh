#!/usr/bin/env bash
# Installs every Debian 12 package that citelint's build, tests and bench need.
# Boost is 1.81 (Boost.URL first ships there), not libboost-dev (1.74).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost1.81-dev libboost-url1.81-dev
  libre2-dev libyaml-cpp-dev libcli11-dev nlohmann-json3-dev libmimalloc-dev
  libcurl4-openssl-dev libsqlite3-dev libssl-dev zlib1g-dev
  catch2
  python3
)

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
