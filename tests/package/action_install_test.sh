#!/usr/bin/env bash
# The GitHub Action's install step (ci/github-action/install.sh), as far as this machine allows:
# a release served from 127.0.0.1 for a v<version> tag is downloaded and unpacked, and its
# citelint annotates a list through check.sh; a tag without a release, and a branch, fall back
# to the source build (here BUILD_DIR, already built), the branch without asking the server.
#   tests/package/action_install_test.sh BUILD_DIR
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "$1" && pwd)"
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "action_install_test: $*" >&2; exit 1; }
cd "$src"

version="$(build/citelint --version 2>/dev/null | awk '{print $2}')"
[ -n "$version" ] || version="$("$build/citelint" --version | awk '{print $2}')"
mkdir -p "$work/releases/v$version"
ci/package.sh "$build" "$work/dist" >/dev/null
cp "$work/dist/citelint-linux-amd64.deb" "$work/releases/v$version/"

# A static server on a free loopback port, its requests logged.
python3 -u -m http.server --bind 127.0.0.1 --directory "$work/releases" 0 \
  >"$work/server.out" 2>"$work/server.log" &
server=$!
for _ in $(seq 50); do
  port="$(grep -o 'port [0-9]*' "$work/server.out" | awk '{print $2}' || true)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || fail "the test server did not start"
base="http://127.0.0.1:$port"

bin="$(CITELINT_REF="v$version" CITELINT_RELEASES="$base" CITELINT_INSTALL_ROOT="$work/root" \
  ci/github-action/install.sh 2>"$work/install.log")" || { cat "$work/install.log"; fail "install"; }
[ "$bin" = "$work/root/usr/bin/citelint" ] || fail "the release's binary is not $bin"
grep -q "unpacked the v$version release" "$work/install.log" || fail "not from the release"
[ "$("$bin" --version)" = "citelint $version" ] || fail "the release's --version"
status=0
CITELINT_BIN="$bin" ci/github-action/check.sh "$work/out" --offline --as-of 2020-01-01 \
  examples/gbt7714.txt >"$work/annotations.txt" || status=$?
[ "$status" = 1 ] || fail "check.sh exited $status"
grep -q "^::error file=examples/gbt7714.txt,line=5" "$work/annotations.txt" || fail "annotations"
[ -s "$work/out/citelint.sarif" ] || fail "no SARIF"

# A tag with no release: the source build.
bin="$(CITELINT_REF=v99.0.0 CITELINT_RELEASES="$base" CITELINT_BUILD_DIR="$build" \
  ci/github-action/install.sh 2>"$work/install.log")" || { cat "$work/install.log"; fail "fallback"; }
[ "$bin" = "$build/citelint" ] || fail "the fallback's binary is not $bin"
grep -q "no release package for v99.0.0" "$work/install.log" || fail "fallback's reason"

# A branch: the source build, and no request for a release.
requests="$(grep -c '"GET' "$work/server.log" || true)"
bin="$(CITELINT_REF=main CITELINT_RELEASES="$base" CITELINT_BUILD_DIR="$build" \
  ci/github-action/install.sh 2>"$work/install.log")" || { cat "$work/install.log"; fail "branch"; }
[ "$bin" = "$build/citelint" ] || fail "the branch's binary is not $bin"
grep -q "is not a release tag" "$work/install.log" || fail "branch's reason"
[ "$(grep -c '"GET' "$work/server.log" || true)" = "$requests" ] || fail "a branch asked for a release"
echo "action_install_test: ok"
