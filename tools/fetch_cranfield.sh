#!/usr/bin/env bash
# fetch_cranfield.sh [DEST_DIR]: the Cranfield 1400 test collection (1400 aeronautics abstracts,
# 225 queries, graded judgments) for the ranking evaluation (docs/ranking-eval.md), converted to
# DEST_DIR/docs.jsonl and DEST_DIR/queries.json by tools/cranfield_convert.py.
#
# Where from, in order: the raw files already in DEST_DIR (checked again); the canonical URL
# (short timeout; its tarball must parse as 1400 documents and 225 queries); a local git mirror of
# a public GitHub copy, ${CRANFIELD_MIRROR:-/work/.mirror/noramtboraas+information-retrieval/repo}
# (a bare git dir, files at HEAD, sha256-checked). DEST_DIR defaults to build/cranfield of the
# repository; the files are third-party data and never go into git.
# Exit status: 0 done; 77 (ctest "skipped") with a one-line reason when the files cannot be had;
# 2 usage error.
set -u -o pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
case "${1:-}" in -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
[ $# -le 1 ] || { echo "usage: $0 [DEST_DIR]" >&2; exit 2; }
DEST=${1:-$ROOT/build/cranfield}
URL=${CRANFIELD_URL:-http://ir.dcs.gla.ac.uk/resources/test_collections/cran/cran.tar.gz}
MIRROR=${CRANFIELD_MIRROR:-/work/.mirror/noramtboraas+information-retrieval/repo}
FILES="cran.all.1400 cran.qry cranqrel"
# sha256 of the mirror's copies (CRLF line ends).
declare -A SHA=(
  [cran.all.1400]=fbb8935a93263ab6c9fadefb507fd7cd5e101e7fbeb31c12e6bff6dd501315e8
  [cran.qry]=99578ceb88941ef89c14faf7c63c23776a376d8fba319b990f01d0c601d8b03f
  [cranqrel]=a90f56082cd44db70bf2c21ebca39a1a34e37c82ccb5ddf1bcc64f18795234c7
)

skip() { echo "fetch_cranfield: skipped: $*" >&2; exit 77; }
command -v python3 >/dev/null || skip "python3 is not installed (needed to convert the files)"
mkdir -p "$DEST/raw" || skip "cannot create $DEST/raw"
RAW=$DEST/raw
TMP=$(mktemp -d) || skip "cannot create a temporary folder"
trap 'rm -rf "$TMP"' EXIT

have_all() { for f in $FILES; do [ -s "$1/$f" ] || return 1; done; }
sha_ok() { for f in $FILES; do
  [ "$(sha256sum "$1/$f" | cut -d' ' -f1)" = "${SHA[$f]}" ] || return 1; done; }
parses() { python3 "$ROOT/tools/cranfield_convert.py" "$1" "$TMP/check" >/dev/null 2>&1; }
install_from() { for f in $FILES; do cp "$1/$f" "$RAW/$f" || return 1; done; }

got=""
# 1. Already fetched (by either route): keep when it still checks out.
if have_all "$RAW" && { sha_ok "$RAW" || parses "$RAW"; }; then
  got="$RAW (already fetched)"
fi
# 2. The canonical URL, briefly (this machine may have no internet).
if [ -z "$got" ] && command -v curl >/dev/null &&
   curl -fsSL --connect-timeout 5 --max-time 30 -o "$TMP/cran.tar.gz" "$URL" 2>/dev/null; then
  mkdir -p "$TMP/tar" && tar -xzf "$TMP/cran.tar.gz" -C "$TMP/tar" 2>/dev/null
  for f in $FILES; do
    found=$(find "$TMP/tar" -type f -name "$f" | head -n 1)
    [ -n "$found" ] && cp "$found" "$TMP/$f"
  done
  if have_all "$TMP" && parses "$TMP" && install_from "$TMP"; then got="$URL"; fi
fi
# 3. The local mirror of a public GitHub copy, checked byte for byte.
if [ -z "$got" ]; then
  [ -d "$MIRROR" ] || skip "no internet copy and no mirror at $MIRROR (set CRANFIELD_MIRROR)"
  mkdir -p "$TMP/m"
  for f in $FILES; do
    git --git-dir="$MIRROR" show "HEAD:$f" >"$TMP/m/$f" 2>/dev/null || skip "$f is not in the mirror $MIRROR"
  done
  sha_ok "$TMP/m" || skip "the mirror's files do not have the expected sha256 ($MIRROR)"
  install_from "$TMP/m" || skip "cannot write into $RAW"
  got="$MIRROR"
fi

python3 "$ROOT/tools/cranfield_convert.py" "$RAW" "$DEST" >"$TMP/convert.log" 2>&1 ||
  skip "the files from $got do not convert: $(tail -n 1 "$TMP/convert.log")"
echo "fetch_cranfield: from $got: $(cat "$TMP/convert.log")"
