#!/usr/bin/env bash
# The Debian package, as a user gets it: built by ci/package.sh from BUILD_DIR, every shared
# library its programs load declared in Depends, unpacked into a scratch root and run from there
# (--version, the example list, a PDF through the module in lib/citelint, rules test away from
# the source, the manual page, the completions). With CITELINT_TEST_INSTALL=1 (CI, as root) it
# is also installed with apt-get, run from /usr/bin and man citelint, and removed again.
#   tests/package/deb_test.sh BUILD_DIR
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "$1" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "deb_test: $*" >&2; exit 1; }

cd "$src"
ci/package.sh "$build" "$work/dist" >"$work/package.txt"
deb="$(sed -n 1p "$work/package.txt")"
[ -f "$deb" ] || fail "no package made"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
# The package names Depends lists (alternatives too), one a line.
declared="$(tr ',|' '\n\n' <<<"$depends" | awk '{print $1}')"

# Every library the programs need is declared, by the package that ships it here.
root="$work/root"
dpkg-deb -x "$deb" "$root"
ldconfig -p >"$work/ldconfig.txt"
for elf in "$root/usr/bin/citelint" "$root/usr/lib/citelint/citelint-pdf.so"; do
  [ -f "$elf" ] || fail "missing ${elf#"$root"}"
  objdump -p "$elf" >"$work/objdump.txt"
  for soname in $(awk '/NEEDED/ {print $2}' "$work/objdump.txt"); do
    path="$(awk -v s="$soname" '$1 == s && /x86-64/ && !n++ {print $NF}' "$work/ldconfig.txt")"
    [ -n "$path" ] || fail "$soname (needed by ${elf#"$root"}) is not on this machine"
    owner="$(dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path")"
    pkg="${owner%%:*}"
    grep -Fxq "$pkg" <<<"$declared" ||
      fail "$soname comes from $pkg, which Depends does not name"
  done
done

# Run from where it was unpacked: the module is found beside it, rules and fixtures are built in.
bin="$root/usr/bin/citelint"
[ "$("$bin" --version)" = "citelint $(dpkg-deb -f "$deb" Version)" ] || fail "--version"
status=0
"$bin" check --offline --as-of 2020-01-01 examples/gbt7714.txt >"$work/out.txt" || status=$?
[ "$status" = 1 ] || fail "check on the example exited $status"
grep -q "error\[core/UrlWhitespace\]" "$work/out.txt" || fail "check on the example"
LD_DEBUG=files "$bin" text tests/fixtures/pdf/article.pdf >"$work/pdf.txt" 2>"$work/ld.txt" ||
  fail "the PDF module"
grep -q "page 2" "$work/pdf.txt" || fail "the PDF module"
# From the package's lib/citelint, not the build tree the binary was built in.
grep -Fq "file=$root/usr/bin/../lib/citelint/citelint-pdf.so" "$work/ld.txt" ||
  fail "the PDF module was not loaded from the package's lib/citelint"
(cd "$work" && "$bin" rules test >rules.txt) || fail "rules test away from the source"
awk 'END {exit !/, 0 failed$/}' "$work/rules.txt" || fail "rules test away from the source"
man -l "$root/usr/share/man/man1/citelint.1.gz" >"$work/man.txt" 2>/dev/null || fail "man page"
grep -q "citelint check" "$work/man.txt" || fail "man page"
for f in bash-completion/completions/citelint zsh/vendor-completions/_citelint \
  fish/vendor_completions.d/citelint.fish; do
  [ -s "$root/usr/share/$f" ] || fail "no $f"
done
bash -n "$root/usr/share/bash-completion/completions/citelint" || fail "bash completion"
if command -v zsh >/dev/null; then zsh -n "$root/usr/share/zsh/vendor-completions/_citelint"; fi
if command -v fish >/dev/null; then fish -n "$root/usr/share/fish/vendor_completions.d/citelint.fish"; fi
tar -tzf "$work/dist/citelint-linux-amd64.tar.gz" >"$work/tar.txt"
grep -q "bin/citelint$" "$work/tar.txt" || fail "tarball"

if [ "${CITELINT_TEST_INSTALL:-0}" = 1 ]; then
  # apt-get resolves the declared dependencies (here, all installed already).
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null ||
    fail "apt-get install"
  trap 'dpkg -P citelint >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
  [ "$(command -v citelint)" = /usr/bin/citelint ] || fail "not on PATH as /usr/bin/citelint"
  [ "$(citelint --version)" = "citelint $(dpkg-deb -f "$deb" Version)" ] || fail "installed --version"
  status=0
  (cd "$work" && citelint check --offline --as-of 2020-01-01 \
    /usr/share/doc/citelint/examples/gbt7714.txt >out.txt) || status=$?
  [ "$status" = 1 ] || fail "installed check exited $status"
  MANPAGER=cat man citelint >"$work/man.txt" 2>/dev/null || fail "man citelint"
  grep -q "citelint baseline" "$work/man.txt" || fail "man citelint"
  dpkg -P citelint >/dev/null
  echo "installed with apt-get, ran from /usr/bin, removed"
fi
echo "deb_test: ok"
