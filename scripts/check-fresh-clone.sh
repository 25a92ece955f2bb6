#!/usr/bin/env bash
# What a new machine sees first: clones the committed repository into a temporary folder and
# checks that `npm ci` passes on the lock file as committed, that `npm install` leaves the clone
# unchanged (no rewritten lock file), and that neither prints EBADENGINE (a dependency that does
# not support the Node version package.json declares). Needs the npm registry.
#   scripts/check-fresh-clone.sh [REPO]   (default: this repository)
set -euo pipefail

repo="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
clone="$(mktemp -d "${TMPDIR:-/tmp}/teamgate-fresh-XXXXXX")"
trap 'rm -rf "$clone" "$clone.ci.log" "$clone.install.log"' EXIT

fail() {
  echo "✖ $1" >&2
  [ -n "${2:-}" ] && tail -n 40 "$2" >&2
  exit 1
}

git clone --quiet "$repo" "$clone"
cd "$clone"
echo "Fresh clone of $(git rev-parse --short HEAD) in $clone (node $(node --version), npm $(npm --version))"

npm ci --no-audit --no-fund >"$clone.ci.log" 2>&1 || fail "npm ci failed on the committed package-lock.json" "$clone.ci.log"
echo "✔ npm ci"

npm install --no-audit --no-fund >"$clone.install.log" 2>&1 || fail "npm install failed" "$clone.install.log"
changed="$(git status --porcelain)"
[ -z "$changed" ] || fail "npm install changed the clone:
$changed"
echo "✔ npm install leaves git status clean"

if grep -h "EBADENGINE" "$clone.ci.log" "$clone.install.log" >&2; then
  fail "a dependency does not support node $(node --version) (EBADENGINE above)"
fi
echo "✔ no EBADENGINE"
