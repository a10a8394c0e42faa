#!/usr/bin/env bash
# Puts citelint on this Debian 12 machine (the Action's container) and prints the path of the
# binary: the release made for the action's ref when there is one (its .deb, installed with
# apt-get, which brings its dependencies), else citelint built from the action's own source.
#   ci/github-action/install.sh
# Environment:
#   CITELINT_REF          the action's ref (v0.2.0, main, a commit); only a v<version> tag has
#                         a release to look for
#   CITELINT_REPOSITORY   owner/name of the action's repository
#   CITELINT_RELEASES     where releases are downloaded from, <base>/<tag>/citelint-linux-amd64.deb
#                         (default: the repository's GitHub releases)
#   CITELINT_INSTALL_ROOT unpack the package there instead of installing it (tests)
#   CITELINT_BUILD_DIR    where a source build goes (default /tmp/citelint-build)
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
ref="${CITELINT_REF:-}"
repo="${CITELINT_REPOSITORY:-}"
base="${CITELINT_RELEASES:-${repo:+https://github.com/$repo/releases/download}}"
say() { echo "citelint install: $*" >&2; }

from_source() {
  say "$1: building from the action's source"
  "$src/ci/install-deps.sh" >&2
  "$src/ci/build.sh" "${CITELINT_BUILD_DIR:-/tmp/citelint-build}" >&2
  echo "${CITELINT_BUILD_DIR:-/tmp/citelint-build}/citelint"
}

if [[ ! "$ref" =~ ^v[0-9] ]]; then
  from_source "the ref '${ref}' is not a release tag"
  exit 0
fi
if [ -z "$base" ]; then
  from_source "no repository to download the release of $ref from"
  exit 0
fi
if ! command -v curl >/dev/null; then
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends curl ca-certificates >&2
fi
deb="$(mktemp -d)/citelint-linux-amd64.deb"
if ! curl -fsSL --retry 2 -o "$deb" "$base/$ref/citelint-linux-amd64.deb"; then
  from_source "no release package for $ref at $base"
  exit 0
fi
if [ -n "${CITELINT_INSTALL_ROOT:-}" ]; then
  dpkg-deb -x "$deb" "$CITELINT_INSTALL_ROOT"
  say "unpacked the $ref release into $CITELINT_INSTALL_ROOT"
  echo "$CITELINT_INSTALL_ROOT/usr/bin/citelint"
  exit 0
fi
[ -n "$(ls /var/lib/apt/lists/ 2>/dev/null | grep -v lock)" ] || apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >&2
say "installed the $ref release"
command -v citelint
