#!/usr/bin/env bash
# Builds citelint (Release) and packs it: a Debian package, its dependencies declared by
# dpkg-shlibdeps, and a tarball of the same tree (bin/, lib/citelint/, share/).
#   ci/package.sh [BUILD_DIR] [OUT_DIR]      default build, dist
# OUT_DIR gets citelint_<version>_amd64.deb and citelint-<version>-Linux.tar.gz, and copies
# under the names a release carries and the GitHub Action downloads:
# citelint-linux-amd64.deb and citelint-linux-amd64.tar.gz.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
out="${2:-dist}"
ci/build.sh "$build" >/dev/null
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cpack --config "$build/CPackConfig.cmake" -B "$out/.cpack" >/dev/null 2>&1 ||
  cpack --config "$build/CPackConfig.cmake" -B "$out/.cpack"  # again, to show why
for f in "$out"/.cpack/*.deb "$out"/.cpack/*.tar.gz; do mv -f "$f" "$out/"; done
rm -rf "$out/.cpack"
version="$("$build/citelint" --version | awk '{print $2}')"
deb="$out/citelint_${version}_amd64.deb"
tgz="$out/citelint-${version}-Linux.tar.gz"
cp -f "$deb" "$out/citelint-linux-amd64.deb"
cp -f "$tgz" "$out/citelint-linux-amd64.tar.gz"
echo "$deb"
echo "$tgz"
