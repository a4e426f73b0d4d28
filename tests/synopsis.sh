#!/bin/sh
# A command's usage line is written once, in its descriptor (.usage in assess/cmd-NAME.c), and
# `assess help NAME` prints it. The man page and docs/ show it again for their readers, and here
# each copy must say what the binary says:
# - the man page: the head of the command's entry under COMMANDS (the line after its .TP),
#   written `.B NAME` and the usage, with \fB, \fI and \fR for the fonts and \- for a dash;
# - a page of docs/: the synopsis each of its sections opens with (the page's title counts as
#   a heading too), in the section's first indented block, a line `assess NAME ...` with an
#   optional part in [brackets] (an example has none), continued on the lines below it
#   indented further.
# Spaces and line breaks do not count. A usage changed in one place alone fails here.
# Environment (set by make check): ASSESS, TESTS_SRCDIR.
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
. "$TESTS_SRCDIR/lib.sh"
top=$(cd "$TESTS_SRCDIR/.." && pwd)
man=$top/man/assess.1.in

commands=$(commands)
[ -n "$commands" ] || bad "no commands listed by assess --help"
n_commands=$(printf '%s\n' "$commands" | wc -l)

# same WHERE TEXT: TEXT ("NAME ARGS", spaced anyhow) is the usage of its command NAME.
same() {
	text=$(printf '%s\n' "$2" | sed 's/  */ /g; s/^ //; s/ $//')
	want=$(usage "${text%% *}")
	if [ -n "$want" ] && [ "$text" = "$want" ]; then
		ok
	else
		bad "$1 shows a usage that \`assess help ${text%% *}\` does not print:
    shown: $text
    help:  ${want:-(no such command)}"
	fi
}

# The man page: every command has a head, and every head is its command's usage.
heads=$(awk '
	/^\.SH / { in_cmds = ($2 == "COMMANDS") }
	in_cmds && head { print; head = 0 }
	in_cmds && /^\.TP/ { head = 1 }' "$man" | sed 's/^\.B //; s/\\f[BIR]//g; s/\\-/-/g')
for cmd in $commands; do
	printf '%s\n' "$heads" | grep -q "^$cmd " || bad "the man page has no head \`.B $cmd ...\`"
done
n_man=0
while IFS= read -r head; do
	same "man/assess.1.in" "$head"
	n_man=$((n_man + 1))
done <<EOF
$heads
EOF

# docs/: the synopsis lines of each section's first indented block, a continuation joined on.
n_docs=0
for page in "$top"/docs/*.md; do
	synopses=$(awk -v cmds=" $(printf '%s\n' "$commands" | tr '\n' ' ')" '
		/^#/ {
			if (s != "") print s
			s = ""
			in_block = done = 0
		}
		done { next }
		/^    / && (prev == "" || in_block) {
			in_block = 1
			if (/^    assess [a-z]/ && index(cmds, " " $2 " ") && /\[/) {
				if (s != "") print s
				s = $0
			} else if (/^     / && s != "") {
				s = s " " $0
			} else {
				if (s != "") print s
				s = ""
			}
			prev = $0
			next
		}
		in_block {
			if (s != "") print s
			s = ""
			in_block = 0
			done = 1
			next
		}
		{ prev = $0 }
		END { if (s != "") print s }' "$page" | sed 's/^ *assess //')
	[ -n "$synopses" ] || continue
	while IFS= read -r synopsis; do
		same "docs/$(basename "$page")" "$synopsis"
		n_docs=$((n_docs + 1))
	done <<EOF
$synopses
EOF
done

# Parsed at all: every command in the man page, and the synopses docs/ has today (six).
[ "$n_man" -ge "$n_commands" ] || bad "only $n_man heads found in the man page"
[ "$n_docs" -ge 6 ] || bad "only $n_docs synopses found in docs/: is their layout still parsed?"
passed
