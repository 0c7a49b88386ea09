#!/bin/sh
# Fails when the Swedish catalogue lacks a string of the code, or has a
# fuzzy or broken one: the app is used in Swedish, so every string needs
# its translation.  The catalogue is compared with a template made afresh
# from po/POTFILES.in, not with whatever po/sv.po happens to contain.
# Usage: check-translation.sh SOURCE_ROOT
set -eu
srcdir=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

grep -v '^#' "$srcdir/po/POTFILES.in" | sed '/^$/d' > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments --directory="$srcdir" \
  --files-from="$tmp/files" --output="$tmp/lexsarah.pot" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 2>"$tmp/xgettext.log" || {
  cat "$tmp/xgettext.log" >&2
  exit 1
}
msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/sv.po" \
  "$srcdir/po/sv.po" "$tmp/lexsarah.pot"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/sv.po" 2>&1)
echo "# po/sv.po against the code: $stats"
status=0
case "$stats" in
  *fuzzy*|*untranslated*)
    echo "not ok: po/sv.po lacks translations of these strings:" >&2
    msgattrib --untranslated --only-fuzzy --no-location "$tmp/sv.po" >&2 || true
    msgattrib --untranslated --no-location "$tmp/sv.po" | grep '^msgid' >&2 || true
    status=1
    ;;
esac
# The catalogue itself must be sound too (no fuzzy or broken entries).
own=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$srcdir/po/sv.po" 2>&1)
case "$own" in
  *fuzzy*)
    echo "not ok: po/sv.po has fuzzy entries: $own" >&2
    status=1
    ;;
esac
exit $status
