#!/bin/sh
# Fails when a catalogue has an error, a fuzzy or an untranslated message:
# the app is used in Swedish, so every string needs its translation.
# Usage: check-translation.sh MSGFMT FILE.po
set -eu
msgfmt=$1
po=$2
stats=$(LC_ALL=C "$msgfmt" --check --statistics -o /dev/null "$po" 2>&1)
echo "# $po: $stats"
case "$stats" in
  *fuzzy*|*untranslated*)
    echo "not ok: $po is incomplete" >&2
    exit 1
    ;;
esac
