#!/bin/sh
# No two C sources of libassess.la share a basename. libtool puts every object of the library
# into one archive by its basename, so two "book.c" in different folders make it copy and
# rename objects ("copying selected object files to avoid basename conflicts...") and name
# them after neither file. A source whose plain name is taken gets its module's prefix
# (portfolio/portfolio-book.c beside xlsx/book.c), as docs/HACKING.md says.
# Environment (set by make check): LIBASSESS_SOURCES, the library's .c files, generated or not.
set -u -f
: "${LIBASSESS_SOURCES:?LIBASSESS_SOURCES must list the .c files of libassess.la (make check sets it)}"
fail=0
# shellcheck disable=SC2086 # one word per file name
set -- $LIBASSESS_SOURCES
n=$#
[ "$n" -gt 50 ] || { echo "FAIL: only $n sources in LIBASSESS_SOURCES: is it still set?"; fail=1; }
# "book.c portfolio/book.c xlsx/book.c" for each basename that more than one source has.
twice=$(for f in "$@"; do echo "${f##*/} $f"; done | sort |
	awk '$1 == last { line = line " " $2; seen = 1; next }
	     { if (seen) print line; line = $1 " " $2; last = $1; seen = 0 }
	     END { if (seen) print line }')
if [ -n "$twice" ]; then
	printf '%s\n' "$twice" | while read -r name files; do
		echo "FAIL: $name is the basename of $files"
	done
	fail=1
fi
[ $fail = 0 ] && echo "basenames: the library's $n sources each have a basename of their own"
exit $fail
