#!/bin/sh
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
# Usage: check-potfiles.sh SOURCE_ROOT
set -eu
cd "$1"
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')
for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names $f, which does not exist" >&2
    status=1
  fi
done
for f in $(find src -name '*.c' -o -name '*.ui' | sort); do
  if grep -qE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext) ?\(|translatable="yes"' "$f"; then
    if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
      echo "$f has translatable strings but is not in po/POTFILES.in" >&2
      status=1
    fi
  fi
done
sorted=$(printf '%s\n' "$listed" | LC_ALL=C sort)
if [ "$sorted" != "$listed" ]; then
  echo "po/POTFILES.in is not sorted" >&2
  status=1
fi
exit $status
