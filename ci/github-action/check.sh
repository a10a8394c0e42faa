#!/usr/bin/env bash
# What the GitHub Action runs in its Debian 12 container (and what any CI can run): citelint
# check on FILES with annotations on standard output (GitHub workflow commands), a SARIF file
# and a Markdown summary beside them, and citelint's exit status.
#   CITELINT_BIN=path/to/citelint ci/github-action/check.sh OUT_DIR [check options...] FILE...
# Writes OUT_DIR/citelint.sarif, OUT_DIR/citelint.md (and appends the summary to
# $GITHUB_STEP_SUMMARY when that is set).
set -uo pipefail
out="$1"
shift
bin="${CITELINT_BIN:-citelint}"
mkdir -p "$out"
"$bin" check --format github --report "sarif=$out/citelint.sarif" \
  --report "markdown=$out/citelint.md" "$@"
status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$out/citelint.md" ]; then
  cat "$out/citelint.md" >>"$GITHUB_STEP_SUMMARY"
fi
exit "$status"
