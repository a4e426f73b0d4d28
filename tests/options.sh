#!/bin/sh
# Every option a command takes (its option table, as `assess help NAME` prints it) is described
# in the man page: under the command's own entry, or under OPTIONS for the ones all commands
# share. So an option added to a table without a word in the man page fails here.
# Environment (set by make check): ASSESS, TESTS_SRCDIR.
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
: "${ASSESS:?ASSESS must name the assess binary}"
man=$TESTS_SRCDIR/../man/assess.1.in
fail=0
commands=$("$ASSESS" --help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p')
[ -n "$commands" ] || { echo "FAIL: no commands listed by assess --help"; exit 1; }
# The OPTIONS section: what every command accepts.
shared=$(sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$man")
n=0
for cmd in $commands; do
	# The command's entry under COMMANDS: the .TP whose first line starts with NAME (after
	# the font macro and its quote), to the next .TP.
	entry=$(awk -v c="$cmd" '
		/^\.SH / { in_cmds = ($2 == "COMMANDS"); on = 0 }
		in_cmds && /^\.TP/ { on = 0; head = 1; next }
		head { w = $2; gsub(/"/, "", w); on = (w == c); head = 0 }
		on' "$man")
	[ -n "$entry" ] || { echo "FAIL: man page has no entry for $cmd"; fail=1; continue; }
	# "o:output" for "  -o, --output FILE", ":json" for "  --json".
	for spec in $("$ASSESS" help "$cmd" |
		      sed -n 's/^  \(-\(.\), \)\{0,1\}--\([a-z0-9-]*\).*/\2:\3/p'); do
		n=$((n + 1))
		short=${spec%%:*} opt=${spec#*:}
		# The man page spells a dash \-: look for the text as it is written there.
		long_pat="\\-\\-$(printf '%s' "$opt" | sed 's/-/\\-/g')"
		if ! printf '%s\n' "$entry" | grep -qF -- "$long_pat" &&
		   ! { [ -n "$short" ] && printf '%s\n' "$entry" | grep -q -- "\\\\-$short\\b"; } &&
		   ! printf '%s\n' "$shared" | grep -qF -- "$long_pat"; then
			echo "FAIL: $cmd --$opt is not in the man page ($man)"
			fail=1
		fi
	done
done
# --force replaces a regular file only (docs/guarantees.md): every help text of a --force that
# replaces a file says so, and so does the man page.
for cmd in $commands; do
	force=$("$ASSESS" help "$cmd" | awk '
		/^  (-., )?--/ { on = ($0 ~ /^  (-., )?--force /) }
		on')
	if printf '%s\n' "$force" | grep -q 'replace' && ! printf '%s\n' "$force" | grep -q 'regular'; then
		echo "FAIL: $cmd --force does not say it replaces regular files only: $force"
		fail=1
	fi
done
printf '%s\n' "$shared" | sed -n '/^\.B \\-\\-force$/,/^\.TP/p' | grep -q 'only a regular file' ||
	{ echo "FAIL: the man page's --force does not say it replaces only a regular file"; fail=1; }
[ "$n" -gt 20 ] || { echo "FAIL: only $n options found: is the help format still parsed?"; fail=1; }
[ $fail -eq 0 ] && echo "options: $n options of $(echo $commands | wc -w) commands, all in the man page"
exit $fail
